import { strict as assert } from 'node:assert';
import { Router } from '../../../../src/core/routing/router';
import { DEFAULT_SETTINGS, type RoutingSettings } from '../../../../src/core/routing/settings';
import { CallFailure, type CallOptions, type Candidate, type Transport } from '../../../../src/core/routing/routingTypes';
import { RoutingError } from '../../../../src/core/routing/routingError';
import type { TaskRequest, TaskResult } from '../../../../src/core/tasks/taskTypes';
import { FakeClock } from '../../support/fakeClock';
import { MemoryStore } from '../../support/memoryStore';
import { shortModelName } from '../../../../src/core/routing/progressText';

const translate: TaskRequest = { task: 'translate', text: 'Hello', sourceLang: 'en', targetLang: 'es' };

function candidate(model: string, provider = 'hf-inference'): Candidate {
  return { model, provider: { kind: 'hf', provider }, api: provider === 'auto' ? 'chat' : 'translation', why: `test ${model}` };
}

type Step = TaskResult | CallFailure | ((options: CallOptions) => Promise<TaskResult>);

/** A transport that answers from a script per model and records every call. */
class ScriptedTransport implements Transport {
  readonly calls: string[] = [];
  constructor(private readonly script: Record<string, Step[]>) {}
  async call(c: Candidate, _request: TaskRequest, options: CallOptions): Promise<TaskResult> {
    this.calls.push(c.model);
    const steps = this.script[c.model] ?? [];
    const step = steps.length > 1 ? steps.shift() : steps[0];
    if (!step) throw new Error(`no script for ${c.model}`);
    if (step instanceof CallFailure) throw step;
    if (typeof step === 'function') return step(options);
    return step;
  }
}

const ok = (text: string): TaskResult => ({ task: 'translate', text });

function setup(script: Record<string, Step[]>, chain: Candidate[], settings: Partial<RoutingSettings> = {}, account?: () => string) {
  const clock = new FakeClock();
  const transport = new ScriptedTransport(script);
  const store = new MemoryStore();
  const crossings: number[] = [];
  const router = new Router({
    settings: { ...DEFAULT_SETTINGS, cacheTtlMs: 0, ...settings },
    transport,
    store,
    clock,
    random: () => 0.5,
    buildChain: () => chain,
    onQuotaCrossing: (p) => crossings.push(p),
    ...(account ? { accountKey: async () => account() } : {}),
  });
  return { clock, transport, router, store, crossings };
}

/** Runs `promise` while advancing the fake clock until it settles. */
async function settle<T>(clock: FakeClock, promise: Promise<T>, stepMs = 1000, maxSteps = 500): Promise<T> {
  let done = false;
  const tracked = promise.finally(() => (done = true));
  tracked.catch(() => undefined);
  for (let i = 0; i < maxSteps && !done; i++) await clock.advance(stepMs);
  return tracked;
}

