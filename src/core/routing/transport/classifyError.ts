import { CredentialNotSentError } from '../../trust/credentialHosts';
import { loadInferenceLibrary } from '../../../lazyChunks';
import { CallFailure, type FailureKind } from '../routingTypes';
import { parseRetryAfter } from '../backoff';
import { redactSecrets } from '../../trust/redact';

/** How the attempt ended from our side: the user's signal, our timeout, or neither. */
export interface AbortState {
  readonly cancelled: boolean;
  readonly timedOut: boolean;
  readonly timeoutMs: number;
}

export interface ErrorContext {
  readonly abort: AbortState;
  readonly retryAfterHeader?: string | null;
  readonly nowMs: number;
  readonly secrets: readonly (string | undefined)[];
  /** "Helsinki-NLP/opus-mt-en-es via hf-inference", for messages. */
  readonly target: string;
}

/** Turns anything the HF client (or fetch) throws into a CallFailure with a user-safe message. */
export function classifyError(err: unknown, ctx: ErrorContext): CallFailure {
  if (ctx.abort.cancelled) return new CallFailure('cancelled', 'Cancelled.');
  if (ctx.abort.timedOut) {
    return new CallFailure('timeout', `${ctx.target} did not answer within ${Math.round(ctx.abort.timeoutMs / 1000)} s.`);
  }
  if (err instanceof CallFailure) return err;
  // The token (or a key) was not sent where the request was addressed: the user's call to make, not a fallback.
  if (err instanceof CredentialNotSentError) return new CallFailure('config', err.message, { notSent: true });
  const {
    InferenceClientHubApiError,
    InferenceClientInputError,
    InferenceClientProviderApiError,
    InferenceClientProviderOutputError,
    InferenceClientRoutingError,
  } = loadInferenceLibrary();
  const safe = (text: string) => redactSecrets(text, ctx.secrets);
  if (err instanceof InferenceClientProviderApiError || err instanceof InferenceClientHubApiError) {
    const status = err.httpResponse.status;
    if (isUnreadableSuccess(status, err.httpResponse.body)) {
      return new CallFailure('malformed', `${ctx.target} sent an answer that could not be read.`, { status, technical: safe(err.message) });
    }
    const serverText = serverMessage(err.httpResponse.body) ?? err.message;
    return fromStatus(status, safe(serverText), ctx, err.httpResponse.body);
  }
  if (err instanceof InferenceClientInputError) {
    const text = safe(err.message);
    if (/not been able to find inference provider|No Inference Provider available|not supported for task/i.test(text)) {
      return new CallFailure('gone', `${ctx.target} is not served by Inference Providers for this task.`, { status: 404 });
    }
    return new CallFailure('bad-request', text);
  }
  if (err instanceof InferenceClientRoutingError) {
    return new CallFailure('config', `${safe(err.message)} Hugging Face tokens start with "hf_".`);
  }
  if (err instanceof InferenceClientProviderOutputError || err instanceof SyntaxError) {
    return new CallFailure('malformed', `${ctx.target} sent an answer that could not be read.`, { technical: safe(err.message) });
  }
  if (err instanceof TypeError && /Body is unusable|Body has already been read/i.test(err.message)) {
    return new CallFailure('malformed', `${ctx.target} sent an answer that could not be read.`, { technical: safe(err.message) });
  }
  if (isNetworkError(err)) {
    const reason = networkReason(err);
    return new CallFailure('network', `Could not reach ${ctx.target}.`, { technical: safe(reason), unreachable: CONNECT_FAILURES.test(reason) });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new CallFailure('server', `${ctx.target} failed unexpectedly.`, { technical: safe(message) });
}

/**
 * A 2xx the client still refused, with no body it kept: a streamed call answered with something other than
 * an event stream (a captive portal's or proxy's HTML page). The server did not fail, its answer cannot be
 * read: retrying the same model brings the same page back, the next candidate may fare better. (An error
 * event inside a stream is also a 2xx, but the client keeps that event as the body: it stays a server error.)
 */
function isUnreadableSuccess(status: number, body: unknown): boolean {
  return status >= 200 && status < 300 && (body === '' || body === undefined);
}

export function fromStatus(status: number, text: string, ctx: ErrorContext, body: unknown): CallFailure {
  const details = { status };
  const kind = statusKind(status, text);
  switch (kind) {
    case 'loading': {
      const estimatedTimeS = estimatedTime(body);
      const wait = estimatedTimeS !== undefined ? ` (estimated ${Math.round(estimatedTimeS)} s)` : '';
      return new CallFailure(kind, `${ctx.target} is loading${wait}.`, { ...details, estimatedTimeS });
    }
    case 'rate-limited': {
      const retryAfterMs = parseRetryAfter(ctx.retryAfterHeader ?? null, ctx.nowMs);
      return new CallFailure(kind, `${ctx.target} is rate-limited (429): ${text}`, { ...details, retryAfterMs });
    }
    case 'unauthorized':
      return new CallFailure(kind, `Hugging Face rejected the token (401): ${text}`, details);
    case 'forbidden':
      return new CallFailure(kind, `Hugging Face refused the request (${status}): ${text}`, details);
    case 'gone':
      return new CallFailure(kind, `${ctx.target} is not available (${status}): ${text}`, details);
    case 'bad-request':
      return new CallFailure(kind, `${ctx.target} rejected the request (${status}): ${text}`, details);
    default:
      return new CallFailure(kind, `${ctx.target} failed (${status}): ${text}`, details);
  }
}

function statusKind(status: number, text: string): FailureKind {
  if (status === 503) return 'loading';
  if (status === 429) return 'rate-limited';
  if (status === 401) return 'unauthorized';
  if (status === 402 || status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'gone';
  if (status === 400 || status === 422) {
    // The router answers 400 for a model no provider serves any more: that is the model's fault, not the user's.
    return /not supported by|not (?:been )?found|does not exist|no longer|not available/i.test(text) ? 'gone' : 'bad-request';
  }
  if (status === 408 || status === 504) return 'timeout';
  return 'server';
}

function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body || undefined;
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['error', 'detail', 'message']) {
      const value = record[key];
      if (typeof value === 'string') return value;
      if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).message === 'string') {
        return (value as Record<string, string>).message;
      }
    }
  }
  return undefined;
}

function estimatedTime(body: unknown): number | undefined {
  if (body && typeof body === 'object') {
    const value = (body as Record<string, unknown>).estimated_time;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

/** Errors of the connection phase: nothing reached a server, so neither a retry nor another model on that host can help. */
const CONNECT_FAILURES = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT/;

function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'AbortError') return true;
  return /fetch failed|terminated|socket|ECONN|EPIPE|ENOTFOUND|EAI_AGAIN|network/i.test(`${err.message} ${networkReason(err)}`);
}

function networkReason(err: unknown): string {
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: string }).code;
    return code ? `${code}` : cause.message;
  }
  return err instanceof Error ? err.message : String(err);
}
