/**
 * Debounce and cancel for completion requests: the editor asks for a completion on every keystroke, but only
 * the last one, once typing pauses, is worth a model call, and a call whose answer is already stale must
 * be cancelled (its HTTP request aborted) rather than left to use up quota and a rate-limit slot.
 *
 * One scheduler per completion provider: each `schedule` supersedes the previous one. Time comes from a
 * `Clock` (routing/clock.ts), so tests drive the debounce with the fake clock instead of sleeping.
 */
import { systemClock } from '../routing/clock';
import type { Clock } from '../routing/routingTypes';

export interface CompletionSchedulerOptions {
  readonly clock?: Clock;
}

/** The scheduler's counts since it was made (for the bench and the status line). */
export interface SchedulerCounters {
  /** Works started (model calls made). */
  readonly started: number;
  /** Schedules replaced by a newer one while still in their debounce: their work never started. */
  readonly superseded: number;
  /** Works whose signal was aborted while they ran (by a newer schedule or the outer signal). */
  readonly abortedInFlight: number;
  /** Schedules cancelled by their outer signal before their work started. */
  readonly cancelled: number;
}

interface Pending {
  readonly controller: AbortController;
  running: boolean;
}

export class CompletionScheduler {
  private readonly clock: Clock;
  private current: Pending | undefined;
  private counts = { started: 0, superseded: 0, abortedInFlight: 0, cancelled: 0 };

  constructor(options: CompletionSchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Runs `work` after `debounceMs` unless superseded or cancelled first; resolves its result, or undefined
   * when it did not run or its result is stale:
   *  - a newer `schedule` call supersedes this one: still debouncing, it resolves undefined and `work`
   *    never starts; already running, `work`'s signal is aborted and this resolves undefined at once
   *    (whatever `work` later returns or throws is dropped);
   *  - `outerSignal` (the editor's cancellation, bridged) aborting does the same.
   * With `debounceMs` 0 (an explicit invoke) `work` starts synchronously, within this call.
   * Errors `work` throws while still current are passed on (rejection).
   */
  schedule<T>(debounceMs: number, work: (signal: AbortSignal) => Promise<T>, outerSignal?: AbortSignal): Promise<T | undefined> {
    this.supersedeCurrent();
    if (outerSignal?.aborted) {
      this.counts.cancelled++;
      return Promise.resolve(undefined);
    }
    const pending: Pending = { controller: new AbortController(), running: false };
    this.current = pending;
    const signal = pending.controller.signal;
    const onOuterAbort = (): void => {
      if (!signal.aborted) this.abort(pending);
    };
    outerSignal?.addEventListener('abort', onOuterAbort, { once: true });

    const aborted = new Promise<undefined>((resolve) => signal.addEventListener('abort', () => resolve(undefined), { once: true }));
    const run = async (): Promise<T | undefined> => {
      if (debounceMs > 0) {
        try {
          await this.clock.sleep(debounceMs, signal);
        } catch {
          return undefined; // aborted while debouncing
        }
      }
      if (signal.aborted) return undefined;
      pending.running = true;
      this.counts.started++;
      const result = work(signal);
      // If this is aborted, the race below resolves undefined: a late rejection must not go unhandled.
      result.catch(() => undefined);
      return await Promise.race([result, aborted]);
    };
    return run().finally(() => {
      // Done: a newer schedule has nothing left to abort here, and the outer signal no longer matters.
      outerSignal?.removeEventListener('abort', onOuterAbort);
      if (this.current === pending) this.current = undefined;
    });
  }

  /** Cancels what is scheduled or running, if anything (the editor lost focus, the feature was turned off). */
  cancel(): void {
    const pending = this.current;
    if (pending) this.abort(pending);
  }

  get started(): number {
    return this.counts.started;
  }

  get superseded(): number {
    return this.counts.superseded;
  }

  get abortedInFlight(): number {
    return this.counts.abortedInFlight;
  }

  counters(): SchedulerCounters {
    return { ...this.counts };
  }

  private supersedeCurrent(): void {
    const pending = this.current;
    if (!pending || pending.controller.signal.aborted) return;
    if (!pending.running) this.counts.superseded++;
    this.abort(pending, false);
  }

  /** Aborts `pending`; counts it as cancelled (before its work started) or aborted in flight. */
  private abort(pending: Pending, countCancelled = true): void {
    if (pending.running) this.counts.abortedInFlight++;
    else if (countCancelled) this.counts.cancelled++;
    pending.controller.abort();
    if (this.current === pending) this.current = undefined;
  }
}
