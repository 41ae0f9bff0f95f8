// The `/__fake/*` control API, served on every listener so another process (e2e tests in an extension
// host) can drive the fake: faults, reset, recorded requests, chat replies and tool calls. Never recorded, never faulted.
import type { Fault, FaultMatch } from './faults';
import { isRecord, sendError, sendJson, type ListenerName, type RecordedRequest, type RouteContext } from './http';
import type { FakeCommit, FakeToolCall } from './state';

export interface FakeUrls {
  hubUrl: string;
  routerUrl: string;
  datasetsServerUrl: string;
  openaiUrl: string;
}

/** What the control API needs from a running fake. */
export interface ControlTarget extends FakeUrls {
  requests: RecordedRequest[];
  /** Commits the fake accepted, in order (cleared by reset()). */
  commits: FakeCommit[];
  setFault(match: FaultMatch, fault: Fault): void;
  clearFaults(): void;
  reset(): void;
  setChatReply(model: string, text: string): void;
  setCompletionReply(model: string, text: string): void;
  setChatToolCall(model: string, call: FakeToolCall): void;
}

/** RecordedRequest as JSON: the query becomes its list of [key, value] pairs. */
export type SerializedRequest = Omit<RecordedRequest, 'query'> & { query: [string, string][] };

export function serializeRequest(r: RecordedRequest): SerializedRequest {
  return { ...r, query: [...r.query.entries()] };
}

export function deserializeRequest(r: SerializedRequest): RecordedRequest {
  return { ...r, listener: r.listener as ListenerName, query: new URLSearchParams(r.query) };
}

const FAULT_TYPES: readonly Fault['type'][] = [
  'loading',
  'unavailable',
  'rate-limit',
  'status',
  'bad-gateway',
  'slow',
  'stall',
  'drop',
  'malformed',
  'wrong-shape',
  'html-body',
  'cut-stream',
  'end-without-done',
];

function isFault(v: unknown): v is Fault {
  return isRecord(v) && typeof v.type === 'string' && (FAULT_TYPES as readonly string[]).includes(v.type);
}

export function handleControl(ctx: RouteContext, fake: ControlTarget): void {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const op = `${ctx.method} ${ctx.path}`;
  switch (op) {
    case 'GET /__fake/urls':
      return sendJson(ctx, 200, { hubUrl: fake.hubUrl, routerUrl: fake.routerUrl, datasetsServerUrl: fake.datasetsServerUrl, openaiUrl: fake.openaiUrl });
    case 'GET /__fake/commits':
      return sendJson(ctx, 200, fake.commits);
    case 'GET /__fake/requests':
      return sendJson(ctx, 200, fake.requests.map(serializeRequest));
    case 'POST /__fake/faults': {
      if (!isFault(body.fault)) return sendError(ctx, 400, `fault.type must be one of ${FAULT_TYPES.join(', ')}`);
      fake.setFault(isRecord(body.match) ? (body.match as FaultMatch) : {}, body.fault);
      return sendJson(ctx, 200, { ok: true });
    }
    case 'DELETE /__fake/faults':
    case 'POST /__fake/clear-faults':
      fake.clearFaults();
      return sendJson(ctx, 200, { ok: true });
    case 'POST /__fake/reset':
      fake.reset();
      return sendJson(ctx, 200, { ok: true });
    case 'POST /__fake/chat-reply':
      if (typeof body.model !== 'string' || typeof body.text !== 'string') return sendError(ctx, 400, 'body must be {model: string, text: string}');
      fake.setChatReply(body.model, body.text);
      return sendJson(ctx, 200, { ok: true });
    case 'POST /__fake/completion-reply':
      if (typeof body.model !== 'string' || typeof body.text !== 'string') return sendError(ctx, 400, 'body must be {model: string, text: string}');
      fake.setCompletionReply(body.model, body.text);
      return sendJson(ctx, 200, { ok: true });
    case 'POST /__fake/chat-tool-call': {
      const args = body.arguments;
      if (typeof body.model !== 'string' || typeof body.name !== 'string' || !(typeof args === 'string' || isRecord(args))) {
        return sendError(ctx, 400, 'body must be {model: string, name: string, arguments: object | string}');
      }
      fake.setChatToolCall(body.model, { name: body.name, arguments: args });
      return sendJson(ctx, 200, { ok: true });
    }
    default:
      return sendError(ctx, 404, `Unknown control operation ${op}`);
  }
}
