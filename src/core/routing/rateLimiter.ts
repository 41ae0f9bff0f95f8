/**
 * Sliding-window rate limiter: at most `limit` grants in any window of `windowMs`.
 * Excess callers queue in FIFO order and never fail; they are only ever cancelled by their signal.
 * A grant at time t occupies its slot for [t, t + windowMs).
 *
 * Time is the clock's monotonic time, not the wall clock: a system clock set back would otherwise hold
 * every slot until the wall clock caught up (an hour back stalled a full window for 61 minutes), and one
 * set forward would free them all at once. (A monotonic clock may stand still while the machine sleeps,
 * which delays a slot by at most one window.)
 *
 * The limit is per VS Code window, not shared between windows: each window's router has its own limiter,
 * so N windows may send up to N times `limit` per window. Why not shared: the limit exists to spread one
 * window's bursts (a batch of comments, a retry storm) and the server's own 429 + Retry-After, which the
 * router honours, is the real cross-window guard. Sharing a sliding window between processes needs
 * timestamps they all agree on (the wall clock, which is what a clock step breaks) and a cross-process
 * FIFO queue (polling a shared file), neither simple nor exact. What must be exact across windows is
 * the monthly quota, and that one is shared (quota.ts).
 */
import { cancelledFailure } from './clock';
import type { Clock } from './routingTypes';

export interface RateLimiterOptions {
  /** Grants allowed per window; must be >= 1 (Infinity disables limiting). */
  readonly limit: number;
  readonly windowMs?: number;
  readonly clock: Clock;
}

export interface RateLimiterSnapshot {
  readonly limit: number;
  readonly windowMs: number;
  /** Grants still inside the current window. */
  readonly inWindow: number;
  /** Callers waiting for a slot. */
  readonly queued: number;
  /** How long until the next slot frees up; 0 when a slot is free now. */
  readonly nextSlotInMs: number;
}

interface Waiter {
  readonly grant: () => void;
}

interface Timer {
  readonly at: number;
  readonly controller: AbortController;
}

export class SlidingWindowRateLimiter {
  private limit: number;
  private windowMs: number;
  private readonly clock: Clock;
  /** Grant times (monotonic) inside the window, oldest first. */
  private grants: number[] = [];
  private queue: Waiter[] = [];
  /** The one pending wake-up, if any. */
  private timer: Timer | undefined;

  constructor(options: RateLimiterOptions) {
    this.clock = options.clock;
    this.limit = validLimit(options.limit);
    this.windowMs = validWindow(options.windowMs ?? 60000);
  }

  /** Resolves when the caller may send a request; rejects with CallFailure('cancelled') if `signal` aborts while queued. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledFailure());
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.queue = this.queue.filter((w) => w !== waiter);
        reject(cancelledFailure());
        // The queue changed (maybe emptied): re-plan the timer.
        this.pump();
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  get queueLength(): number {
    return this.queue.length;
  }

  /** Grants inside the current window. */
  inWindow(): number {
    this.prune(this.clock.monotonicNow());
    return this.grants.length;
  }

  /** Changes the limit (and optionally the window); queued callers are served under the new values. */
  setLimit(limit: number, windowMs?: number): void {
    this.limit = validLimit(limit);
    if (windowMs !== undefined) this.windowMs = validWindow(windowMs);
    this.pump();
  }

  snapshot(): RateLimiterSnapshot {
    const now = this.clock.monotonicNow();
    this.prune(now);
    return {
      limit: this.limit,
      windowMs: this.windowMs,
      inWindow: this.grants.length,
      queued: this.queue.length,
      nextSlotInMs: Math.max(0, this.nextFreeAt(now) - now),
    };
  }

  /** Grants as many queued callers as the window allows, then plans one wake-up for the rest. */
  private pump(): void {
    const now = this.clock.monotonicNow();
    this.prune(now);
    while (this.queue.length > 0 && this.grants.length < this.limit) {
      const waiter = this.queue.shift();
      if (!waiter) break;
      this.grants.push(now);
      waiter.grant();
    }
    if (this.queue.length === 0) {
      this.cancelTimer();
      return;
    }
    this.scheduleAt(this.nextFreeAt(now));
  }

  private prune(now: number): void {
    let expired = 0;
    while (expired < this.grants.length && this.grants[expired] + this.windowMs <= now) expired++;
    if (expired > 0) this.grants = this.grants.slice(expired);
  }

  /** When a slot frees: after the oldest grants expire until fewer than `limit` remain. */
  private nextFreeAt(now: number): number {
    if (this.grants.length < this.limit) return now;
    return this.grants[this.grants.length - this.limit] + this.windowMs;
  }

  private scheduleAt(at: number): void {
    if (this.timer?.at === at) return;
    this.cancelTimer();
    const controller = new AbortController();
    const timer: Timer = { at, controller };
    this.timer = timer;
    this.clock.sleep(at - this.clock.monotonicNow(), controller.signal).then(
      () => {
        if (this.timer !== timer) return;
        this.timer = undefined;
        this.pump();
      },
      () => {
        // Cancelled by cancelTimer: a newer plan replaced this one.
      },
    );
  }

  private cancelTimer(): void {
    const timer = this.timer;
    this.timer = undefined;
    timer?.controller.abort();
  }
}

function validLimit(limit: number): number {
  if (!(limit >= 1)) throw new RangeError(`Rate limit must be at least 1 request per window, got ${limit}`);
  return Number.isFinite(limit) ? Math.floor(limit) : limit;
}

function validWindow(windowMs: number): number {
  if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new RangeError(`Rate-limit window must be a positive duration, got ${windowMs}`);
  return windowMs;
}
