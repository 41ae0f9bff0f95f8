import { strict as assert } from 'node:assert';
import { parseRetryAfter, retryDelayMs, type RetryDelay } from '../../../../src/core/routing/backoff';
import { CallFailure } from '../../../../src/core/routing/routingTypes';

const low = (): number => 0;
const high = (): number => 1;
const mid = (): number => 0.5;

function waitOf(plan: RetryDelay): number {
  assert.equal(plan.fallBack, false, `expected a wait, got fall-back: ${plan.reason}`);
  return plan.fallBack ? Number.NaN : plan.waitMs;
}

describe('retryDelayMs', () => {
  const server = new CallFailure('server', '502 Bad Gateway', { status: 502 });

  it('doubles from 2 s and caps at 10 s (upper jitter bound)', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 9].map((n) => waitOf(retryDelayMs(server, n, high))),
      [2000, 4000, 8000, 10000, 10000, 10000],
    );
  });

  it('uses equal jitter: never below half the exponential step', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => waitOf(retryDelayMs(server, n, low))),
      [1000, 2000, 4000, 5000],
    );
    assert.equal(waitOf(retryDelayMs(server, 2, mid)), 3000);
  });

  it('stays inside [step/2, step] for many random draws', () => {
    let seed = 42;
    const lcg = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let attempt = 1; attempt <= 6; attempt++) {
      const step = Math.min(10000, 2000 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const wait = waitOf(retryDelayMs(server, attempt, lcg));
        assert.ok(wait >= step / 2 && wait <= step, `attempt ${attempt}: ${wait} outside [${step / 2}, ${step}]`);
      }
    }
  });

  it('clamps a misbehaving random source into the bounds', () => {
    assert.equal(waitOf(retryDelayMs(server, 1, () => 7)), 2000);
    assert.equal(waitOf(retryDelayMs(server, 1, () => -3)), 1000);
  });

  it('accepts a custom policy', () => {
    assert.equal(waitOf(retryDelayMs(server, 3, high, { baseMs: 100, maxMs: 300 })), 300);
  });

  it('waits at least the Retry-After of a 429', () => {
    const limited = new CallFailure('rate-limited', '429', { status: 429, retryAfterMs: 30_000 });
    const plan = retryDelayMs(limited, 1, high);
    assert.equal(waitOf(plan), 30_000);
    assert.match(plan.reason, /Retry-After 30 s/);
  });

  it('keeps the backoff when Retry-After is shorter', () => {
    const limited = new CallFailure('rate-limited', '429', { status: 429, retryAfterMs: 500 });
    assert.equal(waitOf(retryDelayMs(limited, 2, high)), 4000);
  });

  it('waits at least the estimated_time of a loading model', () => {
    const loading = new CallFailure('loading', 'Model is loading', { status: 503, estimatedTimeS: 20.5 });
    assert.equal(waitOf(retryDelayMs(loading, 1, low)), 20_500);
  });

  it('honours a hint exactly at the 60 s cap', () => {
    const loading = new CallFailure('loading', 'Model is loading', { status: 503, estimatedTimeS: 60 });
    assert.equal(waitOf(retryDelayMs(loading, 1, low)), 60_000);
  });

  it('falls back at once when the server asks for more than the cap', () => {
    const loading = new CallFailure('loading', 'Model is loading', { status: 503, estimatedTimeS: 120 });
    const plan = retryDelayMs(loading, 1, low);
    assert.equal(plan.fallBack, true);
    assert.match(plan.reason, /120 s is longer than 60 s/);
    const limited = new CallFailure('rate-limited', '429', { retryAfterMs: 3_600_000 });
    assert.equal(retryDelayMs(limited, 1, low).fallBack, true);
  });

  it('uses a custom cap for server hints', () => {
    const limited = new CallFailure('rate-limited', '429', { retryAfterMs: 20_000 });
    assert.equal(retryDelayMs(limited, 1, low, { maxHonouredMs: 10_000 }).fallBack, true);
  });

  it('falls back without waiting for kinds that are not retried', () => {
    for (const kind of ['gone', 'malformed', 'unauthorized', 'bad-request'] as const) {
      assert.equal(retryDelayMs(new CallFailure(kind, kind), 1, low).fallBack, true, kind);
    }
  });

  it('retries timeouts and network failures with plain backoff', () => {
    assert.equal(waitOf(retryDelayMs(new CallFailure('timeout', 't'), 1, high)), 2000);
    assert.equal(waitOf(retryDelayMs(new CallFailure('network', 'n'), 2, high)), 4000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');

  it('reads delta-seconds', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('1.5', now), 1500);
  });

  it('reads an HTTP-date relative to now', () => {
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 12:01:30 GMT', now), 90_000);
  });

  it('treats a date in the past as no wait', () => {
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now), 0);
  });

  it('returns undefined for a missing or unparseable header', () => {
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-5', now), undefined);
  });
});
