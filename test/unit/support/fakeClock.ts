/**
 * A manually driven Clock for tests: time only moves when the test calls `advance`.
 * `advance` fires due sleepers one at a time in time order and drains pending microtasks after
 * each, so async code chained on a sleep (limiter pumps, retry loops) runs before the next fires.
 */
import { cancelledFailure } from '../../../src/core/routing/clock';
import type { Clock } from '../../../src/core/routing/routingTypes';

export const DEFAULT_FAKE_START = Date.parse('2026-11-25T12:00:00Z');

interface Sleeper {
  readonly dueAt: number;
  /** Creation order, so sleepers due at the same instant fire in the order they were started. */
  readonly seq: number;
  readonly wake: () => void;
}

/** Lets every queued microtask (and the ones they queue) run: setImmediate fires only after the microtask queue is empty. */
export function flushMicrotasks(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];
  private nextSeq = 0;

  constructor(start: number | Date | string = DEFAULT_FAKE_START) {
    this.current = typeof start === 'number' ? start : new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledFailure());
    // Like setTimeout(0): a non-positive wait is already due, so it resolves without needing an advance.
    if (!(ms > 0)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(cancelledFailure());
      };
      const sleeper: Sleeper = {
        dueAt: this.current + ms,
        seq: this.nextSeq++,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward by `ms`, waking due sleepers in time order with microtasks drained between them. */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    await flushMicrotasks();
    for (;;) {
      const next = this.earliestDue();
      if (!next || next.dueAt > target) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.current = Math.max(this.current, next.dueAt);
      next.wake();
      await flushMicrotasks();
    }
    this.current = target;
    await flushMicrotasks();
  }

  /** Number of sleeps not yet woken or cancelled. */
  pendingSleeps(): number {
    return this.sleepers.length;
  }

  /** When the earliest pending sleep is due, if any. */
  nextDueAt(): number | undefined {
    return this.earliestDue()?.dueAt;
  }

  private earliestDue(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) {
      if (!best || s.dueAt < best.dueAt || (s.dueAt === best.dueAt && s.seq < best.seq)) best = s;
    }
    return best;
  }
}
