// Shared request context and response helpers for every listener of the fake.
// Every reply goes through `writeReply` so faults (cut-stream) and the x-request-id header apply uniformly.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FAKE_ORG, FAKE_USER, OTHER_USER_TOKEN, type FakeState } from './state';

export type ListenerName = 'hub' | 'router' | 'datasetsServer' | 'openai';

export interface RecordedRequest {
  listener: ListenerName;
  method: string;
  /** Path without the query string, still percent-encoded as sent (e.g. `/api/models/org/name`). */
  path: string;
  /** Path plus raw query exactly as sent (keeps literal `expand[]`). */
  url: string;
  query: URLSearchParams;
  /** Header names lowercased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, the text otherwise, `undefined` when empty. */
  body: unknown;
  /** The client closed the connection before the answer was complete (an aborted fetch). */
  aborted?: boolean;
}

export interface RouteContext {
  listener: ListenerName;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  /** The request's bytes as sent (an LFS object upload is binary). */
  rawBody?: Buffer;
  /** `http://127.0.0.1:PORT` of the listener that received the request (for absolute Link headers). */
  baseUrl: string;
  state: FakeState;
  /** Aborted when the client goes away or the fake closes. */
  signal: AbortSignal;
  /** Set by a cut-stream fault: the socket is destroyed after this many SSE events (or half the body). */
  cutAfterChunks?: number;
  /** Set by an end-without-done fault: the reply ends cleanly after this many SSE events (or half the body). */
  endAfterChunks?: number;
  /** Set by a stall fault: after `afterChunks` SSE events nothing is sent for `delayMs`. */
  stall?: { afterChunks: number; delayMs: number };
}

export interface RouteMatch {
  handler: (ctx: RouteContext) => void | Promise<void>;
  /** Model/repo ids this request concerns, for fault matching. */
  models?: string[];
}

export type RouteTable = (ctx: RouteContext) => RouteMatch | undefined;

export type Headers = Record<string, string | number>;

/**
 * Writes a complete reply. A pending cut-stream fault sends half the body then destroys the socket; an
 * end-without-done fault sends half the body with a Content-Length that matches it (a clean, short reply).
 */
export function writeReply(ctx: RouteContext, status: number, headers: Headers, body: string | Buffer): void {
  const { res } = ctx;
  if (res.headersSent || res.destroyed) return;
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (ctx.endAfterChunks !== undefined) {
    const half = buf.subarray(0, Math.floor(buf.length / 2));
    res.writeHead(status, { ...headers, 'Content-Length': half.length });
    res.end(ctx.method === 'HEAD' ? undefined : half);
    return;
  }
  if (ctx.cutAfterChunks !== undefined) {
    res.writeHead(status, { ...headers, 'Content-Length': buf.length });
    res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': buf.length });
  res.end(ctx.method === 'HEAD' ? undefined : buf);
}

export function sendJson(ctx: RouteContext, status: number, body: unknown, headers: Headers = {}): void {
  writeReply(ctx, status, { 'Content-Type': 'application/json', ...headers }, JSON.stringify(body));
}

export function sendError(ctx: RouteContext, status: number, message: string, headers: Headers = {}): void {
  sendJson(ctx, status, { error: message }, headers);
}

/** The bearer token of the request, or undefined when there is no `Authorization: Bearer` header. */
export function bearerToken(ctx: RouteContext): string | undefined {
  const auth = ctx.headers['authorization'];
  if (!auth) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
  return m ? m[1].trim() : '';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Resolves after `ms`, or rejects early when `signal` aborts (client gone or fake closing). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** True when the request carries a bearer token the fake knows. */
export function hasValidToken(ctx: RouteContext): boolean {
  const token = bearerToken(ctx);
  return token !== undefined && ctx.state.tokens.has(token);
}

/**
 * True when the request may see a private repo of `owner`: like the Hub, only a token of the owner or of a member of
 * the owning organisation. The fake's tokens belong to fake-user (a member of fake-org), except OTHER_USER_TOKEN.
 */
export function canSeePrivate(ctx: RouteContext, owner: string): boolean {
  const o = owner.toLowerCase();
  return hasValidToken(ctx) && bearerToken(ctx) !== OTHER_USER_TOKEN && (o === FAKE_USER || o === FAKE_ORG);
}

export const INVALID_CREDENTIALS = 'Invalid credentials in Authorization header';

/** Path segments after the leading slash, each percent-decoded (an encoded `/` stays inside its segment). */
export function decodeSegments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
