/**
 * One plain text completion (fill-in-the-middle ghost text) of one candidate: on Hugging Face through
 * `@huggingface/inference`'s `textGeneration` (the prompt already carries the model's FIM tokens), on an
 * OpenAI-compatible endpoint (Ollama, LM Studio, vLLM, llama.cpp server) through its `/completions` route with
 * `prompt` and `suffix` (the client library has no call for that route; the endpoint is the user's own server).
 * The same access, host rewriting, token guard, timeout and error normalisation as the task transport.
 */
import { withoutTrailingSlash } from '../../web/urls';
import { CallFailure, type Candidate } from '../routingTypes';
import { stripFences } from '../chatReplies';
import { fromStatus } from './classifyError';
import { withAttempt, type HfTransportDeps } from './hfTransport';
import type { ChatMessage } from '../prompts';

export interface TextCompletionRequest {
  /** The whole prompt (with FIM tokens when the model has a template), or the text before the cursor (with `suffix`). */
  readonly prompt: string;
  /** The text after the cursor, for endpoints that take `suffix` themselves (no template known for the model). */
  readonly suffix?: string;
  readonly stop: readonly string[];
  readonly maxTokens: number;
  readonly temperature: number;
  /** A chat model (the opt-in last resort): these messages go to its chat completions instead of `prompt`. */
  readonly chat?: readonly ChatMessage[];
}

export type TextCompletionCall = (candidate: Candidate, request: TextCompletionRequest, signal: AbortSignal) => Promise<string>;

/** Most providers take at most four stop sequences (OpenAI's limit). */
const MAX_STOPS = 4;

export function createTextCompletion(deps: HfTransportDeps): TextCompletionCall {
  return (candidate, request, signal) =>
    withAttempt(deps, candidate, signal, async (a) => {
      const stop = request.stop.slice(0, MAX_STOPS);
      if (request.chat) {
        const out = await a.client().chatCompletion(
          { model: candidate.model, ...(a.endpointUrl ? {} : { provider: (a.provider ?? 'auto') as 'auto' }), messages: [...request.chat], max_tokens: request.maxTokens, temperature: request.temperature, stop: [...stop] },
          { signal: a.signal },
        );
        const content = out.choices?.[0]?.message?.content;
        if (typeof content !== 'string') throw new CallFailure('malformed', `${a.target} returned no message.`);
        return stripFences(content);
      }
      if (a.endpointUrl) return endpointCompletion(a.network, a.endpointUrl, a.token, candidate.model, request, stop, a.signal, a.target);
      const out = await a.client().textGeneration(
        {
          model: candidate.model,
          provider: (a.provider ?? 'hf-inference') as 'hf-inference',
          inputs: request.prompt,
          parameters: { max_new_tokens: request.maxTokens, temperature: request.temperature > 0 ? request.temperature : undefined, do_sample: request.temperature > 0, stop, return_full_text: false },
        },
        { signal: a.signal },
      );
      if (typeof out?.generated_text !== 'string') throw new CallFailure('malformed', `${a.target} returned no text.`);
      return out.generated_text;
    });
}

/** POST {baseUrl}/completions, the OpenAI text-completion route local servers share. */
async function endpointCompletion(
  network: typeof fetch,
  baseUrl: string,
  key: string | undefined,
  model: string,
  request: TextCompletionRequest,
  stop: readonly string[],
  signal: AbortSignal,
  target: string,
): Promise<string> {
  const body = {
    model,
    prompt: request.prompt,
    ...(request.suffix !== undefined ? { suffix: request.suffix } : {}),
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    stop,
    stream: false,
  };
  const response = await network(`${withoutTrailingSlash(baseUrl)}/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  const ctx = { abort: { cancelled: false, timedOut: false, timeoutMs: 0 }, retryAfterHeader: response.headers.get('retry-after'), nowMs: Date.now(), secrets: [key], target };
  if (!response.ok) throw fromStatus(response.status, errorText(json) ?? `HTTP ${response.status}`, ctx, json);
  const choice = (json as { choices?: { text?: unknown }[] } | undefined)?.choices?.[0];
  if (typeof choice?.text !== 'string') throw new CallFailure('malformed', `${target} sent an answer that could not be read.`);
  return choice.text;
}

function errorText(json: unknown): string | undefined {
  const error = (json as { error?: unknown } | undefined)?.error;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}
