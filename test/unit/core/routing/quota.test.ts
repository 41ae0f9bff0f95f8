import { strict as assert } from 'node:assert';
import {
  MonthlyQuota,
  monthOf,
  nextMonthStart,
  quotaExceededMessage,
  quotaWarningMessage,
  type QuotaThreshold,
} from '../../../../src/core/routing/quota';
import { FakeClock } from '../../support/fakeClock';
import { MemoryStore } from '../../support/memoryStore';

async function recordMany(quota: MonthlyQuota, n: number): Promise<QuotaThreshold[]> {
  const crossed: QuotaThreshold[] = [];
  for (let i = 0; i < n; i++) {
    const c = await quota.record();
    if (c) crossed.push(c.threshold);
  }
  return crossed;
}

describe('MonthlyQuota', () => {
  let clock: FakeClock;
  let store: MemoryStore;

  beforeEach(() => {
    clock = new FakeClock('2026-11-25T12:00:00Z');
    store = new MemoryStore();
  });

  it('counts requests in the current UTC month', async () => {
    const quota = new MonthlyQuota({ store, clock, limit: 100 });
    assert.deepEqual(quota.usage(), { used: 0, limit: 100, month: '2026-11', fraction: 0 });
    await quota.record();
    await quota.record(4);
    assert.deepEqual(quota.usage(), { used: 5, limit: 100, month: '2026-11', fraction: 0.05 });
  });

  it('persists the count: a new instance on the same store continues from it', async () => {
    await recordMany(new MonthlyQuota({ store, clock, limit: 100 }), 7);
    const restarted = new MonthlyQuota({ store, clock, limit: 100 });
    assert.equal(restarted.usage().used, 7);
    await restarted.record();
    assert.equal(new MonthlyQuota({ store, clock, limit: 100 }).usage().used, 8);
  });

  it('keeps separate counts under different keys', async () => {
    await new MonthlyQuota({ store, clock, limit: 100, key: 'a' }).record(3);
    assert.equal(new MonthlyQuota({ store, clock, limit: 100, key: 'b' }).usage().used, 0);
  });

  it('resets when the UTC month changes, for a running instance and after a restart', async () => {
    clock = new FakeClock('2026-11-30T23:59:59Z');
    const quota = new MonthlyQuota({ store, clock, limit: 100 });
    await quota.record(50);
    await clock.advance(1000);
    assert.deepEqual(quota.usage(), { used: 0, limit: 100, month: '2026-12', fraction: 0 });
    await quota.record();
    assert.deepEqual(new MonthlyQuota({ store, clock, limit: 100 }).usage().month, '2026-12');

    const later = new FakeClock('2027-01-02T00:00:00Z');
    const afterRestart = new MonthlyQuota({ store, clock: later, limit: 100 });
    assert.equal(afterRestart.usage().used, 0);
    assert.equal(afterRestart.usage().month, '2027-01');
  });

  it('reports the 80, 95 and 100 percent thresholds once each', async () => {
    const quota = new MonthlyQuota({ store, clock, limit: 20 });
    const crossings: Array<[number, QuotaThreshold]> = [];
    for (let i = 1; i <= 25; i++) {
      const c = await quota.record();
      if (c) crossings.push([c.usage.used, c.threshold]);
    }
    assert.deepEqual(crossings, [
      [16, 80],
      [19, 95],
      [20, 100],
    ]);
  });

  it('does not report a threshold again after a restart in the same month, but does in the next month', async () => {
    assert.deepEqual(await recordMany(new MonthlyQuota({ store, clock, limit: 10 }), 8), [80]);
    assert.deepEqual(await recordMany(new MonthlyQuota({ store, clock, limit: 10 }), 2), [100]);
    await clock.advance(10 * 24 * 3600 * 1000); // into December
    assert.deepEqual(await recordMany(new MonthlyQuota({ store, clock, limit: 10 }), 10), [80, 100]);
  });

  it('reports only the highest threshold when one record jumps past several', async () => {
    const quota = new MonthlyQuota({ store, clock, limit: 100 });
    const c = await quota.record(96);
    assert.equal(c?.threshold, 95);
    assert.equal(await quota.record(), undefined);
    assert.equal((await quota.record(3))?.threshold, 100);
  });

  it('canSpend turns false at 100 percent and checks room for n requests', async () => {
    const quota = new MonthlyQuota({ store, clock, limit: 3 });
    await quota.record(2);
    assert.equal(quota.canSpend(), true);
    assert.equal(quota.canSpend(2), false);
    await quota.record();
    assert.equal(quota.canSpend(), false);
    assert.equal(quota.usage().fraction, 1);
  });

  it('setLimit applies to canSpend and usage at once', async () => {
    const quota = new MonthlyQuota({ store, clock, limit: 3 });
    await quota.record(3);
    quota.setLimit(6);
    assert.equal(quota.canSpend(), true);
    assert.equal(quota.usage().fraction, 0.5);
  });

  it('treats a limit of 0 as unlimited: always spendable, never crosses a threshold', async () => {
    const quota = new MonthlyQuota({ store, clock, limit: 0 });
    assert.deepEqual(await recordMany(quota, 5), []);
    assert.equal(quota.canSpend(1000), true);
    assert.equal(quota.usage().fraction, 0);
    assert.throws(() => quota.setLimit(-1), RangeError);
  });

  it('starts afresh from a corrupt stored value', () => {
    store.data.set('sarvanom.quota.monthly', { month: 'garbage', used: 'x' });
    assert.equal(new MonthlyQuota({ store, clock, limit: 10 }).usage().used, 0);
  });

  it('counts concurrent records without losing any', async () => {
    const quota = new MonthlyQuota({ store, clock, limit: 100 });
    await Promise.all(Array.from({ length: 10 }, () => quota.record()));
    assert.equal(new MonthlyQuota({ store, clock, limit: 100 }).usage().used, 10);
  });
});

describe('quota messages', () => {
  const usage = { used: 30000, limit: 30000, month: '2026-12', fraction: 1 };

  it('the exceeded message names the setting, the usage and the reset date', () => {
    const msg = quotaExceededMessage(usage);
    assert.match(msg, /huggingface\.quota\.monthlyRequests/);
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
