// OpenAI-shaped chat and text completions, streamed or not; shared by the router and the OpenAI-compatible listener.
// Streams send one chunk per word (the first carries role 'assistant'), then a final chunk with finish_reason
// and usage, then `data: [DONE]`.
import { defaultChatReply, splitWords } from './answers';
import { sendJson, type RouteContext } from './http';
import { SseWriter } from './sse';

export interface ChatRequest {
  /** Model name used in the default reply and to look up setChatReply (falls back to the '*' reply). */
  replyModel: string;
  /** `model` field of the response. */
  responseModel: string;
  messages: unknown;
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
  return ctx.state.chatReplies.get(model) ?? ctx.state.chatReplies.get('*') ?? defaultChatReply(model, messages);
}

export async function answerChat(ctx: RouteContext, r: ChatRequest): Promise<void> {
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
