import { strict as assert } from 'node:assert';
import type { Decision } from '../../../src/core/routing/decision';
import type { HealthReport } from '../../../src/core/routing/router';
import { decisionMarkdown, healthMarkdown } from '../../../src/ui/reports';

const report: HealthReport = {
  providers: [
    { provider: 'hf:hf-inference', requests: 12, successRate: 0.75, p50Ms: 120, p95Ms: 900.4, lastFailure: 'loading', lastFailureAt: Date.parse('2026-11-25T10:11:12Z'), reachable: true },
    { provider: 'endpoint:local|x', requests: 3, successRate: 0, p50Ms: undefined, p95Ms: undefined, reachable: false },
  ],
  quota: { used: 250, limit: 1000, month: '2026-11', fraction: 0.25 },
  limiter: { queued: 1, inWindow: 4, limit: 10, windowMs: 60000, nextSlotInMs: 0 },
  cacheEntries: 1,
};

describe('ui/reports', () => {
  it('renders quota, limiter, cache and one table row per provider', () => {
    const md = healthMarkdown(report, new Date('2026-11-25T12:00:00Z'));
    assert.match(md, /250 of 1000 requests used in 2026-11 \(25%\)/);
    assert.match(md, /huggingFace\.quota\.monthlyRequests/);
    assert.match(md, /4 of 10 requests in the last 60 s; 1 waiting/);
    assert.match(md, /1 cached answer\./);
    assert.match(md, /\| hf:hf-inference \| yes \| 12 \| 75% \| 120 ms \| 900 ms \| loading at 10:11:12 \|/);
    assert.match(md, /\| endpoint:local\\\|x \| \*\*no\*\* \| 3 \| 0% \| – \| – \| – \|/);
  });

  it('says so when no provider was called yet, and when there is no quota', () => {
    const md = healthMarkdown({ ...report, providers: [], quota: { used: 5, limit: 0, month: '2026-11', fraction: 0 } }, new Date(0));
    assert.match(md, /No requests yet/);
    assert.match(md, /no monthly limit/);
  });

  it('lists the pinned models, or says that none is pinned', () => {
    const pinned = healthMarkdown(report, new Date(0), ['Translate (en→es): Helsinki-NLP/opus-mt-en-es']);
    assert.match(pinned, /## Pinned models\n\n- Translate \(en→es\): Helsinki-NLP\/opus-mt-en-es\n/);
    assert.match(pinned, /Show Pinned Models/);
    assert.match(healthMarkdown(report, new Date(0)), /## Pinned models\n\nNone: every action picks its model/);
  });

  it('puts the formatted decision in a code block', () => {
    const decision: Decision = {
      id: 7,
      task: 'translate',
      startedAt: 0,
      totalMs: 40,
      fromCache: true,
      outcomes: [],
    };
    const md = decisionMarkdown(decision);
    assert.match(md, /^# Last routing decision/);
    assert.match(md, /```text\n#7 translate: answered from the cache/);
  });
});
