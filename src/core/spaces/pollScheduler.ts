// How often to re-read a Space's runtime: fast while it changes (building, starting), slow once it settled,
// never while the view is hidden.
import { describeStage } from './spaceStage';

export interface PollIntervals {
  readonly busyMs: number;
  readonly settledMs: number;
}

export const DEFAULT_POLL_INTERVALS: PollIntervals = { busyMs: 3_000, settledMs: 60_000 };

/** The delay before the next runtime read, or undefined when nothing should be polled (hidden view). */
export function nextPollDelay(stage: string | undefined, visible: boolean, intervals: PollIntervals = DEFAULT_POLL_INTERVALS): number | undefined {
  if (!visible) return undefined;
  if (stage === undefined) return intervals.busyMs;
  return describeStage(stage).terminal ? intervals.settledMs : intervals.busyMs;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Re-reads the runtime on the schedule above and reports only changes. `read` returns the current stage;
 * `onChange` gets the new stage when it differs from the last one seen.
 */
export class PollScheduler {
  private handle: unknown;
  private visible = false;
  private lastStage: string | undefined;
  private reading = false;
  private disposed = false;

  constructor(
    private readonly read: () => Promise<string | undefined>,
    private readonly onChange: (stage: string) => void,
    private readonly timers: Timers,
    private readonly intervals: PollIntervals = DEFAULT_POLL_INTERVALS,
  ) {}

  get stage(): string | undefined {
    return this.lastStage;
  }

  setVisible(visible: boolean): void {
    if (this.disposed || visible === this.visible) return;
    this.visible = visible;
    this.cancel();
    if (visible) void this.tick();
  }

  /** Reads now (after an action such as restart) and reschedules. */
  refresh(): Promise<void> {
    this.cancel();
    return this.tick();
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private async tick(): Promise<void> {
    if (this.disposed || !this.visible || this.reading) return;
    this.reading = true;
    try {
      const stage = await this.read();
      if (stage !== undefined && stage !== this.lastStage) {
        this.lastStage = stage;
        if (!this.disposed) this.onChange(stage);
      }
    } catch {
      // A failed read keeps the last stage; the next tick tries again.
    } finally {
      this.reading = false;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed) return;
    this.cancel();
    const delay = nextPollDelay(this.lastStage, this.visible, this.intervals);
    if (delay !== undefined) this.handle = this.timers.setTimeout(() => void this.tick(), delay);
  }
}
