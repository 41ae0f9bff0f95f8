import { strict as assert } from 'node:assert';
import type { ChatCompletionInput, ChatCompletionInputMessage } from '@huggingface/tasks';
import { ChatInputError } from '../../../../src/core/conversation/chatErrors';
import { dataUrl, toOpenAiMessages, toOpenAiTools, toolChoice, type NeutralMessage, type NeutralTool } from '../../../../src/core/conversation/chatMessages';

const TEXT_MODEL = { model: 'meta-llama/Llama-3.1-8B-Instruct', imageInput: false };
const VISION_MODEL = { model: 'Qwen/Qwen2.5-VL-7B-Instruct', imageInput: true };
const text = (t: string) => ({ kind: 'text' as const, text: t });

describe('core/conversation toOpenAiMessages', () => {
  it('merges consecutive text parts and keeps roles', () => {
    const out = toOpenAiMessages(
      [
        { role: 'system', parts: [text('Be '), text('brief.')] },
        { role: 'user', parts: [text('Hello'), text(', world')] },
        { role: 'assistant', parts: [text('Hi')] },
      ],
      TEXT_MODEL,
    );
    assert.deepEqual(out, [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello, world' },
      { role: 'assistant', content: 'Hi' },
    ]);
  });

  it('turns an assistant tool call and the following tool result into tool_calls then a role:tool message, before the remaining user text', () => {
    const history: NeutralMessage[] = [
      { role: 'user', parts: [text('What is the weather in Paris?')] },
      { role: 'assistant', parts: [{ kind: 'toolCall', callId: 'call_1', name: 'get_weather', input: { city: 'Paris', unit: 'c' } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_1', content: '21°C, sunny' }, text('And tomorrow?')] },
    ];
    const out = toOpenAiMessages(history, TEXT_MODEL);
    assert.deepEqual(out, [
      { role: 'user', content: 'What is the weather in Paris?' },
      { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"c"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '21°C, sunny' },
      { role: 'user', content: 'And tomorrow?' },
    ]);
    assert.ok(!('content' in out[1]), 'an assistant message with only tool calls has no content');
  });

  it('keeps assistant text next to its tool calls and emits one tool message per result, in order, with no empty user message', () => {
    const out = toOpenAiMessages(
      [
        {
          role: 'assistant',
          parts: [text('Let me check.'), { kind: 'toolCall', callId: 'a', name: 'read', input: { path: 'x' } }, { kind: 'toolCall', callId: 'b', name: 'list', input: {} }],
        },
        { role: 'user', parts: [{ kind: 'toolResult', callId: 'a', content: 'A' }, { kind: 'toolResult', callId: 'b', content: 'B' }] },
      ],
      TEXT_MODEL,
    );
    assert.deepEqual(out, [
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          { id: 'a', type: 'function', function: { name: 'read', arguments: '{"path":"x"}' } },
          { id: 'b', type: 'function', function: { name: 'list', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'a', content: 'A' },
      { role: 'tool', tool_call_id: 'b', content: 'B' },
    ]);
  });

  it('keeps a tool result whose call is not in the preceding assistant message as user text (providers reject orphan tool messages)', () => {
    const out = toOpenAiMessages([{ role: 'user', parts: [{ kind: 'toolResult', callId: 'gone', content: 'late' }, text(' thanks')] }], TEXT_MODEL);
    assert.deepEqual(out, [{ role: 'user', content: 'Result of tool call gone:\nlate thanks' }]);
  });

  it('sends images as base64 data URLs in content parts, in order with the merged text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    const out = toOpenAiMessages(
      [{ role: 'user', parts: [text('What is '), text('this?'), { kind: 'image', mimeType: 'image/png', data: png }, text('Be short.')] }],
      VISION_MODEL,
    );
    assert.deepEqual(out, [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgr/AA==' } },
          { type: 'text', text: 'Be short.' },
        ],
      },
    ]);
  });

  it('encodes large images the same as Buffer does (chunked, no stack overflow)', () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    assert.equal(dataUrl('image/jpeg', big), `data:image/jpeg;base64,${Buffer.from(big).toString('base64')}`);
  });

  it('refuses images for a model without image input, naming the model', () => {
    const attempt = () => toOpenAiMessages([{ role: 'user', parts: [text('look'), { kind: 'image', mimeType: 'image/png', data: new Uint8Array([1]) }] }], TEXT_MODEL);
    assert.throws(attempt, (err: unknown) => {
      assert.ok(err instanceof ChatInputError);
      assert.equal(err.code, 'images-not-supported');
      assert.equal(err.message, 'meta-llama/Llama-3.1-8B-Instruct does not take images; pick a model marked with image input.');
      return true;
    });
  });

  it('refuses parts OpenAI chat has no place for', () => {
    const bad: NeutralMessage[][] = [
      [{ role: 'user', parts: [{ kind: 'toolCall', callId: 'x', name: 't', input: {} }] }],
      [{ role: 'assistant', parts: [{ kind: 'image', mimeType: 'image/png', data: new Uint8Array([1]) }] }],
      [{ role: 'system', parts: [{ kind: 'toolResult', callId: 'x', content: 'y' }] }],
    ];
    for (const messages of bad) {
      assert.throws(() => toOpenAiMessages(messages, VISION_MODEL), (err: unknown) => err instanceof ChatInputError && err.code === 'invalid-message');
    }
  });

  it('produces messages @huggingface/tasks accepts without a cast', () => {
    const typed: ChatCompletionInputMessage[] = toOpenAiMessages([{ role: 'user', parts: [text('hi')] }], TEXT_MODEL);
    assert.equal(typed.length, 1);
  });
});

describe('core/conversation toOpenAiTools and toolChoice', () => {
  const tools: NeutralTool[] = [
    { name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
    { name: 'now', description: 'The current time' },
  ];

  it('declares function tools, with an empty object schema when there is none', () => {
    const out: ChatCompletionInput['tools'] = toOpenAiTools(tools);
    assert.deepEqual(out, [
      { type: 'function', function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
      { type: 'function', function: { name: 'now', description: 'The current time', parameters: { type: 'object', properties: {} } } },
    ]);
  });

  it('maps the tool mode to tool_choice', () => {
    const auto: ChatCompletionInput['tool_choice'] = toolChoice('auto', tools);
    assert.equal(auto, 'auto');
    assert.equal(toolChoice('auto', []), undefined, 'nothing to choose from: no tool_choice at all');
    assert.equal(toolChoice('required', tools), 'required');
    assert.deepEqual(toolChoice('required', [tools[1]]), { type: 'function', function: { name: 'now' } });
    assert.throws(() => toolChoice('required', []), (err: unknown) => err instanceof ChatInputError && err.code === 'no-tools');
  });
});
