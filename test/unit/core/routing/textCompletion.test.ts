import { strict as assert } from 'node:assert';
import { DEFAULT_SETTINGS, type RoutingSettings } from '../../../../src/core/routing/settings';
import { CallFailure, type Candidate } from '../../../../src/core/routing/routingTypes';
import { createTextCompletion } from '../../../../src/core/routing/transport/textCompletion';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../../fake-hf/server';
import { approving } from '../../support/tokenChecks';

/** Ghost text's one request, against the fake: Hugging Face text generation and an OpenAI-compatible /completions. */
describe('core/routing/transport/textCompletion against the fake', () => {
  let fake: FakeHf;
  before(async () => {
    fake = await startFakeHf();
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  function call(token: string | null = VALID_TOKEN) {
    const settings: RoutingSettings = {
      ...DEFAULT_SETTINGS,
      hubUrl: fake.hubUrl,
      routerUrl: fake.routerUrl,
      datasetsServerUrl: fake.datasetsServerUrl,
      endpoints: [{ id: 'local', baseUrl: fake.openaiUrl, model: 'qwen2.5-coder:7b' }],
    };
    return createTextCompletion({ settings: () => settings, getToken: async () => token ?? undefined, getEndpointKey: async () => undefined, checkTokenDestination: approving(settings.hubUrl, settings.routerUrl) });
  }

  const hf: Candidate = { model: 'bigcode/starcoder2-15b', provider: { kind: 'hf', provider: 'hf-inference' }, api: 'text-generation', why: 'test' };
  const local: Candidate = { model: 'qwen2.5-coder:7b', provider: { kind: 'openai-compatible', endpointId: 'local' }, api: 'text-generation', why: 'test' };
  const request = { prompt: '<fim_prefix>def add(a, b):\n    return <fim_suffix>\n<fim_middle>', stop: ['<|endoftext|>', '\n', '<file_sep>', '<fim_prefix>', '<fim_suffix>'], maxTokens: 48, temperature: 0.1 };

  it('Hugging Face: textGeneration with the FIM prompt, only the continuation back (return_full_text false), at most four stops, the token sent', async () => {
    fake.setCompletionReply('bigcode/starcoder2-15b', 'a + b');
    const text = await call()(hf, request, new AbortController().signal);
    assert.equal(text, 'a + b');
    const post = fake.requests.find((r) => r.method === 'POST');
    // @huggingface/inference 4.13 sends hf-inference text generation to the OpenAI-style completions route.
    assert.equal(post?.path, '/hf-inference/models/bigcode/starcoder2-15b/v1/completions');
    assert.equal(post?.headers.authorization, `Bearer ${VALID_TOKEN}`);
    const body = post?.body as { prompt: string; return_full_text: boolean; stop: string[]; max_tokens: number };
    assert.equal(body.prompt, request.prompt);
    assert.equal(body.return_full_text, false);
    assert.equal(body.stop.length, 4);
    assert.equal(body.max_tokens, 48);
  });

  it('an endpoint: POST {baseUrl}/completions with prompt and suffix, no Hugging Face token', async () => {
    fake.setCompletionReply('qwen2.5-coder:7b', 'a + b');
    const text = await call()(local, { prompt: 'def add(a, b):\n    return ', suffix: '\n', stop: [], maxTokens: 32, temperature: 0.1 }, new AbortController().signal);
    assert.equal(text, 'a + b');
    const post = fake.requests.find((r) => r.method === 'POST');
    assert.equal(post?.listener, 'openai');
    assert.equal(post?.path, '/v1/completions');
    assert.deepEqual((post?.body as { suffix?: string }).suffix, '\n');
    assert.equal(post?.headers.authorization, undefined);
  });

  it('failures are normalised: 401 unauthorized, 429 rate-limited, an endpoint 404 gone, no token config', async () => {
    fake.setFault({ listener: 'router' }, { type: 'status', status: 401 });
    await assert.rejects(call()(hf, request, new AbortController().signal), (e: unknown) => e instanceof CallFailure && e.kind === 'unauthorized');
    fake.reset();
    fake.setFault({ listener: 'router' }, { type: 'rate-limit', retryAfterS: 3 });
    await assert.rejects(call()(hf, request, new AbortController().signal), (e: unknown) => e instanceof CallFailure && e.kind === 'rate-limited' && e.details.retryAfterMs === 3000);
    fake.reset();
    await assert.rejects(call()({ ...local, model: 'no-such-model' }, request, new AbortController().signal), (e: unknown) => e instanceof CallFailure && e.kind === 'gone');
    await assert.rejects(call(null)(hf, request, new AbortController().signal), (e: unknown) => e instanceof CallFailure && e.kind === 'config');
  });

  it('the chat last resort: chat completions with the messages, a fenced reply unwrapped', async () => {
    fake.setChatReply('Qwen/Qwen2.5-Coder-32B-Instruct', '```python\na + b\n```');
    const chat: Candidate = { model: 'Qwen/Qwen2.5-Coder-32B-Instruct', provider: { kind: 'hf', provider: 'auto' }, api: 'chat', why: 'test' };
    const text = await call()(chat, { ...request, chat: [{ role: 'system', content: 'complete' }, { role: 'user', content: 'return <CURSOR>' }] }, new AbortController().signal);
    assert.equal(text, 'a + b');
    const post = fake.requests.find((r) => r.method === 'POST');
    assert.match(post?.path ?? '', /chat\/completions$/);
    assert.deepEqual((post?.body as { messages: unknown[] }).messages.length, 2);
  });

  it('an abort cancels the HTTP request (the fake sees it aborted)', async () => {
    fake.setFault({ listener: 'router' }, { type: 'slow', delayMs: 5_000 });
    const controller = new AbortController();
    const pending = call()(hf, request, controller.signal);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await assert.rejects(pending, (e: unknown) => e instanceof CallFailure && e.kind === 'cancelled');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(fake.requests.find((r) => r.method === 'POST')?.aborted, true);
  });
});
