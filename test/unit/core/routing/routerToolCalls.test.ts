import { strict as assert } from 'node:assert';
import { toOpenAiMessages, toOpenAiTools, toolChoice, type NeutralMessage, type NeutralTool } from '../../../../src/core/conversation/chatMessages';
import type { AssembledToolCall } from '../../../../src/core/conversation/toolCallAssembler';
import { Router } from '../../../../src/core/routing/router';
import { RoutingError } from '../../../../src/core/routing/routingError';
import { DEFAULT_SETTINGS, type RoutingSettings } from '../../../../src/core/routing/settings';
import { createHfTransport } from '../../../../src/core/routing/transport/hfTransport';
import type { TaskRequest } from '../../../../src/core/tasks/taskTypes';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../../fake-hf/server';
import { InstantClock } from '../../support/instantClock';
import { MemoryStore } from '../../support/memoryStore';
import { approving } from '../../support/tokenChecks';

const MODEL = 'meta-llama/Llama-3.1-8B-Instruct';
const TOOLS: NeutralTool[] = [{ name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }];

/**
 * VS Code's chat through the router: a conversation with tools goes out as OpenAI tools, the model's streamed tool
 * call comes back assembled through onToolCalls (no text needed), the tool's result goes back in and the model
 * answers with text. Real client, real HTTP, the fake router.
 */
describe('Router: tool calls in a chat conversation (against the fake)', () => {
  let fake: FakeHf;
  before(async () => {
    fake = await startFakeHf();
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  function makeRouter(): Router {
    const settings: RoutingSettings = { ...DEFAULT_SETTINGS, hubUrl: fake.hubUrl, routerUrl: fake.routerUrl, datasetsServerUrl: fake.datasetsServerUrl, cacheTtlMs: 300_000, requestsPerMinute: 1000 };
    return new Router({
      settings,
      transport: createHfTransport({ settings: () => settings, getToken: async () => VALID_TOKEN, getEndpointKey: async () => undefined, checkTokenDestination: approving(settings.hubUrl, settings.routerUrl) }),
      store: new MemoryStore(),
      clock: new InstantClock(),
      random: () => 0.5,
    });
  }

  function request(history: NeutralMessage[]): TaskRequest {
    return {
      task: 'chat',
      prompt: 'weather?',
      conversation: { messages: toOpenAiMessages(history, { model: MODEL, imageInput: false }), tools: toOpenAiTools(TOOLS), toolChoice: toolChoice('auto', TOOLS) },
    };
  }

  const only = { model: MODEL, provider: { kind: 'hf' as const, provider: 'auto' }, api: 'chat' as const, why: 'picked' };

  it('a streamed tool call arrives once, assembled; its result goes back and the model answers in text', async () => {
    fake.setChatToolCall(MODEL, { name: 'get_weather', arguments: { city: 'Zürich "Altstadt"' } });
    const router = makeRouter();
    const user: NeutralMessage = { role: 'user', parts: [{ kind: 'text', text: 'What is the weather in Zürich?' }] };
    const calls: AssembledToolCall[] = [];
    const tokens: string[] = [];
    const first = await router.run(request([user]), { only, noRestart: true, onToken: (t) => tokens.push(t), onToolCalls: (c) => calls.push(...c) });
    assert.equal(calls.length, 1);
    assert.equal(calls[0].name, 'get_weather');
    assert.deepEqual(calls[0].input, { city: 'Zürich "Altstadt"' });
    assert.deepEqual(first.result, { task: 'chat', text: '' });
    assert.equal(tokens.length, 0, 'no text');
    const sent = fake.requests.filter((r) => r.method === 'POST').map((r) => r.body as { tools?: unknown[]; tool_choice?: unknown; stream?: boolean });
    assert.equal(sent.length, 1);
    assert.equal(sent[0].tools?.length, 1);
    assert.equal(sent[0].tool_choice, 'auto');

    // The tool ran: its result goes back with the call, and the model answers with text (never from the cache).
    const history: NeutralMessage[] = [
      user,
      { role: 'assistant', parts: [{ kind: 'toolCall', callId: calls[0].callId, name: 'get_weather', input: calls[0].input }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: calls[0].callId, content: 'sunny, 21 °C' }] },
    ];
    const more: AssembledToolCall[] = [];
    const second = await router.run(request(history), { only, noRestart: true, onToken: (t) => tokens.push(t), onToolCalls: (c) => more.push(...c) });
    assert.equal(more.length, 0);
    assert.match(tokens.join(''), /Tool said: sunny, 21 °C/);
    assert.equal(second.result.task === 'chat' && second.result.text, tokens.join(''));
    const again = await router.run(request(history), { only, onToolCalls: (c) => more.push(...c) });
    assert.equal(again.decision.fromCache, false, 'a conversation is not answered from the cache');
  });

  it('tool-call arguments that are not JSON make the answer unusable (malformed), not a call with garbage', async () => {
    fake.setChatToolCall(MODEL, { name: 'get_weather', arguments: '{"city": "Par' });
    const router = makeRouter();
    const calls: AssembledToolCall[] = [];
    await assert.rejects(
      router.run(request([{ role: 'user', parts: [{ kind: 'text', text: 'weather?' }] }]), { only, onToken: () => undefined, onToolCalls: (c) => calls.push(...c) }),
      (err: unknown) => err instanceof RoutingError && err.failure.kind === 'malformed' && /get_weather/.test(err.message),
    );
    assert.deepEqual(calls, []);
  });
});
