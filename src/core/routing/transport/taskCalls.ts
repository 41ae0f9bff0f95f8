import { ChatOutputError } from '../../conversation/chatErrors';
import { ToolCallAssembler, type AssembledToolCall } from '../../conversation/toolCallAssembler';
import { commonSentiments } from '../sentimentLabels';
import type { InferenceClient } from '@huggingface/inference';
import { CallFailure, type Candidate } from '../routingTypes';
import type { ScoredLabel, TaskRequest, TaskResult } from '../../tasks/taskTypes';
import { parseChatResult } from '../chatReplies';
import { chatMessages, summarizationParameters, textGenerationPrompt } from '../prompts';
import { translationParameters } from '../modelCatalog';

/** What a task call needs besides the request: the client, the abort signal and the stream hooks. */
export interface TaskCallContext {
  readonly client: InferenceClient;
  readonly candidate: Candidate;
  /** Provider argument for the client; undefined for OpenAI-compatible endpoints (endpointUrl decides). */
  readonly provider: string | undefined;
  readonly signal: AbortSignal;
  /** Called for every streamed chunk; `undefined` means "do not stream". */
  readonly onToken?: (text: string) => void;
  /** Resets the idle timeout. */
  readonly touch: () => void;
  /** The last event stream carried `data: [DONE]` (the client library does not say). */
  readonly sawDone: () => boolean;
  /** Receives the tool calls of a complete chat answer (VS Code's chat). */
  readonly onToolCalls?: (calls: readonly AssembledToolCall[]) => void;
}

/** Below this score an extractive answer is noise: the chain moves on to a generative model. */
const MIN_QA_SCORE = 0.01;

export async function callTask(ctx: TaskCallContext, request: TaskRequest): Promise<TaskResult> {
  switch (ctx.candidate.api) {
    case 'chat': {
      const { text, toolCalls } = await callChat(ctx, request);
      // An answer that only calls tools has no text: that is complete, not malformed.
      if (toolCalls.length > 0 && request.task === 'chat') {
        ctx.onToolCalls?.(toolCalls);
        return { task: 'chat', text };
      }
      return parseChatResult(request, text);
    }
    case 'text-generation':
      return parseChatResult(request, await callTextGeneration(ctx, request));
    case 'translation':
      return callTranslation(ctx, expect(request, 'translate', ctx));
    case 'summarization':
      return callSummarization(ctx, expect(request, 'summarize', ctx));
    case 'question-answering':
      return callQuestionAnswering(ctx, expect(request, 'question-answering', ctx));
    case 'text-classification':
      return callSentimentClassification(ctx, expect(request, 'sentiment', ctx));
    case 'zero-shot-classification':
      return callZeroShotClassification(ctx, expect(request, 'topic', ctx));
    case 'token-classification':
      return callTokenClassification(ctx, expect(request, 'ner', ctx));
  }
}

function expect<K extends TaskRequest['task']>(
  request: TaskRequest,
  task: K,
  ctx: TaskCallContext,
): Extract<TaskRequest, { task: K }> {
  if (request.task !== task) {
    throw new CallFailure('config', `${ctx.candidate.model} (${ctx.candidate.api}) cannot serve a ${request.task} request.`);
  }
  return request as Extract<TaskRequest, { task: K }>;
}

function options(ctx: TaskCallContext) {
  return { signal: ctx.signal };
}

function sampling(request: TaskRequest): { temperature?: number; max_tokens?: number } {
  if (request.task === 'generate-code' || request.task === 'chat') {
    return { temperature: request.temperature, max_tokens: request.maxTokens };
  }
  return {};
}

interface ChatAnswer {
  readonly text: string;
  readonly toolCalls: readonly AssembledToolCall[];
}

/** The request's messages, and the tools a conversation offers (VS Code's chat), as the chat API takes them. */
function chatArgs(ctx: TaskCallContext, request: TaskRequest) {
  const conversation = request.task === 'chat' ? request.conversation : undefined;
  return {
    model: ctx.candidate.model,
    provider: ctx.provider as 'auto',
    messages: conversation ? [...conversation.messages] : chatMessages(request),
    ...(conversation?.tools && conversation.tools.length > 0 ? { tools: [...conversation.tools], ...(conversation.toolChoice ? { tool_choice: conversation.toolChoice } : {}) } : {}),
    ...sampling(request),
  };
}

