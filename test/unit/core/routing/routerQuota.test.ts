import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { Router } from '../../../../src/core/routing/router';
import { RoutingError } from '../../../../src/core/routing/routingError';
import { DEFAULT_SETTINGS } from '../../../../src/core/routing/settings';
import { CallFailure, type Candidate, type Transport } from '../../../../src/core/routing/routingTypes';
import type { TaskRequest, TaskResult } from '../../../../src/core/tasks/taskTypes';
import { FakeClock } from '../../support/fakeClock';
import { MemoryStore } from '../../support/memoryStore';
import { tempLedgerDir } from '../../support/quotaHelpers';

const translate: TaskRequest = { task: 'translate', text: 'Hello', sourceLang: 'en', targetLang: 'es' };
const hf: Candidate = { model: 'a', provider: { kind: 'hf', provider: 'hf-inference' }, api: 'translation', why: 'test' };

class CountingTransport implements Transport {
  calls = 0;
  async call(): Promise<TaskResult> {
    this.calls++;
    return { task: 'translate', text: 'hola' };
  }
}

function router(transport: Transport, clock: FakeClock, options: { monthlyQuota: number; requestsPerMinute: number; quotaDir?: string }): Router {
  const { quotaDir, ...limits } = options;
  return new Router({
    settings: { ...DEFAULT_SETTINGS, cacheTtlMs: 0, ...limits },
    transport,
    store: new MemoryStore(),
    quotaDir,
    clock,
    buildChain: () => [hf],
  });
}

const isQuotaExceeded = (e: unknown): boolean => e instanceof RoutingError && e.failure.kind === 'quota-exceeded';

/** Fails every call the way `failure` says, then answers. */
class FailingTransport implements Transport {
  calls = 0;
  constructor(private readonly failures: CallFailure[]) {}
  async call(): Promise<TaskResult> {
    const failure = this.failures[this.calls++];
    if (failure) throw failure;
    return { task: 'translate', text: 'hola' };
  }
}

describe('Router and the monthly quota', () => {
  it('gives back requests that never reached a server (no connection, token not sent), in memory and in the shared ledger', async () => {
    for (const quotaDir of [undefined, tempLedgerDir()]) {
      try {
        const clock = new FakeClock();
        const refused = new CallFailure('network', 'Could not reach the router.', { unreachable: true });
        const notSent = new CallFailure('config', 'The token was not sent.', { notSent: true });
        const served = new CallFailure('bad-request', 'The server refused the input.', { status: 400 });
        const transport = new FailingTransport([refused, notSent, served]);
        const r = router(transport, clock, { monthlyQuota: 100, requestsPerMinute: 100, quotaDir });
        for (let i = 0; i < 3; i++) await r.run(translate).catch(() => undefined);
        assert.equal(transport.calls, 3);
        assert.equal(r.quotaUsage().used, 1, `only the request the server answered (400) counts (ledger: ${quotaDir ?? 'none'})`);
        await r.run(translate);
        assert.equal(r.quotaUsage().used, 2);
      } finally {
        if (quotaDir) rmSync(quotaDir, { recursive: true, force: true });
      }
    }
  });

  it('checks the quota when the rate limiter lets a request go: requests queued together do not overshoot it', async () => {
    const clock = new FakeClock();
    const transport = new CountingTransport();
    const r = router(transport, clock, { monthlyQuota: 2, requestsPerMinute: 1 });
    const runs = Array.from({ length: 4 }, () => r.run(translate).then(() => 'ok', (e: unknown) => (isQuotaExceeded(e) ? 'quota' : String(e))));
    for (let i = 0; i < 4; i++) await clock.advance(60_000);
    assert.deepEqual(await Promise.all(runs), ['ok', 'ok', 'quota', 'quota']);
    assert.equal(transport.calls, 2);
    assert.equal(r.quotaUsage().used, 2);
  });

  it('two windows with the same ledger directory share one quota', async () => {
    const dir = tempLedgerDir();
    try {
      const clock = new FakeClock();
      const transport = new CountingTransport();
      const windows = [0, 1].map(() => router(transport, clock, { monthlyQuota: 3, requestsPerMinute: 100, quotaDir: dir }));
      const outcomes: string[] = [];
      for (let i = 0; i < 3; i++) {
        for (const w of windows) outcomes.push(await w.run(translate).then(() => 'ok', (e: unknown) => (isQuotaExceeded(e) ? 'quota' : String(e))));
      }
      assert.deepEqual(outcomes, ['ok', 'ok', 'ok', 'quota', 'quota', 'quota']);
      assert.equal(transport.calls, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
