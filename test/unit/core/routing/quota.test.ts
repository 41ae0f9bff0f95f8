import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import {
  MonthlyQuota,
  monthOf,
  nextMonthStart,
  quotaExceededMessage,
  quotaWarningMessage,
  type MonthlyQuotaOptions,
} from '../../../../src/core/routing/quota';
import type { QuotaThreshold } from '../../../../src/core/routing/quotaTally';
import { FakeClock } from '../../support/fakeClock';
import { MemoryStore } from '../../support/memoryStore';
import { reserveMany, tempLedgerDir } from '../../support/quotaHelpers';

/**
 * The behaviour every home of the count shares, run against both: the globalState record (no directory)
 * and the ledger file (a directory). "A new instance" is a restarted window.
 */
for (const backend of ['store', 'ledger'] as const) {
  describe(`MonthlyQuota (${backend})`, () => {
    let clock: FakeClock;
    let store: MemoryStore;
    let dir: string | undefined;

    const make = (options: Partial<MonthlyQuotaOptions> & { readonly limit: number }): MonthlyQuota =>
      new MonthlyQuota({ store, clock, dir, ...options });

    beforeEach(() => {
      clock = new FakeClock('2026-11-25T12:00:00Z');
      store = new MemoryStore();
      dir = backend === 'ledger' ? tempLedgerDir() : undefined;
    });

    afterEach(() => {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });

    it('counts requests in the current UTC month', async () => {
      const quota = make({ limit: 100 });
      assert.deepEqual(quota.usage(), { used: 0, limit: 100, month: '2026-11', fraction: 0 });
      await quota.reserve();
      await quota.reserve(4);
      assert.deepEqual(quota.usage(), { used: 5, limit: 100, month: '2026-11', fraction: 0.05 });
    });

    it('refunds a request that never reached a server, never below zero, persisted, and not into a month that is over', async () => {
      clock = new FakeClock('2026-11-30T23:59:00Z');
      const quota = make({ limit: 100 });
      await quota.reserve(3);
      assert.equal((await quota.refund('2026-11')).used, 2);
      assert.equal(make({ limit: 100 }).usage().used, 2, 'a new instance sees the refund');
      await quota.refund('2026-11', 5);
      assert.equal(quota.usage().used, 0);
      await quota.reserve(1);
      await clock.advance(120_000);
      await quota.reserve(1);
      assert.deepEqual((await quota.refund('2026-11')).used, 1, 'December keeps its request: November is closed');
    });

    it('persists the count: a new instance continues from it', async () => {
      await reserveMany(make({ limit: 100 }), 7);
      const restarted = make({ limit: 100 });
      assert.equal(restarted.usage().used, 7);
      await restarted.reserve();
      assert.equal(make({ limit: 100 }).usage().used, 8);
    });

    it('resets when the UTC month changes, for a running instance and after a restart', async () => {
      clock = new FakeClock('2026-11-30T23:59:59Z');
      const quota = make({ limit: 100 });
      await quota.reserve(50);
      await clock.advance(1000);
      assert.deepEqual(quota.usage(), { used: 0, limit: 100, month: '2026-12', fraction: 0 });
      await quota.reserve();
      assert.deepEqual(make({ limit: 100 }).usage(), { used: 1, limit: 100, month: '2026-12', fraction: 0.01 });

      clock = new FakeClock('2027-01-02T00:00:00Z');
      const afterRestart = make({ limit: 100 });
      assert.equal(afterRestart.usage().used, 0);
      assert.equal(afterRestart.usage().month, '2027-01');
    });

    it('a clock set back into the previous month keeps counting into the latest month, and forward again keeps the count', async () => {
      const quota = make({ limit: 100 });
      await reserveMany(quota, 5);
      clock.setWallClock('2026-10-31T12:00:00Z');
      await reserveMany(quota, 2);
      assert.deepEqual(quota.usage(), { used: 7, limit: 100, month: '2026-11', fraction: 0.07 });
      assert.equal(make({ limit: 100 }).usage().month, '2026-11', 'a window started while the clock is back');
      clock.setWallClock('2026-11-26T12:00:00Z');
      await quota.reserve();
      assert.equal(quota.usage().used, 8);
      assert.equal(make({ limit: 100 }).usage().used, 8);
    });

    it('reports the 80, 95 and 100 percent thresholds once each', async () => {
      const quota = make({ limit: 20 });
      const crossings: Array<[number, QuotaThreshold]> = [];
      for (let i = 1; i <= 25; i++) {
        const c = (await quota.reserve()).crossing;
        if (c) crossings.push([c.usage.used, c.threshold]);
      }
      assert.deepEqual(crossings, [
        [16, 80],
        [19, 95],
        [20, 100],
      ]);
    });

    it('does not report a threshold again after a restart in the same month, but does in the next month', async () => {
      assert.deepEqual(await reserveMany(make({ limit: 10 }), 8), [80]);
      assert.deepEqual(await reserveMany(make({ limit: 10 }), 2), [100]);
      await clock.advance(10 * 24 * 3600 * 1000); // into December
      assert.deepEqual(await reserveMany(make({ limit: 10 }), 10), [80, 100]);
    });

    it('reports only the highest threshold when one reservation jumps past several', async () => {
      const quota = make({ limit: 100 });
      assert.equal((await quota.reserve(96)).crossing?.threshold, 95);
      assert.equal((await quota.reserve()).crossing, undefined);
      assert.equal((await quota.reserve(3)).crossing?.threshold, 100);
    });

    it('refuses a reservation that does not fit and does not count it, even once the limit is raised', async () => {
      const quota = make({ limit: 3 });
      await quota.reserve(2);
      assert.equal(quota.canSpend(), true);
      assert.equal(quota.canSpend(2), false);
      const refused = await quota.reserve(2);
      assert.equal(refused.granted, false);
      assert.equal(refused.usage.used, 2);
      assert.equal((await quota.reserve()).granted, true);
      assert.equal((await quota.reserve()).granted, false);
      assert.equal(quota.canSpend(), false);
      assert.equal(quota.usage().fraction, 1);
      quota.setLimit(6);
      assert.equal(quota.canSpend(), true);
      assert.equal(quota.usage().fraction, 0.5);
      assert.equal(make({ limit: 6 }).usage().used, 3);
    });

    it('treats a limit of 0 as unlimited: always granted, never crosses a threshold', async () => {
      const quota = make({ limit: 0 });
      assert.deepEqual(await reserveMany(quota, 5), []);
      assert.equal(quota.canSpend(1000), true);
      assert.equal(quota.usage().fraction, 0);
      assert.throws(() => quota.setLimit(-1), RangeError);
      await assert.rejects(quota.reserve(0), RangeError);
    });

    it('counts concurrent reservations without losing any, and grants exactly up to the limit', async () => {
      const quota = make({ limit: 7 });
      const results = await Promise.all(Array.from({ length: 10 }, () => quota.reserve()));
      assert.equal(results.filter((r) => r.granted).length, 7);
      assert.equal(make({ limit: 7 }).usage().used, 7);
    });
  });
}

