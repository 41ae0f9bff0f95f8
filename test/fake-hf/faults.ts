// Injectable failures. A fault matches by listener, model and/or path prefix; the most recently added
// matching fault wins. `times` limits a fault to the next N matching requests, otherwise it stays until cleared.
import { BAD_GATEWAY_HTML, PORTAL_HTML, statusErrorReply } from './faultBodies';
import { delay, sendJson, writeReply, type ListenerName, type RouteContext } from './http';

interface FaultBase {
  /** Apply only to the next N matching requests (then the fault is removed). */
  times?: number;
}

export type Fault = FaultBase &
  (
    /** 503 `{error, estimated_time}`: the model is being loaded. */
    | { type: 'loading'; estimatedTime?: number }
    /** 503 `{error}` without estimated_time: the provider is overloaded or down. */
    | { type: 'unavailable' }
    /** 429 with Retry-After as delay-seconds (default) or as an HTTP date that many seconds ahead. */
    | { type: 'rate-limit'; retryAfterS?: number; retryAfterFormat?: 'seconds' | 'http-date' }
    /** Any status; without `body`, the listener's real `{error}` wording for that status (faultBodies.ts; 402 is the router's credits-exceeded answer). */
    | { type: 'status'; status: number; body?: unknown }
    /** 502 with the HTML page of the edge proxy. */
    | { type: 'bad-gateway' }
    /** The answer starts after `delayMs` (no headers before). */
    | { type: 'slow'; delayMs: number }
    /** SSE only: `afterChunks` events arrive, then nothing for `delayMs`, then the rest of the stream. */
    | { type: 'stall'; afterChunks: number; delayMs: number }
    | { type: 'drop' }
    /** 200 with a JSON content type (or an SSE event) whose JSON does not parse. */
    | { type: 'malformed' }
    | { type: 'wrong-shape' }
    /** 200 text/html: a captive portal or proxy page instead of the API's answer. */
    | { type: 'html-body' }
    /** The socket is destroyed after N SSE events (or half a plain body). */
    | { type: 'cut-stream'; afterChunks: number }
    /** The stream ends cleanly after N SSE events: no `data: [DONE]`, no finish_reason (a plain body: its first half, with a matching length). */
    | { type: 'end-without-done'; afterChunks: number }
  );

export interface FaultMatch {
  listener?: ListenerName;
  /** Repo/model id (a `:suffix` on the request's model is ignored when comparing). */
  model?: string;
  pathPrefix?: string;
}

interface FaultEntry {
  match: FaultMatch;
  fault: Fault;
  remaining: number;
}

export interface FaultQuery {
  listener: ListenerName;
  path: string;
  models: string[];
}

export class FaultStore {
  private entries: FaultEntry[] = [];

  add(match: FaultMatch, fault: Fault): void {
    this.entries.push({ match, fault, remaining: fault.times ?? Infinity });
  }

  clear(): void {
    this.entries = [];
  }

  /** Finds the fault for a request and consumes one of its `times`. */
  take(q: FaultQuery): Fault | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (!matches(e.match, q)) continue;
      e.remaining -= 1;
      if (e.remaining <= 0) this.entries.splice(i, 1);
      return e.fault;
    }
    return undefined;
  }
}

function matches(m: FaultMatch, q: FaultQuery): boolean {
  if (m.listener !== undefined && m.listener !== q.listener) return false;
  if (m.pathPrefix !== undefined && !q.path.startsWith(m.pathPrefix)) return false;
  if (m.model !== undefined) {
    const wanted = stripSuffix(m.model);
    if (!q.models.some((id) => stripSuffix(id) === wanted)) return false;
  }
  return true;
}

/** `org/name:fastest` -> `org/name` (router policy or provider suffixes). */
export function stripSuffix(model: string): string {
  const i = model.indexOf(':');
  return i < 0 ? model : model.slice(0, i);
}

function isStreamRequest(ctx: RouteContext): boolean {
  const body = ctx.body;
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}