describe('Router', () => {
  it('answers with the first candidate and records why it was chosen', async () => {
    const { router, transport } = setup({ a: [ok('hola')] }, [candidate('a'), candidate('b')]);
    const { result, decision } = await router.run(translate);
    assert.deepEqual(result, ok('hola'));
    assert.deepEqual(transport.calls, ['a']);
    assert.equal(decision.chosen?.model, 'a');
    assert.equal(decision.chosen?.why, 'test a');
    assert.equal(router.lastDecision(), decision);
  });

  it('retries a loading model with backoff, then falls back and says why', async () => {
    const loading = new CallFailure('loading', 'a is loading.', { status: 503 });
    const { router, transport, clock } = setup({ a: [loading], b: [ok('hola')] }, [candidate('a'), candidate('b')]);
    const { decision } = await settle(clock, router.run(translate));
    assert.deepEqual(transport.calls, ['a', 'a', 'a', 'b']);
    assert.equal(decision.outcomes[0]?.status, 'failed');
    assert.equal(decision.outcomes[0]?.failure, 'loading');
    assert.equal(decision.outcomes[0]?.attempts, 3);
    assert.match(decision.outcomes[0]?.reason ?? '', /loading.*3 attempts/);
    assert.equal(decision.chosen?.model, 'b');
  });

  it('waits out the jittered backoff on the clock before each retry (random 0.5: 1.5 s, then 3 s)', async () => {
    const server = new CallFailure('server', 'boom', { status: 500 });
    const { router, transport, clock } = setup({ a: [server, server, ok('hola')] }, [candidate('a')]);
    const run = router.run(translate);
    await clock.advance(0);
    assert.equal(transport.calls.length, 1);
    await clock.advance(1499);
    assert.equal(transport.calls.length, 1, 'no retry before the first backoff elapsed');
    await clock.advance(1);
    assert.equal(transport.calls.length, 2);
    await clock.advance(2999);
    assert.equal(transport.calls.length, 2, 'no retry before the second backoff elapsed');
    await clock.advance(1);
    await run;
    assert.equal(transport.calls.length, 3);
  });

  it('honours Retry-After on a 429 and then succeeds on the same model', async () => {
    const limited = new CallFailure('rate-limited', 'slow down', { status: 429, retryAfterMs: 7000 });
    const { router, transport, clock } = setup({ a: [limited, ok('hola')] }, [candidate('a'), candidate('b')]);
    const run = router.run(translate);
    await clock.advance(6999);
    assert.deepEqual(transport.calls, ['a']);
    const { decision } = await settle(clock, run);
    assert.deepEqual(transport.calls, ['a', 'a']);
    assert.equal(decision.chosen?.attempts, 2);
  });

  it('falls back at once on 404 and skips that model on the next call', async () => {
    const gone = new CallFailure('gone', 'a is not available (404)', { status: 404 });
    const { router, transport } = setup({ a: [gone], b: [ok('hola')] }, [candidate('a'), candidate('b')]);
    await router.run(translate);
    assert.deepEqual(transport.calls, ['a', 'b']);
    const { decision } = await router.run(translate);
    assert.deepEqual(transport.calls, ['a', 'b', 'b']);
    assert.equal(decision.outcomes[0]?.status, 'skipped');
    assert.match(decision.outcomes[0]?.reason ?? '', /404 earlier/);
  });

  for (const kind of ['unauthorized', 'forbidden', 'bad-request'] as const) {
    it(`stops the chain on ${kind}: the user has to act, another model would fail the same way`, async () => {
      const { router, transport } = setup({ a: [new CallFailure(kind, `${kind}!`)], b: [ok('hola')] }, [candidate('a'), candidate('b')]);
      await assert.rejects(router.run(translate), (e: unknown) => e instanceof RoutingError && e.failure.kind === kind);
      assert.deepEqual(transport.calls, ['a']);
    });
  }

  it('falls back without retrying on a malformed body', async () => {
    const { router, transport } = setup({ a: [new CallFailure('malformed', 'bad json')], b: [ok('hola')] }, [candidate('a'), candidate('b')]);
    await router.run(translate);
    assert.deepEqual(transport.calls, ['a', 'b']);
  });

  it('reports the last failure when every candidate fails', async () => {
    const gone = new CallFailure('gone', 'gone');
    const { router } = setup({ a: [gone], b: [new CallFailure('malformed', 'garbage from b')] }, [candidate('a'), candidate('b')]);
    await assert.rejects(router.run(translate), (e: unknown) => {
      assert.ok(e instanceof RoutingError);
      assert.match(e.message, /None of the 2 models tried could answer\. The last: .*garbage from b/);
      assert.equal(e.decision.outcomes.length, 2);
      assert.equal(e.decision.chosen, undefined);
      return true;
    });
  });

  it('cancels during a backoff wait without calling again', async () => {
    const { router, transport, clock } = setup({ a: [new CallFailure('server', 'boom')] }, [candidate('a')]);
    const controller = new AbortController();
    const run = router.run(translate, { signal: controller.signal });
    await clock.advance(100);
    controller.abort();
    await assert.rejects(run, (e: unknown) => e instanceof RoutingError && e.failure.kind === 'cancelled');
    assert.deepEqual(transport.calls, ['a']);
  });

  it('tells a streaming consumer to restart when an attempt fails after sending tokens', async () => {
    const tokens: string[] = [];
    let restarts = 0;
    const cut = async (options: CallOptions) => {
      options.onToken?.('hol');
      throw new CallFailure('network', 'stream cut');
    };
    const { router, clock } = setup({ a: [cut], b: [async (o) => (o.onToken?.('hola'), ok('hola'))] }, [candidate('a'), candidate('b')], { maxAttempts: 1 });
    await settle(clock, router.run(translate, { onToken: (t) => tokens.push(t), onRestart: () => restarts++ }));
    assert.deepEqual(tokens, ['hol', 'hola']);
    assert.equal(restarts, 1);
  });

  it('with noRestart, a failure after part of the answer ends the request: no retry, no other model; before it, fallback works', async () => {
    const cut = async (options: CallOptions) => {
      options.onToken?.('hol');
      throw new CallFailure('network', 'stream cut');
    };
    const { router, transport, clock } = setup({ a: [cut], b: [ok('hola')] }, [candidate('a'), candidate('b')]);
    const tokens: string[] = [];
    await assert.rejects(settle(clock, router.run(translate, { noRestart: true, onToken: (t) => tokens.push(t) })), (e: unknown) => e instanceof RoutingError && e.failure.details.afterPartialAnswer === true);
    assert.deepEqual(transport.calls, ['a'], 'no retry of a, no b');
    assert.deepEqual(tokens, ['hol']);
    assert.match(router.lastDecision()?.outcomes[0].reason ?? '', /part of the answer was already shown/);

    const early = setup({ a: [new CallFailure('loading', 'loading')], b: [ok('hola')] }, [candidate('a'), candidate('b')], { maxAttempts: 1 });
    const outcome = await settle(early.clock, early.router.run(translate, { noRestart: true }));
    assert.equal(outcome.decision.chosen?.model, 'b', 'before the first token the next model is tried');
  });

  it('answers an identical request from the cache, but never a sampled generation', async () => {
    const { router, transport } = setup({ a: [ok('hola')] }, [candidate('a')], { cacheTtlMs: 60_000 });
    await router.run(translate);
    const second = await router.run(translate);
    assert.equal(second.decision.fromCache, true);
    assert.deepEqual(transport.calls, ['a']);
    const gen: TaskRequest = { task: 'generate-code', instruction: 'x', languageId: 'ts', context: '', temperature: 0.7 };
    await router.run(gen);
    await router.run(gen);
    assert.deepEqual(transport.calls, ['a', 'a', 'a']);
  });

  it("never answers one account's request from another account's cached answer", async () => {
    let account = 'alice';
    const { router, transport } = setup({ a: [ok('hola')] }, [candidate('a')], { cacheTtlMs: 60_000 }, () => account);
    await router.run(translate);
    account = 'bob';
    assert.equal((await router.run(translate)).decision.fromCache, false);
    account = 'alice';
    assert.equal((await router.run(translate)).decision.fromCache, true);
    assert.deepEqual(transport.calls, ['a', 'a']);
  });

  it('sends no request whose user text is over the selection limit, whatever path built it', async () => {
    const { router, transport } = setup({ a: [ok('hola')] }, [candidate('a')], { maxInputChars: 10 });
    await assert.rejects(router.run({ task: 'chat', prompt: 'x'.repeat(11) }), (e: unknown) => {
      assert.ok(e instanceof RoutingError);
      assert.equal(e.failure.kind, 'bad-request');
      assert.match(e.message, /11 characters long; the limit is 10 \(setting huggingFace\.maxSelectionChars\)/);
      return true;
    });
    await assert.rejects(router.run({ task: 'question-answering', question: 'Who?', context: 'Ada wrote' }), /13 characters/);
    assert.deepEqual(transport.calls, []);
    assert.equal((await router.run({ ...translate, text: 'x'.repeat(10) })).result.task, 'translate');
  });

  it('records a candidate the chain marks as skipped, without a request, and goes on', async () => {
    const { router, transport } = setup({ b: [ok('hola')] }, [{ ...candidate('a'), skip: 'pinned, but it translates en→es only' }, candidate('b')]);
    const { decision } = await router.run(translate);
    assert.deepEqual(transport.calls, ['b']);
    assert.equal(decision.outcomes[0].status, 'skipped');
    assert.equal(decision.outcomes[0].reason, 'pinned, but it translates en→es only');
    assert.equal(decision.chosen?.model, 'b');
  });

  it('forgets every cached answer on clearCache (sign-in, sign-out)', async () => {
    const { router, transport } = setup({ a: [ok('hola')] }, [candidate('a')], { cacheTtlMs: 60_000 });
    await router.run(translate);
    router.clearCache();
    assert.equal((await router.run(translate)).decision.fromCache, false);
    assert.deepEqual(transport.calls, ['a', 'a']);
  });

  it('queues requests over the per-minute limit instead of failing them', async () => {
    const { router, transport, clock } = setup({ a: [ok('hola')] }, [candidate('a')], { requestsPerMinute: 2 });
    const runs = [router.run(translate), router.run(translate), router.run(translate)];
    await clock.advance(0);
    assert.equal(transport.calls.length, 2);
    assert.equal(router.health().limiter.queued, 1);
    await clock.advance(60_000);
    await Promise.all(runs);
    assert.equal(transport.calls.length, 3);
  });

  it('counts each Hugging Face request against the monthly quota, warns, and refuses at the limit', async () => {
    const { router, crossings } = setup({ a: [ok('hola')] }, [candidate('a')], { monthlyQuota: 5, requestsPerMinute: 100 });
    for (let i = 0; i < 5; i++) await router.run(translate);
    assert.equal(router.quotaUsage().used, 5);
    assert.deepEqual(crossings, [80, 100]);
    await assert.rejects(router.run(translate), (e: unknown) => {
      assert.ok(e instanceof RoutingError);
      assert.equal(e.failure.kind, 'quota-exceeded');
      assert.match(e.message, /huggingFace\.quota\.monthlyRequests/);
      return true;
    });
  });

  it('does not count calls to a user endpoint against the Hugging Face quota', async () => {
    const local: Candidate = { model: 'llama3', provider: { kind: 'openai-compatible', endpointId: 'ollama' }, api: 'chat', why: 'local' };
    const { router } = setup({ llama3: [ok('hola')] }, [local], { monthlyQuota: 1 });
    await router.run(translate);
    await router.run(translate);
    assert.equal(router.quotaUsage().used, 0);
  });

  it('tries exactly the given candidate for "Try it", with no fallback', async () => {
    const { router, transport } = setup({ x: [new CallFailure('gone', 'x gone')], a: [ok('hola')] }, [candidate('a')]);
    await assert.rejects(router.run(translate, { only: candidate('x') }), RoutingError);
    assert.deepEqual(transport.calls, ['x']);
  });

  it('records latency and success per provider for the health report', async () => {
    const { router } = setup({ a: [new CallFailure('gone', 'g')], b: [ok('hola')] }, [candidate('a'), candidate('b', 'auto')]);
    await router.run(translate);
    const providers = router.health().providers.map((p) => [p.provider, p.requests, p.successRate]);
    assert.deepEqual(providers.sort(), [['hf:auto', 1, 1], ['hf:hf-inference', 1, 0]]);
  });
});