describe('MonthlyQuota (store only)', () => {
  const clock = new FakeClock('2026-11-25T12:00:00Z');

  it('keeps separate counts under different keys', async () => {
    const store = new MemoryStore();
    await new MonthlyQuota({ store, clock, limit: 100, key: 'a' }).reserve(3);
    assert.equal(new MonthlyQuota({ store, clock, limit: 100, key: 'b' }).usage().used, 0);
  });

  it('starts afresh from a corrupt stored value', () => {
    const store = new MemoryStore();
    store.data.set('sarvanom.quota.monthly', { month: 'garbage', used: 'x' });
    assert.equal(new MonthlyQuota({ store, clock, limit: 10 }).usage().used, 0);
  });

  it('writes the record format older versions wrote (the ledger carries it over)', async () => {
    const store = new MemoryStore();
    await new MonthlyQuota({ store, clock, limit: 10 }).reserve(8);
    assert.deepEqual(store.data.get('sarvanom.quota.monthly'), { month: '2026-11', used: 8, reported: [80] });
  });
});

describe('quota messages', () => {
  const usage = { used: 30000, limit: 30000, month: '2026-12', fraction: 1 };

  it('the exceeded message names the setting, the usage and the reset date', () => {
    const msg = quotaExceededMessage(usage);
    assert.match(msg, /huggingFace\.quota\.monthlyRequests/);
    assert.match(msg, /30000 of 30000/);
    assert.match(msg, /2027-01-01/);
  });

  it('the warning message gives the percentage', () => {
    assert.match(quotaWarningMessage({ threshold: 80, usage: { ...usage, used: 24000, fraction: 0.8 } }), /^80% .*24000 of 30000/);
    assert.equal(quotaWarningMessage({ threshold: 100, usage }), quotaExceededMessage(usage));
  });

  it('months are UTC', () => {
    assert.equal(monthOf(Date.parse('2026-11-30T23:30:00-05:00')), '2026-12');
    assert.equal(nextMonthStart('2026-12').toISOString(), '2027-01-01T00:00:00.000Z');
  });
});
