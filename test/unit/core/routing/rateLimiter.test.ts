import { strict as assert } from 'node:assert';
import { SlidingWindowRateLimiter } from '../../../../src/core/routing/rateLimiter';
import { CallFailure } from '../../../../src/core/routing/routingTypes';
import { FakeClock } from '../../support/fakeClock';

const WINDOW = 60_000;

interface Grant {
  readonly id: number;
  readonly at: number;
}

/** Starts an acquire and records when it is granted (the clocks in these tests start at 0). */
function track(limiter: SlidingWindowRateLimiter, clock: FakeClock, grants: Grant[], id: number, signal?: AbortSignal): Promise<void> {
  return limiter.acquire(signal).then(() => {
    grants.push({ id, at: clock.now() });
  });
}

/** Fails if any half-open window [t, t + windowMs) holds more than `limit` grants. */
function assertNeverMoreThan(limit: number, windowMs: number, times: readonly number[]): void {
  for (const t of times) {
    const inside = times.filter((u) => u >= t && u < t + windowMs).length;
    assert.ok(inside <= limit, `${inside} grants in the window starting at ${t}, limit ${limit}`);
  }
}

describe('SlidingWindowRateLimiter', () => {
  it('grants a burst of 5R requests R per window, in FIFO order, never more than R in any window', async () => {
    const R = 3;
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: R, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const all = Array.from({ length: 5 * R }, (_, i) => track(limiter, clock, grants, i));

    await clock.advance(0);
    assert.equal(grants.length, R);
    assert.equal(limiter.queueLength, 4 * R);
    await clock.advance(WINDOW - 1);
    assert.equal(grants.length, R, 'no new grant before the first slot leaves the window');
    await clock.advance(1);
    assert.equal(grants.length, 2 * R);
    await clock.advance(3 * WINDOW);
    await Promise.all(all);

    assert.deepEqual(
      grants.map((g) => g.id),
      Array.from({ length: 5 * R }, (_, i) => i),
    );
    assert.deepEqual(
      grants.map((g) => g.at),
      [0, 0, 0, 60_000, 60_000, 60_000, 120_000, 120_000, 120_000, 180_000, 180_000, 180_000, 240_000, 240_000, 240_000],
    );
    assertNeverMoreThan(R, WINDOW, grants.map((g) => g.at));
    assert.equal(limiter.queueLength, 0);
    assert.equal(clock.pendingSleeps(), 0, 'no timer left once the queue is empty');
  });

  it('slides: a slot frees exactly one window after its own grant, not at a fixed boundary', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const pending = [track(limiter, clock, grants, 0)];
    await clock.advance(30_000);
    pending.push(track(limiter, clock, grants, 1));
    await clock.advance(10_000);
    pending.push(track(limiter, clock, grants, 2), track(limiter, clock, grants, 3));
    await clock.advance(100_000);
    await Promise.all(pending);
    assert.deepEqual(grants, [
      { id: 0, at: 0 },
      { id: 1, at: 30_000 },
      { id: 2, at: 60_000 },
      { id: 3, at: 90_000 },
    ]);
    assertNeverMoreThan(2, WINDOW, grants.map((g) => g.at));
  });

  it('keeps at most one timer pending however many callers wait', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const pending = Array.from({ length: 10 }, (_, i) => track(limiter, clock, grants, i));
    await clock.advance(0);
    assert.equal(clock.pendingSleeps(), 1);
    await clock.advance(WINDOW);
    assert.equal(clock.pendingSleeps(), 1);
    await clock.advance(20 * WINDOW);
    await Promise.all(pending);
    assert.equal(grants.length, 10);
  });

  it('removes a request cancelled while queued; the next waiter moves up and no slot is consumed', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const controller = new AbortController();
    const first = track(limiter, clock, grants, 0);
    const cancelled = track(limiter, clock, grants, 1, controller.signal);
    const third = track(limiter, clock, grants, 2);
    await clock.advance(0);
    assert.equal(limiter.queueLength, 2);

    controller.abort();
    await assert.rejects(cancelled, (err: unknown) => err instanceof CallFailure && err.kind === 'cancelled');
    assert.equal(limiter.queueLength, 1);

    await clock.advance(WINDOW);
    await Promise.all([first, third]);
    assert.deepEqual(grants, [
      { id: 0, at: 0 },
      { id: 2, at: WINDOW },
    ]);
    assert.equal(limiter.inWindow(), 1);
  });

  it('cancelling the only waiter cancels the pending timer', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await clock.advance(0);
    assert.equal(clock.pendingSleeps(), 1);
    controller.abort();
    await assert.rejects(waiting);
    assert.equal(clock.pendingSleeps(), 0);
    assert.equal(limiter.queueLength, 0);
  });

  it('rejects at once for an already-aborted signal without taking a slot', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(limiter.acquire(controller.signal), (err: unknown) => err instanceof CallFailure && err.kind === 'cancelled');
    assert.equal(limiter.inWindow(), 0);
  });

  it('setLimit raising the limit serves queued callers at once', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const pending = [0, 1, 2, 3].map((i) => track(limiter, clock, grants, i));
    await clock.advance(0);
    assert.equal(grants.length, 1);
    limiter.setLimit(3);
    await clock.advance(0);
    assert.deepEqual(grants.map((g) => g.id), [0, 1, 2]);
    await clock.advance(WINDOW);
    await Promise.all(pending);
    assert.deepEqual(grants.map((g) => g.at), [0, 0, 0, WINDOW]);
  });

  it('setLimit lowering the limit holds queued callers until the window has room under the new limit', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 3, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < 3; i++) {
      pending.push(track(limiter, clock, grants, i));
      await clock.advance(10_000);
    }
    pending.push(track(limiter, clock, grants, 3));
    limiter.setLimit(1);
    // Grants at 0, 10 s and 20 s: under a limit of 1 the window has room once the 20 s grant expires.
    assert.equal(limiter.snapshot().nextSlotInMs, 20_000 + WINDOW - 30_000);
    await clock.advance(WINDOW);
    await Promise.all(pending);
    assert.deepEqual(grants.map((g) => g.at), [0, 10_000, 20_000, 20_000 + WINDOW]);
  });

  it('setLimit can change the window length', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const pending = [0, 1].map((i) => track(limiter, clock, grants, i));
    await clock.advance(0);
    limiter.setLimit(1, 1000);
    await clock.advance(1000);
    await Promise.all(pending);
    assert.deepEqual(grants.map((g) => g.at), [0, 1000]);
    assert.equal(limiter.snapshot().windowMs, 1000);
  });

  it('snapshot reports limit, window, grants in window, queue and time to the next slot', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: WINDOW, clock });
    assert.deepEqual(limiter.snapshot(), { limit: 2, windowMs: WINDOW, inWindow: 0, queued: 0, nextSlotInMs: 0 });
    void limiter.acquire();
    void limiter.acquire();
    void limiter.acquire();
    await clock.advance(15_000);
    assert.deepEqual(limiter.snapshot(), { limit: 2, windowMs: WINDOW, inWindow: 2, queued: 1, nextSlotInMs: 45_000 });
  });

  it('measures its window on the monotonic clock: a wall clock set back an hour does not stall a full window', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const pending = [track(limiter, clock, grants, 0)];
    await clock.advance(0);
    clock.stepWallClock(-3_600_000);
    pending.push(track(limiter, clock, grants, 1));
    await clock.advance(WINDOW - 1);
    assert.equal(grants.length, 1);
    assert.equal(limiter.snapshot().nextSlotInMs, 1);
    await clock.advance(1);
    await Promise.all(pending);
    assert.equal(grants.length, 2, 'granted one window after the first grant, not 61 minutes later');
  });

  it('a wall clock set forward frees no slot early', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: WINDOW, clock });
    const grants: Grant[] = [];
    const pending = [track(limiter, clock, grants, 0)];
    await clock.advance(1000);
    clock.stepWallClock(3_600_000);
    pending.push(track(limiter, clock, grants, 1));
    await clock.advance(0);
    assert.equal(grants.length, 1);
    assert.equal(limiter.inWindow(), 1);
    await clock.advance(WINDOW - 1000);
    await Promise.all(pending);
    assert.equal(grants.length, 2);
  });

  it('rejects a limit below 1 and a non-positive window', () => {
    const clock = new FakeClock(0);
    assert.throws(() => new SlidingWindowRateLimiter({ limit: 0, clock }), RangeError);
    assert.throws(() => new SlidingWindowRateLimiter({ limit: 1, windowMs: 0, clock }), RangeError);
    const limiter = new SlidingWindowRateLimiter({ limit: 1, clock });
    assert.throws(() => limiter.setLimit(Number.NaN), RangeError);
  });
});
