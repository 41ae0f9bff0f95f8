// Injectable failures. A fault matches by listener, model and/or path prefix; the most recently added
// matching fault wins. `times` limits a fault to the next N matching requests, otherwise it stays until cleared.
import { delay, sendJson, writeReply, type ListenerName, type RouteContext } from './http';

interface FaultBase {
  /** Apply only to the next N matching requests (then the fault is removed). */
  times?: number;
}

export type Fault = FaultBase &
  (
    | { type: 'loading'; estimatedTime?: number }
    | { type: 'rate-limit'; retryAfterS?: number }
    | { type: 'status'; status: number; body?: unknown }
    | { type: 'slow'; delayMs: number }
    | { type: 'drop' }
    | { type: 'malformed' }
    | { type: 'wrong-shape' }
    | { type: 'cut-stream'; afterChunks: number }
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
 * Applies a fault. Returns true when the normal handler should still run (slow, cut-stream),
 * false when the fault produced the whole outcome.
 */
export async function applyFault(ctx: RouteContext, fault: Fault, models: string[]): Promise<boolean> {
  const subject = models[0] ?? ctx.path;
  switch (fault.type) {
    case 'loading':
      sendJson(ctx, 503, { error: `Model ${subject} is currently loading`, estimated_time: fault.estimatedTime ?? 20 });
      return false;
    case 'rate-limit': {
      const retry = fault.retryAfterS ?? 1;
      sendJson(
        ctx,
        429,
        { error: 'Rate limit reached. You reached the free usage limit (reset hourly). Please retry later.' },
        { 'Retry-After': String(retry) },
      );
      return false;
    }
    case 'status':
      sendStatusFault(ctx, fault.status, fault.body);
      return false;
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
      writeReply(ctx, 200, { 'Content-Type': 'application/json' }, '{"choices": [{"message": {"content": "unterminated');
      return false;
    case 'wrong-shape':
      sendWrongShape(ctx);
      return false;
    case 'cut-stream':
      ctx.cutAfterChunks = fault.afterChunks;
      return true;
  }
}

function sendStatusFault(ctx: RouteContext, status: number, body: unknown): void {
  if (body === undefined) {
    sendJson(ctx, status, { error: `Fake HF injected status ${status}` });
  } else if (typeof body === 'string') {
    writeReply(ctx, status, { 'Content-Type': 'text/plain; charset=utf-8' }, body);
  } else {
    sendJson(ctx, status, body);
  }
}

/** Valid JSON that fits no expected shape; streamed as one SSE event when the request asked for a stream. */
function sendWrongShape(ctx: RouteContext): void {
  const payload = { unexpected: 'shape', note: 'fake-hf wrong-shape fault' };
  if (isStreamRequest(ctx)) {
    const text = `data: ${JSON.stringify(payload)}\n\ndata: [DONE]\n\n`;
    writeReply(ctx, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }, text);
    return;
  }
  sendJson(ctx, 200, payload);
}
