/**
 * Turns whatever the hub client, the dataset viewer client or fetch threw into a HubFailure the view
 * shows as a state: offline, rate-limited (with the wait), signed-out, forbidden, not found, timeout.
 * Messages are user-safe: URLs and request ids are cut, and anything token-shaped is redacted.
 */
import { HUB_URL_SETTING_ID } from '../core/routing/settings';
import { CredentialNotSentError, urlOf } from '../core/trust/credentialHosts';
import { redactSecrets } from '../core/trust/redact';
import type { HubFailure } from '../shared/hubTypes';

/** The error every HubService method rejects with. */
export class HubError extends Error {
  constructor(readonly failure: HubFailure) {
    super(failure.message);
    this.name = 'HubError';
  }
}

/**
 * The Hub (or the server in its place) answered, but not in the Hub's format: JSON that does not parse,
 * an HTML page, a list that is not a list, a repo without an id. Thrown by the mapping; also what the hub
 * client's own parse errors (SyntaxError, "x is not iterable") are taken to mean.
 */
export class UnreadableAnswerError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'UnreadableAnswerError';
  }
}

/** What a wrapped fetch saw, for headers the hub client does not surface (Retry-After). */
export interface ResponseProbe {
  retryAfterMs?: number;
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A fetch for one Hub origin: the hub client follows the `Link: rel="next"` URL the server sends, and a
 * mirror or a tampered answer could point it (with the token) at another host. Such a request is not sent.
 */
export function sameOriginFetch(base: typeof fetch, origin: string): typeof fetch {
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    if (url.origin !== origin) {
      throw new HubError({ kind: 'error', message: `The Hub's answer pointed to another host (${url.host}); the listing stops here.` });
    }
    return base(input, init);
  };
  return guarded as typeof fetch;
}

/** Wraps fetch so a 429's Retry-After lands in `probe`, and every request gets a timeout. */
export function probingFetch(base: typeof fetch, probe: ResponseProbe, timeoutMs: number, now: () => number): typeof fetch {
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? (timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined);
    const response = await base(input, signal ? { ...init, signal } : init);
    if (response.status === 429) probe.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
    return response;
  };
  return wrapped as typeof fetch;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return errorCode((err as { cause?: unknown }).cause);
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as { statusCode?: unknown; status?: unknown }).statusCode ?? (err as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** The hub client appends ". URL: … . Request ID: …" to its messages; the user needs neither. */
function cleanMessage(message: string): string {
  return redactSecrets(message.split(/\.? URL: /)[0].trim());
}

export interface FailureContext {
  /** A token was sent with the request (401/403 then mean "not allowed" rather than "sign in"). */
  readonly authed: boolean;
  /** Host name for the offline message, e.g. "huggingface.co". */
  readonly host: string;
  readonly probe?: ResponseProbe;
}

export function statusFailure(status: number, _serverMessage: string, ctx: FailureContext): HubFailure {
  if (status === 429) {
    const wait = ctx.probe?.retryAfterMs;
    const text = `The Hub is rate-limiting requests${wait !== undefined ? `; retry in ${Math.ceil(wait / 1000)} s` : ''}.`;
    return wait !== undefined ? { kind: 'rate-limited', message: text, retryAfterMs: wait } : { kind: 'rate-limited', message: text };
  }
  if (status === 401) {
    return ctx.authed
      ? { kind: 'signed-out', message: 'The Hub rejected your token. Sign in again.' }
      : { kind: 'signed-out', message: 'Sign in to Hugging Face to see this.' };
  }
  if (status === 403) {
    return ctx.authed
      ? { kind: 'forbidden', message: 'Your account has no access to this repo (it may be gated: request access on the Hub).' }
      : { kind: 'signed-out', message: 'This repo is gated. Sign in to Hugging Face to see it.' };
  }
  if (status === 404 || status === 410) return { kind: 'not-found', message: 'Not found on the Hub.' };
  // The server's own words go to the log (HubService.failure); the user gets plain words and the number.
  if (status >= 500) return { kind: 'error', message: `The Hub could not answer just now (error ${status}). Try again in a moment.` };
  return { kind: 'error', message: `The Hub refused the request (error ${status}).` };
}

export function toHubFailure(err: unknown, ctx: FailureContext): HubFailure {
  if (err instanceof HubError) return err.failure;
  if (err instanceof CredentialNotSentError) return { kind: 'error', message: err.message };
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError') return { kind: 'timeout', message: `${ctx.host} did not answer in time.` };
  if (name === 'AbortError') return { kind: 'cancelled', message: 'Cancelled.' };
  const status = statusOf(err);
  if (status !== undefined) return statusFailure(status, err instanceof Error ? err.message : '', ctx);
  const code = errorCode(err);
  const fetchFailed = err instanceof TypeError && /fetch failed|network/i.test(err.message);
  if (fetchFailed || (code !== undefined && OFFLINE_CODES.has(code))) {
    return { kind: 'offline', message: `Can't reach ${ctx.host}. Check your connection or the ${HUB_URL_SETTING_ID} setting.` };
  }
  if (err instanceof UnreadableAnswerError || err instanceof SyntaxError || err instanceof TypeError) {
    return { kind: 'error', message: `${ctx.host} sent an answer that is not in the Hub's format, so it cannot be shown. Try again; if it keeps happening, check the ${HUB_URL_SETTING_ID} setting.` };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'error', message: cleanMessage(message) || 'Unexpected error.' };
}
