// OpenAI-shaped chat and text completions, streamed or not; shared by the router and the OpenAI-compatible listener.
// Streams send one chunk per word (the first carries role 'assistant'), then a final chunk with finish_reason
// and usage, then `data: [DONE]`. Tool calls (setChatToolCall, when the request declares tools) stream like
// OpenAI's: a head chunk with id and name and empty arguments, then the arguments JSON in 7-character pieces
// (cut anywhere, even inside an escape), then finish_reason 'tool_calls'. A conversation that ends in tool
// results is answered with text quoting them.
import { defaultChatReply, splitWords } from './answers';
import { isRecord, sendJson, type RouteContext } from './http';
import { SseWriter } from './sse';
import type { FakeToolCall } from './state';

export interface ChatRequest {
  /** Model name used in the default reply and to look up setChatReply (falls back to the '*' reply). */
  replyModel: string;
  /** `model` field of the response. */
  responseModel: string;
  messages: unknown;
  /** The request's `tools`; a configured tool call is answered only when this is a non-empty array. */
  tools?: unknown;
  maxTokens?: number;
  stream: boolean;
  headers?: Record<string, string>;
}

function countTokens(text: string): number {
  return (text.match(/\S+/g) ?? []).length;
}

function promptTokens(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  return messages.reduce((n: number, m: { content?: unknown }) => n + (typeof m?.content === 'string' ? countTokens(m.content) : 0), 0);
}

/** Applies max_tokens (counted in words) and reports the finish reason. */
function limitWords(text: string, maxTokens: number | undefined): { chunks: string[]; finish: 'stop' | 'length' } {
  const chunks = splitWords(text);
  if (maxTokens !== undefined && maxTokens >= 0 && chunks.length > maxTokens) return { chunks: chunks.slice(0, maxTokens), finish: 'length' };
  return { chunks, finish: 'stop' };
}

const now = (): number => Math.floor(Date.now() / 1000);

export function chatReplyText(ctx: RouteContext, model: string, messages: unknown): string {
  const results = trailingToolResults(messages);
  if (results.length > 0) return `Tool said: ${results.join(' | ')}`;
  return ctx.state.chatReplies.get(model) ?? ctx.state.chatReplies.get('*') ?? defaultChatReply(model, messages);
}

/** Contents of the `role: 'tool'` messages after the last user message: the model is to answer them now. */
function trailingToolResults(messages: unknown): string[] {
  if (!Array.isArray(messages)) return [];
  const out: string[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m: unknown = messages[i];
    if (!isRecord(m) || m.role === 'user') break;
    if (m.role === 'tool') out.unshift(typeof m.content === 'string' ? m.content : JSON.stringify(m.content));
  }
  return out;
}

/** The tool call to answer with: configured for the model (or '*'), the request declares tools, and no tool results are pending. */
function toolCallFor(ctx: RouteContext, r: ChatRequest): FakeToolCall | undefined {
  if (!Array.isArray(r.tools) || r.tools.length === 0 || trailingToolResults(r.messages).length > 0) return undefined;
  return ctx.state.chatToolCalls.get(r.replyModel) ?? ctx.state.chatToolCalls.get('*');
}

/** The arguments as the wire carries them: a JSON string. */
function argumentsText(call: FakeToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

/** Real providers cut argument pieces at token boundaries; fixed 7-character pieces cut strings and escapes just as well. */
const ARGUMENT_PIECE = 7;

function argumentPieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += ARGUMENT_PIECE) out.push(text.slice(i, i + ARGUMENT_PIECE));
  return out;
}

async function answerToolCall(ctx: RouteContext, r: ChatRequest, call: FakeToolCall): Promise<void> {
  const id = ctx.state.nextId('chatcmpl-fake');
  const callId = ctx.state.nextId('call_fake');
  const created = now();
  const args = argumentsText(call);
  const pieces = argumentPieces(args);
  const prompt = promptTokens(r.messages);
  const usage = { prompt_tokens: prompt, completion_tokens: pieces.length + 1, total_tokens: prompt + pieces.length + 1 };
  for (const [k, v] of Object.entries(r.headers ?? {})) ctx.res.setHeader(k, v);
  if (!r.stream) {
    const message = { role: 'assistant', content: null, tool_calls: [{ id: callId, type: 'function', function: { name: call.name, arguments: args } }] };
    sendJson(ctx, 200, { id, object: 'chat.completion', created, model: r.responseModel, choices: [{ index: 0, message, logprobs: null, finish_reason: 'tool_calls' }], usage });
    return;
  }
  const sse = new SseWriter(ctx);
  const base = { id, object: 'chat.completion.chunk', created, model: r.responseModel };
  const send = (delta: unknown, finish: string | null, extra: object = {}): Promise<boolean> =>
    sse.send({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra });
  const head = { role: 'assistant', content: null, tool_calls: [{ index: 0, id: callId, type: 'function', function: { name: call.name, arguments: '' } }] };
  if (!(await send(head, null))) return;
  for (const piece of pieces) {
    if (!(await send({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, null))) return;
  }
  if (!(await send({}, 'tool_calls', { usage }))) return;
  await sse.done();
}

export async function answerChat(ctx: RouteContext, r: ChatRequest): Promise<void> {
  const call = toolCallFor(ctx, r);
  if (call) return answerToolCall(ctx, r, call);
  const { chunks, finish } = limitWords(chatReplyText(ctx, r.replyModel, r.messages), r.maxTokens);
  const id = ctx.state.nextId('chatcmpl-fake');
  const created = now();
  const usage = { prompt_tokens: promptTokens(r.messages), completion_tokens: chunks.length, total_tokens: promptTokens(r.messages) + chunks.length };
  for (const [k, v] of Object.entries(r.headers ?? {})) ctx.res.setHeader(k, v);
  if (!r.stream) {
    sendJson(ctx, 200, {
      id,
      object: 'chat.completion',
      created,
      model: r.responseModel,
      choices: [{ index: 0, message: { role: 'assistant', content: chunks.join('') }, logprobs: null, finish_reason: finish }],
      usage,
    });
    return;
  }
  const sse = new SseWriter(ctx);
  const base = { id, object: 'chat.completion.chunk', created, model: r.responseModel };
  for (let i = 0; i < chunks.length; i++) {
    const delta = i === 0 ? { role: 'assistant', content: chunks[i] } : { content: chunks[i] };
    if (!(await sse.send({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: null }] }))) return;
  }
  if (!(await sse.send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finish }], usage }))) return;
  await sse.done();
}

export interface CompletionRequest {
  model: string;
  text: string;
  maxTokens?: number;
  stream: boolean;
}

export async function answerCompletion(ctx: RouteContext, r: CompletionRequest): Promise<void> {
  const { chunks, finish } = limitWords(r.text, r.maxTokens);
  const id = ctx.state.nextId('cmpl-fake');
  const created = now();
  const usage = { prompt_tokens: 0, completion_tokens: chunks.length, total_tokens: chunks.length };
  if (!r.stream) {
    sendJson(ctx, 200, { id, object: 'text_completion', created, model: r.model, choices: [{ index: 0, text: chunks.join(''), logprobs: null, finish_reason: finish }], usage });
    return;
  }
  const sse = new SseWriter(ctx);
  const base = { id, object: 'text_completion', created, model: r.model };
  for (const chunk of chunks) {
    if (!(await sse.send({ ...base, choices: [{ index: 0, text: chunk, logprobs: null, finish_reason: null }] }))) return;
  }
  if (!(await sse.send({ ...base, choices: [{ index: 0, text: '', logprobs: null, finish_reason: finish }], usage }))) return;
  await sse.done();
}