async function callChat(ctx: TaskCallContext, request: TaskRequest): Promise<ChatAnswer> {
  const args = chatArgs(ctx, request);
  const calls = new ToolCallAssembler();
  if (!ctx.onToken) {
    const out = await ctx.client.chatCompletion(args, options(ctx));
    const message = out.choices?.[0]?.message;
    calls.add(message?.tool_calls?.map((c, index) => ({ index, id: c.id, type: 'function', function: { name: c.function.name, arguments: toolArguments(c.function.arguments) } })));
    const content = message?.content;
    if (typeof content !== 'string' && !calls.hasCalls) throw new CallFailure('malformed', `${ctx.candidate.model} returned no message.`);
    return { text: typeof content === 'string' ? content : '', toolCalls: assembled(ctx, calls) };
  }
  let text = '';
  let finished = false;
  for await (const chunk of ctx.client.chatCompletionStream(args, options(ctx))) {
    throwIfAborted(ctx);
    ctx.touch();
    const delta = chunk.choices?.[0]?.delta;
    if (typeof delta?.content === 'string' && delta.content) {
      text += delta.content;
      ctx.onToken(delta.content);
    }
    calls.add(delta?.tool_calls);
    finished ||= hasFinishReason(chunk);
  }
  throwIfIncomplete(ctx, finished);
  return { text, toolCalls: assembled(ctx, calls) };
}

/** Tool-call arguments as the wire has them (a JSON string; some providers send the object itself). */
function toolArguments(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? {});
}

/** The assembled tool calls; arguments that are not JSON make the answer unusable (the next candidate is tried). */
function assembled(ctx: TaskCallContext, calls: ToolCallAssembler): readonly AssembledToolCall[] {
  if (!calls.hasCalls) return [];
  try {
    return calls.finish();
  } catch (err) {
    if (err instanceof ChatOutputError) throw new CallFailure('malformed', `${ctx.candidate.model}: ${err.message}`);
    throw err;
  }
}

async function callTextGeneration(ctx: TaskCallContext, request: TaskRequest): Promise<string> {
  const { temperature, max_tokens } = sampling(request);
  const args = {
    model: ctx.candidate.model,
    provider: 'hf-inference' as const,
    inputs: textGenerationPrompt(request),
    parameters: { max_new_tokens: max_tokens, temperature, return_full_text: false },
  };
  if (!ctx.onToken) return (await ctx.client.textGeneration(args, options(ctx))).generated_text;
  let text = '';
  let finished = false;
  for await (const chunk of ctx.client.textGenerationStream(args, options(ctx))) {
    throwIfAborted(ctx);
    ctx.touch();
    const delta = streamedText(chunk);
    if (delta) {
      text += delta;
      ctx.onToken(delta);
    }
    finished ||= hasFinishReason(chunk);
  }
  throwIfIncomplete(ctx, finished);
  return text;
}

/** Chunks already buffered keep arriving after an abort; stop at the next one. */
function throwIfAborted(ctx: TaskCallContext): void {
  if (ctx.signal.aborted) throw new CallFailure('cancelled', 'Cancelled.');
}

/**
 * A chunk that says the answer is over: OpenAI-style `choices[0].finish_reason`, or TGI's final
 * `details.finish_reason`.
 */
function hasFinishReason(chunk: unknown): boolean {
  if (!chunk || typeof chunk !== 'object') return false;
  const record = chunk as { choices?: { finish_reason?: unknown }[]; details?: { finish_reason?: unknown } | null };
  const reason = record.choices?.[0]?.finish_reason ?? record.details?.finish_reason;
  return typeof reason === 'string' && reason !== '';
}

/**
 * A stream that ended with neither `data: [DONE]` nor a finish_reason was cut short, however cleanly the
 * connection closed: its text is a fragment. Failing it as `malformed` makes the router discard what was
 * streamed and move on, instead of inserting half an answer.
 */
function throwIfIncomplete(ctx: TaskCallContext, finished: boolean): void {
  if (finished || ctx.sawDone()) return;
  throw new CallFailure('malformed', `${ctx.candidate.model} ended its stream before the answer was complete (no [DONE] and no finish_reason).`);
}

/** hf-inference streams OpenAI completion chunks; TGI streams `{token: {text}}`. Accept both. */
function streamedText(chunk: unknown): string | undefined {
  if (!chunk || typeof chunk !== 'object') return undefined;
  const record = chunk as { choices?: { text?: unknown }[]; token?: { text?: unknown; special?: boolean } };
  const choiceText = record.choices?.[0]?.text;
  if (typeof choiceText === 'string') return choiceText;
  if (record.token && !record.token.special && typeof record.token.text === 'string') return record.token.text;
  return undefined;
}

