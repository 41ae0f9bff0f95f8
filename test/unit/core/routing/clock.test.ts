import { strict as assert } from 'node:assert';
import { systemClock } from '../../../../src/core/routing/clock';
import { CallFailure } from '../../../../src/core/routing/routingTypes';
import { FakeClock } from '../../support/fakeClock';

function isCancelled(err: unknown): boolean {
  return err instanceof CallFailure && err.kind === 'cancelled' && err.message === 'Cancelled';
}

describe('systemClock', () => {
  it('now() follows Date.now', () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now >= before && now <= Date.now());
  });

  it('monotonicNow() does not follow Date.now when the system clock is set back', () => {
    const realNow = Date.now;
    const before = systemClock.monotonicNow();
    Date.now = () => realNow() - 3_600_000;
    try {
      assert.ok(systemClock.monotonicNow() >= before);
      assert.ok(systemClock.now() < realNow() - 3_000_000);
    } finally {
      Date.now = realNow;
    }
  });

  it('sleep resolves after a short wait', async () => {
    await systemClock.sleep(1);
  });

  it('sleep with an already-aborted signal rejects with CallFailure cancelled at once', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(systemClock.sleep(60_000, controller.signal), isCancelled);
  });

  it('aborting a sleep rejects it and clears its timer', async () => {
    const realClear = globalThis.clearTimeout;
    let cleared = 0;
    globalThis.clearTimeout = ((id?: Parameters<typeof clearTimeout>[0]) => {
      cleared++;
      realClear(id);
    }) as typeof clearTimeout;
    try {
      const controller = new AbortController();
      const sleeping = systemClock.sleep(60_000, controller.signal);
      controller.abort();
      await assert.rejects(sleeping, isCancelled);
      assert.equal(cleared, 1);
    } finally {
      globalThis.clearTimeout = realClear;
    }
  });
});

describe('FakeClock', () => {
  it('starts at 2026-11-25T12:00:00Z by default, or at a given time', () => {
    assert.equal(new FakeClock().now(), Date.parse('2026-11-25T12:00:00Z'));
    assert.equal(new FakeClock('2027-01-31T23:59:00Z').now(), Date.parse('2027-01-31T23:59:00Z'));
    assert.equal(new FakeClock(1000).now(), 1000);
  });

  it('wakes sleepers only when time reaches them, in time order', async () => {
    const clock = new FakeClock(0);
    const woke: string[] = [];
    void clock.sleep(300).then(() => woke.push(`b@${clock.now()}`));
    void clock.sleep(100).then(() => woke.push(`a@${clock.now()}`));
    void clock.sleep(300).then(() => woke.push(`c@${clock.now()}`));
    await clock.advance(99);
    assert.deepEqual(woke, []);
    assert.equal(clock.pendingSleeps(), 3);
    await clock.advance(1000);
    assert.deepEqual(woke, ['a@100', 'b@300', 'c@300']);
    assert.equal(clock.now(), 1099);
    assert.equal(clock.pendingSleeps(), 0);
  });

  it('lets async code chained on a sleep run before later sleepers fire', async () => {
    const clock = new FakeClock(0);
    const ticks: number[] = [];
    const loop = async (): Promise<void> => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(10);
        ticks.push(clock.now());
      }
    };
    const done = loop();
    await clock.advance(25);
    assert.deepEqual(ticks, [10, 20]);
    await clock.advance(5);
    await done;
    assert.deepEqual(ticks, [10, 20, 30]);
  });

  it('rejects a sleep cancelled by its signal and forgets it', async () => {
    const clock = new FakeClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    assert.equal(clock.pendingSleeps(), 1);
    controller.abort();
    await assert.rejects(sleeping, isCancelled);
    assert.equal(clock.pendingSleeps(), 0);
  });

  it('keeps monotonic time apart from the wall clock: setting the wall clock moves neither monotonic time nor sleepers', async () => {
    const clock = new FakeClock('2026-12-01T00:00:00Z');
    const woke: number[] = [];
    void clock.sleep(100).then(() => woke.push(clock.monotonicNow()));
    clock.setWallClock('2026-11-30T23:00:00Z');
    clock.stepWallClock(-1000);
    assert.equal(clock.now(), Date.parse('2026-11-30T22:59:59Z'));
    assert.equal(clock.monotonicNow(), 0);
    await clock.advance(100);
    assert.deepEqual(woke, [100]);
    assert.equal(clock.now(), Date.parse('2026-11-30T22:59:59.100Z'));
  });

  it('a non-positive sleep resolves without advancing time', async () => {
    const clock = new FakeClock(0);
    await clock.sleep(0);
    assert.equal(clock.now(), 0);
    assert.equal(clock.pendingSleeps(), 0);
  });
});
