/**
 * The routing core's own vocabulary: where a candidate is served, how a call fails, and the injectable
 * transport, clock and store. Plain TypeScript: nothing under src/core may import `vscode`.
 */
import type { AssembledToolCall } from '../conversation/toolCallAssembler';
import type { ApiKind, TaskRequest, TaskResult } from '../tasks/taskTypes';

/** Where a candidate is served. */
export type ProviderRef =
  /** Hugging Face Inference Providers. `provider` is 'auto', 'hf-inference' or a named provider. */
  | { readonly kind: 'hf'; readonly provider: string }
  /** A user-configured OpenAI-compatible endpoint (Ollama, TGI, vLLM, LM Studio, OpenAI). */
  | { readonly kind: 'openai-compatible'; readonly endpointId: string }
  /** A small ONNX model run on this machine (core/local): no token, no network once downloaded, no quota. */
  | { readonly kind: 'local' };

/** One model the router may try for a request, with the reason it is in the chain. */
export interface Candidate {
  readonly model: string;
  readonly provider: ProviderRef;
  readonly api: ApiKind;
  /** Human-readable reason this candidate is in the chain ("pinned by setting …", "opus-mt pair en→es", "last resort chat model"). */
  readonly why: string;
  /** Set when the chain lists the candidate only to say why it is not tried (a pin that cannot do this request). */
  readonly skip?: string;
}

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
    readonly details: {
      readonly status?: number;
      readonly retryAfterMs?: number;
      readonly estimatedTimeS?: number;
      /** What the client or the socket said (a parse error, UND_ERR_SOCKET): for the decision record and the log, never the message. */
      readonly technical?: string;
      /** The connection was never made (refused, no such host, no route): the host, not the model, is the problem. */
      readonly unreachable?: boolean;
      /** Nothing was sent (the token may not go to that host): like `unreachable`, it does not count against the quota. */
      readonly notSent?: boolean;
      /** Part of the answer was already shown (RunOptions.noRestart): no retry, no fallback. */
      readonly afterPartialAnswer?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'CallFailure';
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
  /** Receives the tool calls a chat model made (assembled from the stream), once, when its answer is complete. */
  readonly onToolCalls?: (calls: readonly AssembledToolCall[]) => void;
}

/** Calls one candidate once. Throws CallFailure (never anything else). Implemented by transport/hfTransport.ts. */
export interface Transport {
  call(candidate: Candidate, request: TaskRequest, options: CallOptions): Promise<TaskResult>;
}

/** Time source, injectable so backoff, limiter and quota are tested with a fake clock. */
export interface Clock {
  /** Wall-clock time (ms since the epoch): for calendar questions such as which month a request counts in. */
  now(): number;
  /**
   * Monotonic time in ms from an arbitrary origin: for measuring intervals (the rate limiter's window).
   * Unlike `now()` it never jumps when the user or NTP changes the system clock.
   */
  monotonicNow(): number;
  /** Resolves after `ms`; rejects with a `CallFailure('cancelled')` if `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Minimal persistent key-value store (globalState in the extension, a Map in tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Promise<void>;
}