describe('Router: progress while the user waits', () => {
  it('says a model is loading with the retry countdown, then which model is tried instead', async () => {
    const loading = new CallFailure('loading', 'loading', { estimatedTimeS: 7 });
    const { router, clock } = setup({ a: [loading, loading, loading], b: [ok('hola')] }, [candidate('a'), candidate('b')], { maxAttempts: 2 });
    const lines: string[] = [];
    await settle(clock, router.run(translate, { onProgress: (line) => lines.push(line) }));
    assert.deepEqual(lines, ['a is loading, retrying in 7 s (2/2)', 'Trying b instead…']);
  });

  it('says when a request waits for the rate limit', async () => {
    const { router, clock } = setup({ a: [ok('hola')] }, [candidate('a')], { requestsPerMinute: 1 });
    await router.run(translate);
    const lines: string[] = [];
    await settle(clock, router.run(translate, { onProgress: (line) => lines.push(line) }), 5_000);
    assert.match(lines[0] ?? '', /^Waiting for the rate limit \(1 requests a minute\), about \d+ s$/);
  });
});

describe('progress text', () => {
  it('shortens a model id to the part a user recognises', () => {
    assert.equal(shortModelName('facebook/bart-large-cnn'), 'bart-large-cnn');
    assert.equal(shortModelName('meta-llama/Llama-3.1-8B-Instruct:together'), 'Llama-3.1-8B-Instruct');
  });
});
