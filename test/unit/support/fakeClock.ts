/**
 * A manually driven Clock for tests: time only moves when the test calls `advance`.
 * `advance` fires due sleepers one at a time in time order and drains pending microtasks after
 * each, so async code chained on a sleep (limiter pumps, retry loops) runs before the next fires.
 *
 * Wall time (`now`) and monotonic time (`monotonicNow`) are kept apart, like a real machine's:
 * `advance` moves both, `setWallClock` / `stepWallClock` move only the wall clock (the user or NTP
 * changing the system time), and sleepers are due on the monotonic clock, as Node's timers are.
 */
import { cancelledFailure } from '../../../src/core/routing/clock';
import type { Clock } from '../../../src/core/routing/routingTypes';

export const DEFAULT_FAKE_START = Date.parse('2026-11-25T12:00:00Z');

interface Sleeper {
  /** Monotonic time the sleep ends at. */
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
  /** Monotonic time: starts at 0 and only `advance` moves it. */
  private elapsed = 0;
  /** Wall time minus monotonic time; changed by the wall-clock steps. */
  private wallOffset: number;
  private sleepers: Sleeper[] = [];
  private nextSeq = 0;

  constructor(start: number | Date | string = DEFAULT_FAKE_START) {
    this.wallOffset = toTime(start);
  }

  now(): number {
    return this.wallOffset + this.elapsed;
  }

  monotonicNow(): number {
    return this.elapsed;
  }

  /** Sets the wall clock to `time` without moving monotonic time or waking anyone. */
  setWallClock(time: number | Date | string): void {
    this.wallOffset = toTime(time) - this.elapsed;
  }

  /** Moves the wall clock by `deltaMs` (negative: back) without moving monotonic time or waking anyone. */
  stepWallClock(deltaMs: number): void {
    this.wallOffset += deltaMs;
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
        dueAt: this.elapsed + ms,
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
    const target = this.elapsed + Math.max(0, ms);
    await flushMicrotasks();
    for (;;) {
      const next = this.earliestDue();
      if (!next || next.dueAt > target) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.elapsed = Math.max(this.elapsed, next.dueAt);
      next.wake();
      await flushMicrotasks();
    }
    this.elapsed = target;
    await flushMicrotasks();
  }

  /** Number of sleeps not yet woken or cancelled. */
  pendingSleeps(): number {
    return this.sleepers.length;
  }

  /** When (on the wall clock as it reads now) the earliest pending sleep is due, if any. */
  nextDueAt(): number | undefined {
    const due = this.earliestDue()?.dueAt;
    return due === undefined ? undefined : due + this.wallOffset;
  }

  private earliestDue(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) {
      if (!best || s.dueAt < best.dueAt || (s.dueAt === best.dueAt && s.seq < best.seq)) best = s;
    }
    return best;
  }
}

function toTime(time: number | Date | string): number {
  return typeof time === 'number' ? time : new Date(time).getTime();
}
