import { strict as assert } from 'node:assert';
import { InferenceClient } from '@huggingface/inference';
import { ChatInputError, ChatOutputError } from '../../../../src/core/conversation/chatErrors';
import { toOpenAiMessages, toOpenAiTools, toolChoice, type NeutralMessage, type NeutralTool } from '../../../../src/core/conversation/chatMessages';
import { streamOutcome, type StreamOutcome } from '../../../../src/core/conversation/streamOutcome';
import { ToolCallAssembler } from '../../../../src/core/conversation/toolCallAssembler';
import { rewritingFetch } from '../../../fake-hf/redirect';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../../fake-hf/server';

const MODEL = 'meta-llama/Llama-3.1-8B-Instruct';
const TOOLS: NeutralTool[] = [
  { name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  { name: 'now', description: 'The current time' },
];

/**
 * The chat core end to end: neutral messages converted, sent with @huggingface/inference's chatCompletionStream
 * to the fake router, the streamed tool-call fragments reassembled. What the glue will do, minus VS Code.
 */
describe('core/conversation tool calls against the fake Hugging Face server', () => {
  let fake: FakeHf;
  let client: InferenceClient;
  before(async () => {
    fake = await startFakeHf();
    client = new InferenceClient(VALID_TOKEN, { fetch: rewritingFetch(fake), retry_on_error: false });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  /** One streamed turn: the text that arrived and how the stream ended. */
  async function turn(history: NeutralMessage[], opts: { imageInput?: boolean } = {}): Promise<{ text: string; outcome: StreamOutcome }> {
    const messages = toOpenAiMessages(history, { model: MODEL, imageInput: opts.imageInput ?? false });
    const assembler = new ToolCallAssembler();
    let text = '';
    let finishReason: string | undefined;
    const stream = client.chatCompletionStream({ model: MODEL, messages, tools: toOpenAiTools(TOOLS), tool_choice: toolChoice('auto', TOOLS) });
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      text += choice.delta.content ?? '';
      assembler.add(choice.delta.tool_calls);
      finishReason = choice.finish_reason ?? finishReason;
    }
    return { text, outcome: streamOutcome(finishReason, assembler) };
  }

  it('gets back exactly the tool call configured in the fake, then the answer to its result', async () => {
    const input = { city: 'Montréal "QC"', days: [1, 2, 3], unit: 'celsius' };
    fake.setChatToolCall(MODEL, { name: 'get_weather', arguments: input });
    const history: NeutralMessage[] = [{ role: 'user', parts: [{ kind: 'text', text: 'Weather in Montréal?' }] }];

    const first = await turn(history);
    assert.equal(first.text, '');
    assert.equal(first.outcome.kind, 'toolCalls');
    const calls = first.outcome.kind === 'toolCalls' ? first.outcome.calls : [];
    assert.equal(calls.length, 1);
    assert.equal(calls[0].name, 'get_weather');
    assert.deepEqual(calls[0].input, input);
    assert.match(calls[0].callId, /^call_/);

    const sent = fake.requests[0].body as { tools: { function: { name: string } }[]; tool_choice: unknown };
    assert.deepEqual(sent.tools.map((t) => t.function.name), ['get_weather', 'now']);
    assert.equal(sent.tool_choice, 'auto');

    history.push({ role: 'assistant', parts: [{ kind: 'toolCall', callId: calls[0].callId, name: calls[0].name, input: calls[0].input }] });
    history.push({ role: 'user', parts: [{ kind: 'toolResult', callId: calls[0].callId, content: '-3°C, snow' }] });
    const second = await turn(history);
    assert.equal(second.text, 'Tool said: -3°C, snow');
    assert.deepEqual(second.outcome, { kind: 'complete', truncated: false, finishReason: 'stop' });
    const roles = (fake.requests[1].body as { messages: { role: string }[] }).messages.map((m) => m.role);
    assert.deepEqual(roles, ['user', 'assistant', 'tool']);
  });

  it('names the tool when the model sends arguments that are not JSON', async () => {
    fake.setChatToolCall(MODEL, { name: 'get_weather', arguments: '{"city": "Par' });
    await assert.rejects(
      turn([{ role: 'user', parts: [{ kind: 'text', text: 'Weather?' }] }]),
      (err: unknown) => err instanceof ChatOutputError && err.code === 'tool-arguments' && err.toolName === 'get_weather',
    );
  });

  it('reports a stream that ended without a finish reason as cut off', async () => {
    fake.setChatToolCall(MODEL, { name: 'get_weather', arguments: { city: 'Paris' } });
    fake.setFault({ listener: 'router' }, { type: 'end-without-done', afterChunks: 3 });
    await assert.rejects(turn([{ role: 'user', parts: [{ kind: 'text', text: 'Weather?' }] }]), (err: unknown) => err instanceof ChatOutputError && err.code === 'cut-off');
  });

  it('refuses images for a text-only model before sending anything', async () => {
    const image: NeutralMessage = { role: 'user', parts: [{ kind: 'image', mimeType: 'image/png', data: new Uint8Array([1, 2, 3]) }] };
    await assert.rejects(turn([image]), (err: unknown) => err instanceof ChatInputError && err.code === 'images-not-supported');
    assert.equal(fake.requests.length, 0);
  });
});