/**
 * Applies a fault. Returns true when the normal handler should still run (slow, stall, cut-stream,
 * end-without-done), false when the fault produced the whole outcome.
 */
export async function applyFault(ctx: RouteContext, fault: Fault, models: string[]): Promise<boolean> {
  const subject = models[0] ?? ctx.path;
  switch (fault.type) {
    case 'loading':
      sendJson(ctx, 503, { error: `Model ${subject} is currently loading`, estimated_time: fault.estimatedTime ?? 20 });
      return false;
    case 'unavailable':
      sendJson(ctx, 503, { error: `Model ${subject} is overloaded, please try again later.` });
      return false;
    case 'rate-limit':
      sendRateLimit(ctx, fault.retryAfterS ?? 1, fault.retryAfterFormat ?? 'seconds');
      return false;
    case 'status':
      sendStatusFault(ctx, fault.status, fault.body, subject);
      return false;
    case 'bad-gateway':
      writeReply(ctx, 502, { 'Content-Type': 'text/html' }, BAD_GATEWAY_HTML);
      return false;
    case 'html-body':
      writeReply(ctx, 200, { 'Content-Type': 'text/html; charset=utf-8' }, PORTAL_HTML);
      return false;
    case 'stall':
      ctx.stall = { afterChunks: fault.afterChunks, delayMs: fault.delayMs };
      return true;
    case 'end-without-done':
      ctx.endAfterChunks = fault.afterChunks;
      return true;
    case 'slow':
      try {
        await delay(fault.delayMs, ctx.signal);
      } catch {
        ctx.res.destroy();
        return false;
      }
      return true;
    case 'drop':
      ctx.req.socket.destroy();
      return false;
    case 'malformed':
      sendMalformed(ctx);
      return false;
    case 'wrong-shape':
      sendWrongShape(ctx);
      return false;
    case 'cut-stream':
      ctx.cutAfterChunks = fault.afterChunks;
      return true;
  }
}

/** The HTTP date `retryAfterS` seconds ahead, rounded up: the date format has whole seconds only. */
function retryAfterDate(retryAfterS: number, nowMs = Date.now()): string {
  return new Date(Math.ceil((nowMs + retryAfterS * 1000) / 1000) * 1000).toUTCString();
}

function sendRateLimit(ctx: RouteContext, retryAfterS: number, format: 'seconds' | 'http-date'): void {
  const header = format === 'http-date' ? retryAfterDate(retryAfterS) : String(retryAfterS);
  sendJson(ctx, 429, { error: 'Rate limit reached. You reached the free usage limit (reset hourly). Please retry later.' }, { 'Retry-After': header });
}

function sendStatusFault(ctx: RouteContext, status: number, body: unknown, subject: string): void {
  if (body === undefined) {
    const reply = statusErrorReply(ctx.listener, status, subject);
    sendJson(ctx, status, reply.body, reply.headers);
  } else if (typeof body === 'string') {
    writeReply(ctx, status, { 'Content-Type': 'text/plain; charset=utf-8' }, body);
  } else {
    sendJson(ctx, status, body);
  }
}

const SSE_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' };

/** JSON cut off inside a string: as the whole body, or as one SSE event when the request asked for a stream. */
function sendMalformed(ctx: RouteContext): void {
  const broken = '{"choices": [{"message": {"content": "unterminated';
  if (isStreamRequest(ctx)) writeReply(ctx, 200, SSE_HEADERS, `data: ${broken}\n\n`);
  else writeReply(ctx, 200, { 'Content-Type': 'application/json' }, broken);
}

/** Valid JSON that fits no expected shape; streamed as one SSE event when the request asked for a stream. */
function sendWrongShape(ctx: RouteContext): void {
  const payload = { unexpected: 'shape', note: 'fake-hf wrong-shape fault' };
  if (isStreamRequest(ctx)) {
    const text = `data: ${JSON.stringify(payload)}\n\ndata: [DONE]\n\n`;
    writeReply(ctx, 200, SSE_HEADERS, text);
    return;
  }
  sendJson(ctx, 200, payload);
}
