import { strict as assert } from 'node:assert';
import { HealthMetrics, percentile, providerKeyOf } from '../../../../src/core/routing/metrics';
import { FakeClock } from '../../support/fakeClock';

describe('percentile', () => {
  it('uses the nearest rank and always returns an observed value', () => {
    const sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    assert.equal(percentile(sorted, 50), 50);
    assert.equal(percentile(sorted, 95), 100);
    assert.equal(percentile(sorted, 90), 90);
    assert.equal(percentile(sorted, 0), 10);
    assert.equal(percentile(sorted, 100), 100);
    assert.equal(percentile([1, 2, 3, 4], 50), 2);
    assert.equal(percentile([7], 95), 7);
  });

  it('is undefined for no values and clamps p', () => {
    assert.equal(percentile([], 50), undefined);
    assert.equal(percentile([1, 2], 150), 2);
    assert.equal(percentile([1, 2], -5), 1);
  });
});

describe('HealthMetrics', () => {
  it('reports success rate and latency percentiles of successful calls per provider', () => {
    const metrics = new HealthMetrics({ clock: new FakeClock(0) });
    for (let ms = 100; ms <= 1000; ms += 100) metrics.record('hf:hf-inference', { ok: true, latencyMs: ms });
    metrics.record('hf:hf-inference', { ok: false, latencyMs: 60_000, failure: 'timeout' });
    metrics.record('endpoint:ollama', { ok: true, latencyMs: 42 });
    const [ollama, hf] = metrics.snapshot();
    assert.equal(ollama.provider, 'endpoint:ollama');
    assert.equal(hf.provider, 'hf:hf-inference');
    assert.equal(hf.requests, 11);
    assert.equal(hf.successRate, 10 / 11);
    assert.equal(hf.p50Ms, 500);
    assert.equal(hf.p95Ms, 1000);
    assert.equal(ollama.p50Ms, 42);
  });

  it('computes rates over the last windowSize calls but counts all requests', () => {
    const metrics = new HealthMetrics({ clock: new FakeClock(0), windowSize: 4 });
    for (let i = 0; i < 4; i++) metrics.record('p', { ok: false, latencyMs: 5, failure: 'server' });
    for (let i = 0; i < 4; i++) metrics.record('p', { ok: true, latencyMs: 5 });
    const [p] = metrics.snapshot();
    assert.equal(p.requests, 8);
    assert.equal(p.successRate, 1);
  });

  it('remembers the last failure and when it happened', async () => {
    const clock = new FakeClock(0);
    const metrics = new HealthMetrics({ clock });
    metrics.record('p', { ok: false, latencyMs: 5, failure: 'server' });
    await clock.advance(1000);
    metrics.record('p', { ok: false, latencyMs: 5, failure: 'rate-limited' });
    await clock.advance(1000);
    metrics.record('p', { ok: true, latencyMs: 5 });
    const [p] = metrics.snapshot();
    assert.equal(p.lastFailure, 'rate-limited');
    assert.equal(p.lastFailureAt, 1000);
    assert.equal(p.p50Ms, 5);
  });

  it('has no percentiles and no failure fields when nothing succeeded or failed', () => {
    const metrics = new HealthMetrics({ clock: new FakeClock(0) });
    metrics.record('a', { ok: false, latencyMs: 5, failure: 'gone' });
    metrics.record('b', { ok: true, latencyMs: 5 });
    const [a, b] = metrics.snapshot();
    assert.equal(a.p50Ms, undefined);
    assert.equal(a.successRate, 0);
    assert.equal('lastFailure' in b, false);
  });

  it('marks a provider unreachable after N consecutive network failures, reachable again after an answer', () => {
    const metrics = new HealthMetrics({ clock: new FakeClock(0), unreachableAfter: 3 });
    const reachable = (): boolean | undefined => metrics.snapshot()[0].reachable;
    metrics.record('p', { ok: false, latencyMs: 1, failure: 'network' });
    assert.equal(reachable(), undefined, 'one network failure alone proves nothing');
    metrics.record('p', { ok: false, latencyMs: 1, failure: 'server' });
    assert.equal(reachable(), true, 'a 5xx is still an answer');
    metrics.record('p', { ok: false, latencyMs: 1, failure: 'network' });
    metrics.record('p', { ok: false, latencyMs: 1, failure: 'network' });
    assert.equal(reachable(), true);
    metrics.record('p', { ok: false, latencyMs: 1, failure: 'network' });
    assert.equal(reachable(), false);
    metrics.record('p', { ok: true, latencyMs: 1 });
    assert.equal(reachable(), true);
  });

  it('keys providers by kind and name', () => {
    assert.equal(providerKeyOf({ kind: 'hf', provider: 'together' }), 'hf:together');
    assert.equal(providerKeyOf({ kind: 'openai-compatible', endpointId: 'ollama' }), 'endpoint:ollama');
  });
});
