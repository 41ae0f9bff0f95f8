// The fault rows of the matrix ("Every action × every fault"): how each fault is armed on the fake, and
// what the router and the Hub service must do about it. One table, so a row reads as a specification.
import type { Fault } from '../../fake-hf/faults';
import type { FailureKind } from '../../../src/core/routing/routingTypes';
import type { HubFailureKind } from '../../../src/shared/hubTypes';

export type FaultId =
  | '503-est'
  | '503'
  | '429-s'
  | '429-date'
  | '500'
  | '502'
  | '404'
  | '410'
  | 'timeout'
  | 'stall'
  | 'drop'
  | 'refused'
  | 'malformed'
  | 'wrong-shape'
  | 'html'
  | 'cut'
  | 'no-done'
  | '401'
  | '403';

/**
 * What the router does with a failing candidate:
 * - retry: waits (`waitMs`) and tries the same model again, then falls back once attempts run out;
 * - fallback: moves to the next candidate at once (retrying cannot help);
 * - stop: ends the run, the user must act (sign in, get access).
 */
export type Verdict = 'retry' | 'fallback' | 'stop';

export interface RouterExpectation {
  readonly kind: FailureKind;
  readonly verdict: Verdict;
  /** The wait before the retry, checked against the one the router asked its clock for. */
  readonly waitMs?: (ms: number) => boolean;
}

export interface HubExpectation {
  readonly kind: HubFailureKind;
  readonly message?: RegExp;
  readonly retryAfterMs?: (ms: number) => boolean;
}

export interface FaultRow {
  readonly id: FaultId;
  readonly label: string;
  /** undefined: the fault is not a response from the fake (connection refused: a closed port instead). */
  readonly fault?: Fault;
  /** Only streamed calls can see it (n/a for actions that read one JSON answer). */
  readonly streamOnly?: boolean;
  /** The faulted attempts run with a short per-attempt timeout, so the cell takes milliseconds. */
  readonly shortTimeout?: boolean;
  readonly router: RouterExpectation;
  readonly hub?: HubExpectation;
}

/** With `random: () => 0.5`, the first backoff is the middle of [1 s, 2 s] (see src/core/routing/backoff.ts). */
export const FIRST_BACKOFF_MS = 1500;
const backoff = (ms: number): boolean => ms === FIRST_BACKOFF_MS;
/** Retry-After as an HTTP date 30 s ahead: whole seconds, so a little under 30 s is left when it is read. */
const RETRY_AFTER_DATE_S = 30;
const aboutRetryAfterDate = (ms: number): boolean => ms > (RETRY_AFTER_DATE_S - 5) * 1000 && ms <= (RETRY_AFTER_DATE_S + 1) * 1000;

export const FAULT_ROWS: readonly FaultRow[] = [
  {
    id: '503-est',
    label: '503 + estimated_time',
    fault: { type: 'loading', estimatedTime: 2 },
    router: { kind: 'loading', verdict: 'retry', waitMs: (ms) => ms === 2000 },
    hub: { kind: 'error', message: /503/ },
  },
  {
    id: '503',
    label: '503, no estimated_time',
    fault: { type: 'unavailable' },
    router: { kind: 'loading', verdict: 'retry', waitMs: backoff },
    hub: { kind: 'error', message: /503/ },
  },
  {
    id: '429-s',
    label: '429 Retry-After: seconds',
    fault: { type: 'rate-limit', retryAfterS: 5 },
    router: { kind: 'rate-limited', verdict: 'retry', waitMs: (ms) => ms === 5000 },
    hub: { kind: 'rate-limited', retryAfterMs: (ms) => ms === 5000 },
  },
  {
    id: '429-date',
    label: '429 Retry-After: HTTP date',
    fault: { type: 'rate-limit', retryAfterS: RETRY_AFTER_DATE_S, retryAfterFormat: 'http-date' },
    router: { kind: 'rate-limited', verdict: 'retry', waitMs: aboutRetryAfterDate },
    hub: { kind: 'rate-limited', retryAfterMs: aboutRetryAfterDate },
  },
  { id: '500', label: '500', fault: { type: 'status', status: 500 }, router: { kind: 'server', verdict: 'retry', waitMs: backoff }, hub: { kind: 'error', message: /500/ } },
  { id: '502', label: '502 (proxy HTML page)', fault: { type: 'bad-gateway' }, router: { kind: 'server', verdict: 'retry', waitMs: backoff }, hub: { kind: 'error', message: /502/ } },
  { id: '404', label: '404', fault: { type: 'status', status: 404 }, router: { kind: 'gone', verdict: 'fallback' }, hub: { kind: 'not-found' } },
  { id: '410', label: '410', fault: { type: 'status', status: 410 }, router: { kind: 'gone', verdict: 'fallback' }, hub: { kind: 'not-found' } },
  {
    id: 'timeout',
    label: 'timeout (no answer)',
    fault: { type: 'slow', delayMs: 60_000 },
    shortTimeout: true,
    router: { kind: 'timeout', verdict: 'retry', waitMs: backoff },
    hub: { kind: 'timeout' },
  },
  {
    id: 'stall',
    label: 'stall between chunks',
    fault: { type: 'stall', afterChunks: 2, delayMs: 60_000 },
    streamOnly: true,
    shortTimeout: true,
    router: { kind: 'timeout', verdict: 'retry', waitMs: backoff },
  },
  { id: 'drop', label: 'dropped connection', fault: { type: 'drop' }, router: { kind: 'network', verdict: 'retry', waitMs: backoff }, hub: { kind: 'offline' } },
  // Refused (or no such host): the host is down, not the model. No retry, and no other model on that host.
  { id: 'refused', label: 'connection refused', router: { kind: 'network', verdict: 'fallback' }, hub: { kind: 'offline' } },
  { id: 'malformed', label: 'malformed JSON', fault: { type: 'malformed' }, router: { kind: 'malformed', verdict: 'fallback' }, hub: { kind: 'error' } },
  { id: 'wrong-shape', label: 'wrong shape', fault: { type: 'wrong-shape' }, router: { kind: 'malformed', verdict: 'fallback' }, hub: { kind: 'error' } },
  { id: 'html', label: '200 text/html body', fault: { type: 'html-body' }, router: { kind: 'malformed', verdict: 'fallback' }, hub: { kind: 'error' } },
  {
    id: 'cut',
    label: 'stream cut mid-way',
    fault: { type: 'cut-stream', afterChunks: 2 },
    streamOnly: true,
    router: { kind: 'network', verdict: 'retry', waitMs: backoff },
  },
  {
    id: 'no-done',
    label: 'clean end, no [DONE]/finish',
    fault: { type: 'end-without-done', afterChunks: 2 },
    streamOnly: true,
    router: { kind: 'malformed', verdict: 'fallback' },
  },
  { id: '401', label: '401', fault: { type: 'status', status: 401 }, router: { kind: 'unauthorized', verdict: 'stop' }, hub: { kind: 'signed-out' } },
  { id: '403', label: '403', fault: { type: 'status', status: 403 }, router: { kind: 'forbidden', verdict: 'stop' }, hub: { kind: 'forbidden' } },
];
