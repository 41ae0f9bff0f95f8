/**
 * Shared types of the routing core. Plain TypeScript: nothing here (or anywhere under
 * src/core) may import `vscode`, so the whole core runs and is tested in plain node.
 */

import type { Decision } from './decision';

/** What the user asked for, independent of which model answers it. */
export type TaskKind =
  | 'generate-code'
  | 'translate'
  | 'summarize'
  | 'question-answering'
  | 'sentiment'
  | 'topic'
  | 'ner'
  | 'chat';

export const TASK_KINDS: readonly TaskKind[] = [
  'generate-code',
  'translate',
  'summarize',
  'question-answering',
  'sentiment',
  'topic',
  'ner',
  'chat',
];

/** The wire API a candidate is called through (one `@huggingface/inference` method each). */
export type ApiKind =
  | 'translation'
  | 'summarization'
  | 'question-answering'
  | 'text-classification'
  | 'zero-shot-classification'
  | 'token-classification'
  | 'text-generation'
  | 'chat';

/** Where a candidate is served. */
export type ProviderRef =
  /** Hugging Face Inference Providers. `provider` is 'auto', 'hf-inference' or a named provider. */
  | { readonly kind: 'hf'; readonly provider: string }
  /** A user-configured OpenAI-compatible endpoint (Ollama, TGI, vLLM, LM Studio, OpenAI). */
  | { readonly kind: 'openai-compatible'; readonly endpointId: string };

/** One model the router may try for a request, with the reason it is in the chain. */
export interface Candidate {
  readonly model: string;
  readonly provider: ProviderRef;
  readonly api: ApiKind;
  /** Human-readable reason this candidate is in the chain ("pinned by setting …", "opus-mt pair en→es", "last resort chat model"). */
  readonly why: string;
}

export type SummaryStyle = 'bullets' | 'paragraph';
export type SummaryLength = 'short' | 'medium' | 'long';

export type TaskRequest =
  | { readonly task: 'translate'; readonly text: string; readonly sourceLang: string; readonly targetLang: string }
  | { readonly task: 'summarize'; readonly text: string; readonly style: SummaryStyle; readonly length: SummaryLength }
  | { readonly task: 'question-answering'; readonly question: string; readonly context: string }
  | { readonly task: 'sentiment'; readonly text: string }
  | { readonly task: 'topic'; readonly text: string; readonly labels: readonly string[] }
  | { readonly task: 'ner'; readonly text: string }
  | {
      readonly task: 'generate-code';
      readonly instruction: string;
      /** VS Code language id of the target file, e.g. 'typescript'. */
      readonly languageId: string;
      /** Code around the cursor, for context (may be empty). */
      readonly context: string;
      readonly temperature?: number;
      readonly maxTokens?: number;
    }
  | { readonly task: 'chat'; readonly prompt: string; readonly temperature?: number; readonly maxTokens?: number };

export interface ScoredLabel {
  readonly label: string;
  readonly score: number;
}

export interface Entity {
  /** Entity group, e.g. PER, ORG, LOC, MISC. */
  readonly group: string;
  readonly word: string;
  readonly score: number;
  /** Character offsets into the request text. */
  readonly start: number;
  readonly end: number;
}

export type TaskResult =
  | { readonly task: 'translate'; readonly text: string }
  | { readonly task: 'summarize'; readonly text: string }
  | {
      readonly task: 'question-answering';
      readonly answer: string;
      readonly score: number;
      /** Offsets of the answer span in the context; -1 when the answer is generative (no span). */
      readonly start: number;
      readonly end: number;
      readonly generative: boolean;
    }
  | { readonly task: 'sentiment'; readonly labels: readonly ScoredLabel[] }
  | { readonly task: 'topic'; readonly labels: readonly ScoredLabel[] }
  | { readonly task: 'ner'; readonly entities: readonly Entity[] }
  | { readonly task: 'generate-code'; readonly text: string }
  | { readonly task: 'chat'; readonly text: string };

/** Why a call failed, normalised from HTTP statuses and client errors. */
export type FailureKind =
  | 'loading' // 503, model loading (may carry estimatedTimeS)
  | 'gone' // 404 / 410, or the provider does not serve this model for this task
  | 'rate-limited' // 429 (may carry retryAfterMs)
  | 'server' // other 5xx
  | 'timeout'
  | 'network' // connection refused / dropped / DNS
  | 'malformed' // body not JSON, wrong shape, stream cut mid-way
  | 'no-answer' // extractive QA found no span: try the next (generative) candidate
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'bad-request' // 400 / 422
  | 'cancelled'
  | 'quota-exceeded'
  | 'config'; // no token, unknown endpoint, etc.

/** Failures that move on to the next candidate (after retries where allowed). */
export const FALLBACK_KINDS: ReadonlySet<FailureKind> = new Set<FailureKind>([
  'loading',
  'gone',
  'rate-limited',
  'server',
  'timeout',
  'network',
  'malformed',
  'no-answer',
]);

/** Failures worth retrying on the same candidate (with backoff). `gone` and `malformed` move on at once. */
export const RETRY_KINDS: ReadonlySet<FailureKind> = new Set<FailureKind>([
  'loading',
  'rate-limited',
  'server',
  'timeout',
  'network',
]);

/** Error type every transport throws; `message` is safe to show (never contains the token). */
export class CallFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: { readonly status?: number; readonly retryAfterMs?: number; readonly estimatedTimeS?: number } = {},
  ) {
    super(message);
    this.name = 'CallFailure';
  }
}

/** The routed call failed; `message` is safe to show and `decision` says what was tried. */
export class RoutingError extends Error {
  constructor(
    readonly failure: CallFailure,
    readonly decision: Decision,
  ) {
    super(failure.message);
    this.name = 'RoutingError';
  }
}

/** Options for one call through the router or a transport. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Receives streamed text as it arrives (only for streaming-capable APIs). */
  readonly onToken?: (text: string) => void;
  /**
   * Called when a streamed attempt failed after some tokens were delivered and the router moves on
   * (retry or next candidate): the consumer must discard what it received so far.
   */
  readonly onRestart?: () => void;
}

/** Calls one candidate once. Throws CallFailure (never anything else). Implemented by src/core/transport/hfTransport.ts. */
export interface Transport {
  call(candidate: Candidate, request: TaskRequest, options: CallOptions): Promise<TaskResult>;
}

/** Time source, injectable so backoff, limiter and quota are tested with a fake clock. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with a `CallFailure('cancelled')` if `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Minimal persistent key-value store (globalState in the extension, a Map in tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Promise<void>;
}
