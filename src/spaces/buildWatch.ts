/**
 * After a restart or factory rebuild started from the commands: re-reads the Space's runtime on the core poll
 * schedule (core/spaces/pollScheduler.ts: every 3 s while it builds) until it reaches an end stage, then tells the
 * user "<space> is running" or "<space> failed to build" with "Show Logs". A stage that is already an end stage is
 * only trusted once the build was seen running (the Hub may answer the old stage right after the restart).
 */
import { describeStage } from '../core/spaces/spaceStage';
import { DEFAULT_POLL_INTERVALS, PollScheduler, type PollIntervals } from '../core/spaces/pollScheduler';

export interface BuildEnd {
  readonly space: string;
  readonly stage: string;
  readonly ok: boolean;
}

export interface BuildWatchOptions {
  readonly space: string;
  /** The stage the action answered with (BUILDING after a restart). */
  readonly startStage: string | undefined;
  readStage(): Promise<string | undefined>;
  onEnd(end: BuildEnd): void;
  /** Each stage read (a progress message). */
  onStage?(stage: string): void;
  /**
   * An end stage is trusted without a build seen after this long (a build too quick to catch between reads, or one
   * that never started); default: never.
   */
  readonly trustEndAfterMs?: number;
  /** Gives up after this long (the Hub caps builds; default 2 hours). */
  readonly maxMs?: number;
  /** The core's schedule (tests shorten it). */
  readonly intervals?: PollIntervals;
}

/** Watches one build; resolves with its end (or undefined when cancelled or given up). */
export function watchBuild(o: BuildWatchOptions): { readonly done: Promise<BuildEnd | undefined>; cancel(): void } {
  let seenBusy = o.startStage !== undefined && !describeStage(o.startStage).terminal;
  let trusting = false;
  let finish: (end: BuildEnd | undefined) => void = () => undefined;
  const done = new Promise<BuildEnd | undefined>((resolve) => (finish = resolve));
  const scheduler = new PollScheduler(
    o.readStage,
    (stage) => {
      o.onStage?.(stage);
      const info = describeStage(stage);
      if (!info.terminal) {
        seenBusy = true;
        return;
      }
      if (!seenBusy && !trusting) return;
      end({ space: o.space, stage, ok: info.kind === 'ok' });
    },
    { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    o.intervals ?? DEFAULT_POLL_INTERVALS,
  );
  const giveUp = setTimeout(() => end(undefined), o.maxMs ?? 2 * 60 * 60_000);
  // The scheduler reports changes only: a Space that was already at an end stage is taken as it is at this point.
  const trust =
    o.trustEndAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          trusting = true;
          const stage = scheduler.stage;
          if (stage !== undefined && describeStage(stage).terminal) end({ space: o.space, stage, ok: describeStage(stage).kind === 'ok' });
        }, o.trustEndAfterMs);
  function end(result: BuildEnd | undefined): void {
    clearTimeout(giveUp);
    clearTimeout(trust);
    scheduler.dispose();
    if (result) o.onEnd(result);
    finish(result);
  }
  scheduler.setVisible(true);
  return { done, cancel: () => end(undefined) };
}
