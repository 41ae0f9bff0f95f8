import { strict as assert } from 'node:assert';
import { chatModelEntries, parseRouterModels } from '../../../src/core/routing/chatModelList';
import { FakeHfControl } from '../../fake-hf/control';
import { CREDITS_EXCEEDED } from '../../fake-hf/faultBodies';
import { VALID_TOKEN } from '../../fake-hf/server';
import { collect, rejectionOf, useFakeHf } from './helpers';

const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const VL = 'Qwen/Qwen2.5-VL-7B-Instruct';
const WEATHER_TOOL = { type: 'function', function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };
const ARGS = { city: 'Montréal', days: [1, 2] };

interface RawChunk {
  object: string;
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
  usage?: { completion_tokens: number };
}

describe('fake-hf chat with tools, images and credits', () => {
  const h = useFakeHf();
  const ask = [{ role: 'user', content: 'Weather in Montréal?' }];

  async function postChat(body: Record<string, unknown>): Promise<Response> {
    return fetch(`${h.fake.routerUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${VALID_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** The SSE events of a response body, `[DONE]` included as the string. */
  async function events(res: Response): Promise<(RawChunk | string)[]> {
    const text = await res.text();
    assert.ok(text.endsWith('data: [DONE]\n\n'), 'the stream ends with [DONE]');
    return text
      .split('\n\n')
      .filter((e) => e.startsWith('data: '))
      .map((e) => e.slice('data: '.length))
      .map((d) => (d === '[DONE]' ? d : (JSON.parse(d) as RawChunk)));
  }

  it('streams a configured tool call like OpenAI: head with id and name, 7-character argument pieces, finish_reason tool_calls, [DONE]', async () => {
    h.fake.setChatToolCall(LLAMA, { name: 'get_weather', arguments: ARGS });
    const all = await events(await postChat({ model: LLAMA, messages: ask, tools: [WEATHER_TOOL], stream: true }));
    assert.equal(all.pop(), '[DONE]');
    const chunks = all as RawChunk[];
    const [head, ...rest] = chunks;
    const finish = rest.pop()!;
    const callId = (head.choices[0].delta.tool_calls as { id: string }[])[0].id;
    assert.match(callId, /^call_/);
    assert.deepEqual(head.choices[0].delta, {
      role: 'assistant',
      content: null,
      tool_calls: [{ index: 0, id: callId, type: 'function', function: { name: 'get_weather', arguments: '' } }],
    });
    assert.equal(head.choices[0].finish_reason, null);
    const pieces = rest.map((c) => {
      assert.deepEqual(Object.keys(c.choices[0].delta), ['tool_calls']);
      const [call] = c.choices[0].delta.tool_calls as { index: number; function: { arguments: string } }[];
      assert.deepEqual(Object.keys(call), ['index', 'function'], 'later fragments carry only index and arguments');
      return call.function.arguments;
    });
    assert.ok(pieces.length > 2 && pieces.every((p) => p.length <= 7));
    assert.equal(pieces.join(''), JSON.stringify(ARGS));
    assert.deepEqual(finish.choices[0], { index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' });
    assert.equal(finish.usage?.completion_tokens, pieces.length + 1);
  });

  it('answers a non-streamed request with message.tool_calls and finish_reason tool_calls', async () => {
    h.fake.setChatToolCall('*', { name: 'get_weather', arguments: ARGS });
    const out = await h.client().chatCompletion({ model: `${LLAMA}:fastest`, messages: ask, tools: [WEATHER_TOOL] });
    const choice = out.choices[0];
    assert.equal(choice.finish_reason, 'tool_calls');
    assert.equal(choice.message.content, null);
    assert.equal(choice.message.tool_calls?.length, 1);
    assert.equal(choice.message.tool_calls?.[0].type, 'function');
    assert.deepEqual(choice.message.tool_calls?.[0].function, { name: 'get_weather', arguments: JSON.stringify(ARGS) });
  });

  it('answers with text when the request has no tools, and after reset', async () => {
    h.fake.setChatToolCall(LLAMA, { name: 'get_weather', arguments: ARGS });
    const plain = await h.client().chatCompletion({ model: LLAMA, messages: ask });
    assert.equal(plain.choices[0].finish_reason, 'stop');
    assert.equal(plain.choices[0].message.tool_calls, undefined);
    h.fake.reset();
    const after = await h.client().chatCompletion({ model: LLAMA, messages: ask, tools: [WEATHER_TOOL] });
    assert.equal(after.choices[0].finish_reason, 'stop');
  });

  it('answers tool results with text quoting them, so a round trip is observable', async () => {
    h.fake.setChatToolCall(LLAMA, { name: 'get_weather', arguments: ARGS });
    const messages = [
      ...ask,
      { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '-3°C, snow' },
    ];
    const chunks = await collect(h.client().chatCompletionStream({ model: LLAMA, messages, tools: [WEATHER_TOOL] }));
    assert.equal(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join(''), 'Tool said: -3°C, snow');
    assert.equal(chunks[chunks.length - 1].choices[0].finish_reason, 'stop');
    const body = h.fake.requests[0].body as { tools: unknown[]; messages: unknown[] };
    assert.deepEqual(body.tools, [WEATHER_TOOL], 'the recorded request keeps the tools sent');
    assert.deepEqual(body.messages, messages);
  });

  it('is configured through the control API too', async () => {
    const control = new FakeHfControl(h.fake.routerUrl);
    await control.setChatToolCall(LLAMA, { name: 'broken', arguments: '{"a": ' });
    const out = await h.client().chatCompletion({ model: LLAMA, messages: ask, tools: [WEATHER_TOOL] });
    assert.deepEqual(out.choices[0].message.tool_calls?.[0].function, { name: 'broken', arguments: '{"a": ' }, 'string arguments are sent verbatim');
    const bad = await fetch(`${h.fake.routerUrl}/__fake/chat-tool-call`, { method: 'POST', body: JSON.stringify({ model: LLAMA, name: 'x' }) });
    assert.equal(bad.status, 400);
  });

  it('lists chat models with architecture.input_modalities and provider traits, like the real router', async () => {
    const res = await fetch(`${h.fake.routerUrl}/v1/models`, { headers: { Authorization: `Bearer ${VALID_TOKEN}` } });
    const list = (await res.json()) as { data: { id: string; architecture: { input_modalities: string[]; output_modalities: string[] }; providers: Record<string, unknown>[] }[] };
    const llama = list.data.find((m) => m.id === LLAMA)!;
    const vl = list.data.find((m) => m.id === VL)!;
    assert.deepEqual(llama.architecture, { input_modalities: ['text'], output_modalities: ['text'] });
    assert.deepEqual(vl.architecture.input_modalities, ['text', 'image']);
    for (const p of llama.providers) {
      assert.equal(typeof p.provider, 'string');
      assert.equal(p.status, 'live');
      assert.ok([32_768, 65_536, 131_072].includes(p.context_length as number));
      const pricing = p.pricing as { input: number; output: number };
      assert.ok(pricing.input > 0 && pricing.output > pricing.input);
      assert.equal(typeof p.supports_tools, 'boolean');
      assert.equal(typeof p.supports_structured_output, 'boolean');
    }
    assert.equal(llama.providers.find((p) => p.provider === 'featherless-ai')?.supports_tools, false);
    const again = (await (await fetch(`${h.fake.routerUrl}/v1/models`, { headers: { Authorization: `Bearer ${VALID_TOKEN}` } })).json()) as typeof list;
    assert.deepEqual(again, list, 'the numbers are stable');
    const entries = chatModelEntries(parseRouterModels(list));
    assert.equal(entries.find((e) => e.id === VL)?.imageInput, true, 'the product reads the image flag');
    assert.equal(entries.find((e) => e.id === LLAMA)?.imageInput, false);
    assert.equal(entries.find((e) => e.id === LLAMA)?.maxInputTokens, Math.min(...llama.providers.map((p) => p.context_length as number)));
  });

  it('refuses image_url content for a text-only model with an OpenAI-style 400, and takes it for an image model', async () => {
    const content = [
      { type: 'text' as const, text: 'What is this?' },
      { type: 'image_url' as const, image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
    ];
    const messages = [{ role: 'user', content }];
    const raw = await postChat({ model: LLAMA, messages });
    assert.equal(raw.status, 400);
    const body = (await raw.json()) as { error: { message: string; type: string } };
    assert.equal(body.error.type, 'invalid_request_error');
    assert.match(body.error.message, /meta-llama\/Llama-3\.1-8B-Instruct is not a multimodal model/);
    const err = await rejectionOf(collect(h.client().chatCompletionStream({ model: LLAMA, messages })));
    assert.match(err.message, /is not a multimodal model/, 'the client library surfaces error.message');
    const ok = await h.client().chatCompletion({ model: VL, messages });
    assert.equal(ok.choices[0].finish_reason, 'stop');
    const perProvider = await h.client().chatCompletion({ model: VL, provider: 'together', messages });
    assert.equal(perProvider.choices[0].finish_reason, 'stop');
  });

  it('answers a 402 status fault with the router credits-exceeded body', async () => {
    h.fake.setFault({ listener: 'router' }, { type: 'status', status: 402, times: 1 });
    const err = await rejectionOf(h.client().chatCompletion({ model: LLAMA, messages: ask }));
    assert.equal((err.httpResponse as { status: number }).status, 402);
    assert.deepEqual((err.httpResponse as { body: unknown }).body, { error: CREDITS_EXCEEDED });
    assert.equal(err.message, `Failed to perform inference: ${CREDITS_EXCEEDED}`);
  });
});