async function callTranslation(ctx: TaskCallContext, request: Extract<TaskRequest, { task: 'translate' }>): Promise<TaskResult> {
  const parameters = translationParameters(ctx.candidate.model, request.sourceLang, request.targetLang);
  const out = await ctx.client.translation(
    { model: ctx.candidate.model, provider: 'hf-inference', inputs: request.text, ...(parameters ? { parameters } : {}) },
    options(ctx),
  );
  const first = Array.isArray(out) ? out[0] : out;
  if (!first || typeof first.translation_text !== 'string') throw malformed(ctx, 'no translation_text');
  return { task: 'translate', text: first.translation_text };
}

async function callSummarization(ctx: TaskCallContext, request: Extract<TaskRequest, { task: 'summarize' }>): Promise<TaskResult> {
  const out = await ctx.client.summarization(
    { model: ctx.candidate.model, provider: 'hf-inference', inputs: request.text, parameters: summarizationParameters(request.length) },
    options(ctx),
  );
  if (!out || typeof out.summary_text !== 'string') throw malformed(ctx, 'no summary_text');
  const text = out.summary_text.trim();
  return { task: 'summarize', text: request.style === 'bullets' ? toBullets(text) : text };
}

/** Summarisation models write paragraphs; the bullet style lists their sentences (the on-device summaries too). */
export function toBullets(paragraph: string): string {
  const sentences = paragraph.match(/[^.!?]+[.!?]*(?:\s+|$)/g) ?? [paragraph];
  return sentences
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => `- ${s}`)
    .join('\n');
}

async function callQuestionAnswering(ctx: TaskCallContext, request: Extract<TaskRequest, { task: 'question-answering' }>): Promise<TaskResult> {
  const out = await ctx.client.questionAnswering(
    { model: ctx.candidate.model, provider: 'hf-inference', inputs: { question: request.question, context: request.context } },
    options(ctx),
  );
  if (!out.answer.trim() || out.score < MIN_QA_SCORE) {
    throw new CallFailure('no-answer', `${ctx.candidate.model} found no answer in the selection (score ${out.score.toFixed(4)}).`);
  }
  return { task: 'question-answering', answer: out.answer, score: out.score, start: out.start, end: out.end, generative: false };
}

async function callSentimentClassification(ctx: TaskCallContext, request: Extract<TaskRequest, { task: 'sentiment' }>): Promise<TaskResult> {
  const out = await ctx.client.textClassification(
    { model: ctx.candidate.model, provider: 'hf-inference', inputs: request.text },
    options(ctx),
  );
  return { task: 'sentiment', labels: commonSentiments(out) };
}

async function callZeroShotClassification(ctx: TaskCallContext, request: Extract<TaskRequest, { task: 'topic' }>): Promise<TaskResult> {
  if (request.labels.length === 0) throw new CallFailure('bad-request', 'Give at least one topic label.');
  const out = await ctx.client.zeroShotClassification(
    { model: ctx.candidate.model, provider: 'hf-inference', inputs: request.text, parameters: { candidate_labels: [...request.labels] } },
    options(ctx),
  );
  return { task: 'topic', labels: sortByScore(out.map((l) => ({ label: l.label, score: l.score }))) };
}

async function callTokenClassification(ctx: TaskCallContext, request: Extract<TaskRequest, { task: 'ner' }>): Promise<TaskResult> {
  const out = await ctx.client.tokenClassification(
    { model: ctx.candidate.model, provider: 'hf-inference', inputs: request.text, parameters: { aggregation_strategy: 'simple' } },
    options(ctx),
  );
  const entities = out
    .filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.end > e.start && e.end <= request.text.length)
    .map((e) => ({ group: e.entity_group ?? 'MISC', word: request.text.slice(e.start, e.end), score: e.score, start: e.start, end: e.end }));
  return { task: 'ner', entities };
}

function sortByScore(labels: ScoredLabel[]): ScoredLabel[] {
  return [...labels].sort((a, b) => b.score - a.score);
}

function malformed(ctx: TaskCallContext, what: string): CallFailure {
  return new CallFailure('malformed', `${ctx.candidate.model} sent an unexpected response (${what}).`);
}
