/**
 * How long to wait before retrying the same candidate, or whether to give up on it now.
 *
 * Backoff is exponential (2 s, 4 s, 8 s, capped at 10 s by default) with "equal jitter": the wait
 * for attempt n is uniformly drawn from [e/2, e] where e = min(maxMs, baseMs * 2^(n-1)). Half the
 * wait is fixed, so retries never come back almost immediately (full jitter could draw ~0 ms and
 * hammer a loading model), and the other half spreads concurrent clients apart. Bounds:
 * attempt 1 → [1 s, 2 s], 2 → [2 s, 4 s], 3 → [4 s, 8 s], 4+ → [5 s, 10 s].
 *
 * Server hints win when they ask for more: a 429's Retry-After (`details.retryAfterMs`) and a
 * 503's estimated_time (`details.estimatedTimeS`) are waited for at least, unless they exceed
 * `maxHonouredMs` (60 s): then waiting is worse than trying the next candidate, so the answer is
 * "fall back now".
 */
import { RETRY_KINDS, type CallFailure } from './routingTypes';

export interface BackoffPolicy {
  /** Wait before the first retry (before jitter). */
  readonly baseMs: number;
  /** Cap on the exponential part. */
  readonly maxMs: number;
  /** Longest server-requested wait we accept; longer requests mean "fall back now". */
  readonly maxHonouredMs: number;
}

const DEFAULT_BACKOFF_POLICY: BackoffPolicy = { baseMs: 2000, maxMs: 10000, maxHonouredMs: 60000 };

/** The answer to "the attempt failed: wait and retry this candidate, or move on?" */
export type RetryDelay =
  | { readonly fallBack: false; readonly waitMs: number; readonly reason: string }
  | { readonly fallBack: true; readonly reason: string };

/**
 * Plans the wait after `attempt` (1-based, the attempt that just failed) failed with `failure`.
 * Whether attempts remain (settings.maxAttempts) and whether the kind allows fallback at all
 * (FALLBACK_KINDS) are the caller's decisions; kinds outside RETRY_KINDS always answer `fallBack`.
 */
export function retryDelayMs(
  failure: CallFailure,
  attempt: number,
  random: () => number = Math.random,
  policy: Partial<BackoffPolicy> = {},
): RetryDelay {
  const p: BackoffPolicy = { ...DEFAULT_BACKOFF_POLICY, ...policy };
  if (!RETRY_KINDS.has(failure.kind)) {
    return { fallBack: true, reason: `${failure.kind} is not retried on the same model` };
  }
  const backoffMs = jitteredBackoffMs(attempt, random, p);
  const hint = serverHint(failure);
  if (!hint) return { fallBack: false, waitMs: backoffMs, reason: `backoff ${formatSeconds(backoffMs)}` };
  if (hint.ms > p.maxHonouredMs) {
    return {
      fallBack: true,
      reason: `${hint.label} ${formatSeconds(hint.ms)} is longer than ${formatSeconds(p.maxHonouredMs)}`,
    };
  }
  const waitMs = Math.max(hint.ms, backoffMs);
  return { fallBack: false, waitMs, reason: `${hint.label} ${formatSeconds(hint.ms)}` };
}

/** Exponential backoff with equal jitter, see the module comment. */
function jitteredBackoffMs(attempt: number, random: () => number, policy: BackoffPolicy): number {
  const n = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  // Math.min before the power would overflow for absurd attempt counts; 2^30 is already far past any cap.
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(exponential / 2 + (exponential / 2) * r);
}

function serverHint(failure: CallFailure): { ms: number; label: string } | undefined {
  const { retryAfterMs, estimatedTimeS } = failure.details;
  if (failure.kind === 'rate-limited' && isNonNegative(retryAfterMs)) {
    return { ms: retryAfterMs, label: 'Retry-After' };
  }
  if (failure.kind === 'loading' && isNonNegative(estimatedTimeS)) {
    return { ms: Math.ceil(estimatedTimeS * 1000), label: 'model loading, est.' };
  }
  return undefined;
}

function isNonNegative(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/**
 * Parses an HTTP Retry-After header (RFC 9110 §10.2.3): delta-seconds ("120") or an HTTP-date
 * ("Wed, 25 Nov 2026 12:01:00 GMT"). Returns milliseconds from `nowMs` (0 for a date in the
 * past), or undefined when the header is absent or unparseable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  // Integer per the RFC; decimals are accepted because some servers send them.
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (/^[+-]?\d/.test(value)) return undefined; // negative or junk numbers are not dates either
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
