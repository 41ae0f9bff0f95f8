import { strict as assert } from 'node:assert';
import { Router } from '../../../../src/core/routing/router';
import { DEFAULT_SETTINGS, type RoutingSettings } from '../../../../src/core/routing/settings';
import { createHfTransport } from '../../../../src/core/routing/transport/hfTransport';
import { RoutingError } from '../../../../src/core/routing/routingError';
import type { TaskRequest } from '../../../../src/core/tasks/taskTypes';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../../fake-hf/server';
import { InstantClock } from '../../support/instantClock';
import { MemoryStore } from '../../support/memoryStore';
import { approving } from '../../support/tokenChecks';

/**
 * The routing core end to end: real @huggingface/inference client, real HTTP, the fake Hugging Face
 * server standing in for the router and the Hub (reached only through the base-URL settings).
 */
describe('Router against the fake Hugging Face server', function () {
  let fake: FakeHf;
  before(async () => {
    fake = await startFakeHf();
  });
  after(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  function makeRouter(overrides: Partial<RoutingSettings> = {}, token: string | null = VALID_TOKEN, check?: (url: URL) => Promise<void>) {
    const settings: RoutingSettings = {
      ...DEFAULT_SETTINGS,
      hubUrl: fake.hubUrl,
      routerUrl: fake.routerUrl,
      datasetsServerUrl: fake.datasetsServerUrl,
      cacheTtlMs: 0,
      requestsPerMinute: 1000,
      ...overrides,
    };
    const clock = new InstantClock();
    const logs: string[] = [];
    const router = new Router({
      settings,
      transport: createHfTransport({
        settings: () => settings,
        getToken: async () => token ?? undefined,
        getEndpointKey: async () => undefined,
        checkTokenDestination: check ?? approving(settings.hubUrl, settings.routerUrl),
      }),
      store: new MemoryStore(),
      clock,
      random: () => 0.5,
      log: (line) => logs.push(line),
    });
    return { router, clock, logs };
  }

  const inferencePosts = () => fake.requests.filter((r) => r.listener === 'router' && r.method === 'POST');
  const translateEnEs: TaskRequest = { task: 'translate', text: 'Hello world', sourceLang: 'en', targetLang: 'es' };

  it('translates through the opus-mt pair on hf-inference, with the token and the Hub mapping lookup', async () => {
    const { router } = makeRouter();
    const { result, decision } = await router.run(translateEnEs);
    assert.deepEqual(result, { task: 'translate', text: '[es] Hello world' });
    assert.equal(decision.chosen?.model, 'Helsinki-NLP/opus-mt-en-es');
    const post = inferencePosts()[0];
    assert.equal(post?.path, '/hf-inference/models/Helsinki-NLP/opus-mt-en-es');
    assert.equal(post?.headers.authorization, `Bearer ${VALID_TOKEN}`);
    assert.ok(fake.requests.some((r) => r.listener === 'hub' && r.path === '/api/models/Helsinki-NLP/opus-mt-en-es'));
  });

  it('skips the seed code models that are no longer served and streams code from a chat model', async () => {
    const { router } = makeRouter();
    const tokens: string[] = [];
    const request: TaskRequest = { task: 'generate-code', instruction: 'add two numbers', languageId: 'python', context: '' };
    const { result, decision } = await router.run(request, { onToken: (t) => tokens.push(t) });
    assert.ok(tokens.length > 1, 'streamed in several chunks');
    assert.equal(result.task === 'generate-code' && result.text.length > 0, true);
    const codegen = decision.outcomes.find((o) => o.model === 'Salesforce/codegen-350M-mono');
    assert.equal(codegen?.failure, 'gone');
    assert.equal(decision.chosen?.provider.kind, 'hf');
    assert.notEqual(decision.chosen?.model, 'Salesforce/codegen-350M-mono');
  });

  it('retries a loading model honouring estimated_time, then falls back to the next model', async () => {
    fake.setFault({ model: 'Helsinki-NLP/opus-mt-en-es' }, { type: 'loading', estimatedTime: 7 });
    const { router, clock } = makeRouter();
    const { result, decision } = await router.run(translateEnEs);
    assert.equal(result.task === 'translate' && result.text, '[spa_Latn] Hello world', 'NLLB answered, with its own language codes');
    const first = decision.outcomes[0];
    assert.equal(first?.failure, 'loading');
    assert.equal(first?.attempts, 3);
    assert.match(first?.reason ?? '', /loading \(estimated 7 s\)/);
    assert.deepEqual(clock.sleeps, [7000, 7000]);
    assert.notEqual(decision.chosen?.model, 'Helsinki-NLP/opus-mt-en-es');
  });

  it('waits for Retry-After on a 429 and succeeds on the same model', async () => {
    fake.setFault({ model: 'Helsinki-NLP/opus-mt-en-es' }, { type: 'rate-limit', retryAfterS: 5, times: 1 });
    const { router, clock } = makeRouter();
    const { decision } = await router.run(translateEnEs);
    assert.equal(decision.chosen?.model, 'Helsinki-NLP/opus-mt-en-es');
    assert.equal(decision.chosen?.attempts, 2);
    assert.deepEqual(clock.sleeps, [5000]);
  });

  it('stops at a wrong token with one request, and never puts the token in the error or the decision', async () => {
    const wrong = 'hf_wrongwrongwrongwrong';
    const { router, logs } = makeRouter({}, wrong);
    await assert.rejects(router.run(translateEnEs), (e: unknown) => {
      assert.ok(e instanceof RoutingError);
      assert.equal(e.failure.kind, 'unauthorized');
      assert.ok(!JSON.stringify(e.decision).includes(wrong));
      assert.ok(!e.message.includes(wrong));
      return true;
    });
    assert.equal(inferencePosts().length, 1);
    assert.ok(logs.every((l) => !l.includes(wrong)));
  });

  it('sends the token to a host the user has not approved never: the chain stops with a clear message', async () => {
    // Only the Hub is approved: the router (another origin of the fake, on loopback) is not.
    const { router } = makeRouter({}, VALID_TOKEN, approving(fake.hubUrl));
    await assert.rejects(router.run(translateEnEs), (e: unknown) => {
      assert.ok(e instanceof RoutingError);
      assert.equal(e.failure.kind, 'config');
      assert.match(e.message, new RegExp(`token was not sent to ${new URL(fake.routerUrl).host.replace(/\./g, '\\.')}`));
      assert.equal(e.decision.outcomes.length, 1, 'no fallback: the next candidate would go to the same host');
      return true;
    });
    assert.equal(fake.requests.filter((r) => r.listener === 'router' && r.headers.authorization !== undefined).length, 0);
  });

  it('refuses before any request when there is no token', async () => {
    const { router } = makeRouter({}, null);
    await assert.rejects(router.run(translateEnEs), (e: unknown) => e instanceof RoutingError && e.failure.kind === 'config');
    assert.equal(fake.requests.length, 0);
  });

  for (const fault of [{ type: 'malformed' }, { type: 'wrong-shape' }, { type: 'drop' }, { type: 'status', status: 500 }] as const) {
    it(`falls back to the next model on ${fault.type === 'status' ? '500' : fault.type}`, async () => {
      fake.setFault({ model: 'Helsinki-NLP/opus-mt-en-es' }, fault);
      const { router } = makeRouter();
      const { result, decision } = await router.run(translateEnEs);
      assert.equal(result.task === 'translate' && result.text, '[spa_Latn] Hello world');
      assert.equal(decision.outcomes[0]?.status, 'failed');
      assert.notEqual(decision.chosen?.model, 'Helsinki-NLP/opus-mt-en-es');
    });
  }

  it('times out a model that does not answer and moves on', async () => {
    fake.setFault({ model: 'Helsinki-NLP/opus-mt-en-es' }, { type: 'slow', delayMs: 10_000 });
    const { router } = makeRouter({ requestTimeoutMs: 300, maxAttempts: 1 });
    const { decision } = await router.run(translateEnEs);
    assert.equal(decision.outcomes[0]?.failure, 'timeout');
    assert.notEqual(decision.chosen?.model, 'Helsinki-NLP/opus-mt-en-es');
  });

  it('restarts the stream when it is cut mid-way, then delivers the whole answer', async () => {
    const model = 'Qwen/Qwen2.5-Coder-32B-Instruct';
    fake.setChatReply(model, 'def add(a, b):\n    return a + b\n');
    fake.setFault({ model }, { type: 'cut-stream', afterChunks: 2, times: 1 });
    const { router } = makeRouter({ pinnedModels: { 'generate-code': model } });
    let received = '';
    let restarts = 0;
    const request: TaskRequest = { task: 'generate-code', instruction: 'add', languageId: 'python', context: '' };
    const { result } = await router.run(request, { onToken: (t) => (received += t), onRestart: () => ((received = ''), restarts++) });
    assert.equal(restarts, 1);
    assert.equal(received, 'def add(a, b):\n    return a + b\n');
    assert.equal(result.task === 'generate-code' && result.text.includes('return a + b'), true);
  });

  it('cancels a stream mid-way', async () => {
    const model = 'Qwen/Qwen2.5-Coder-32B-Instruct';
    fake.setChatReply(model, 'one two three four five six seven eight nine ten');
    const { router } = makeRouter({ pinnedModels: { 'generate-code': model } });
    const controller = new AbortController();
    const request: TaskRequest = { task: 'generate-code', instruction: 'count', languageId: 'python', context: '' };
    const run = router.run(request, { signal: controller.signal, onToken: () => controller.abort() });
    await assert.rejects(run, (e: unknown) => e instanceof RoutingError && e.failure.kind === 'cancelled');
  });

  it('summarises, answers, classifies and extracts entities through the task APIs', async () => {
    const { router } = makeRouter();
    const text = 'Alice flew from Paris to Berlin for Google. It was a great trip.';
    const summary = await router.run({ task: 'summarize', text, style: 'paragraph', length: 'short' });
    assert.deepEqual(summary.result, { task: 'summarize', text: 'Summary: Alice flew from Paris to Berlin for Google.' });
    const qa = await router.run({ task: 'question-answering', question: 'Who went to Berlin?', context: text });
    assert.equal(qa.result.task === 'question-answering' && text.slice(qa.result.start, qa.result.end), qa.result.task === 'question-answering' && qa.result.answer);
    const sentiment = await router.run({ task: 'sentiment', text });
    assert.equal(sentiment.result.task === 'sentiment' && sentiment.result.labels[0]?.label, 'positive');
    const topic = await router.run({ task: 'topic', text, labels: ['travel', 'cooking'] });
    assert.equal(topic.result.task === 'topic' && topic.result.labels.length, 2);
    const ner = await router.run({ task: 'ner', text });
    assert.ok(ner.result.task === 'ner');
    const found = ner.result.task === 'ner' ? ner.result.entities.map((e) => `${e.group}:${e.word}`) : [];
    assert.deepEqual(found, ['PER:Alice', 'LOC:Paris', 'LOC:Berlin', 'ORG:Google']);
  });

  it('falls back to a generative answer when no span is found', async () => {
    const model = 'meta-llama/Llama-3.1-8B-Instruct';
    fake.setChatReply('*', 'Nobody knows.');
    const { router } = makeRouter();
    const { result, decision } = await router.run({ task: 'question-answering', question: 'zzz?', context: 'Alice flew to Paris.' });
    assert.equal(result.task === 'question-answering' && result.generative, true);
    assert.equal(decision.outcomes[0]?.failure, 'no-answer');
    assert.equal(decision.chosen?.model, model);
  });

  it('uses a local OpenAI-compatible endpoint first under preferFreeLocal, without a Hugging Face token', async () => {
    const { router } = makeRouter({ endpoints: [{ id: 'local', baseUrl: fake.openaiUrl, model: 'llama3.1:8b' }] }, null);
    fake.setChatReply('llama3.1:8b', 'Hola mundo');
    const { result, decision } = await router.run(translateEnEs);
    assert.deepEqual(result, { task: 'translate', text: 'Hola mundo' });
    assert.deepEqual(decision.chosen?.provider, { kind: 'openai-compatible', endpointId: 'local' });
    assert.ok(fake.requests.every((r) => r.listener === 'openai'));
  });
});
