/**
 * Host end of the webview protocol: validates each incoming message, runs its handler with an
 * AbortSignal (so a `cancel` from the webview stops a "Try it" run), and posts exactly one reply per
 * request. Malformed messages are logged and answered with an error when they name a request we can
 * reply to; anything else is dropped. No `vscode` here: the provider passes `post`.
 */
import { redactSecrets } from '../core/trust/redact';
import type { HubFailure, HubFailureKind } from '../shared/hubTypes';
import {
  METHODS,
  parseWebviewMessage,
  type HostEvent,
  type HostMessage,
  type Method,
  type RequestOf,
  type ResultMap,
  type WebviewRequest,
} from '../shared/protocol';
import { HubError } from './hubErrors';
import { TryInputError } from './tryIt';

export interface HandlerContext {
  readonly signal: AbortSignal;
  /** Posts an unsolicited event (stream tokens) to the webview. */
  emit(event: HostEvent): void;
}

export type Handlers = { readonly [M in Method]: (request: RequestOf<M>, ctx: HandlerContext) => Promise<ResultMap[M]> };

/** Router failure kinds (src/core/routing/routingTypes FailureKind) as view states. */
const ROUTER_KINDS: Readonly<Record<string, HubFailureKind>> = {
  unauthorized: 'signed-out',
  forbidden: 'forbidden',
  'rate-limited': 'rate-limited',
  network: 'offline',
  timeout: 'timeout',
  cancelled: 'cancelled',
  gone: 'not-found',
};

/** Any thrown value as a user-safe HubFailure (HubError, the router's RoutingError/CallFailure, bugs). */
export function hubFailureOf(err: unknown): HubFailure {
  if (err instanceof HubError) return err.failure;
  if (err instanceof TryInputError) return { kind: 'error', message: err.message };
  const message = redactSecrets(err instanceof Error ? err.message : String(err)) || 'Unexpected error.';
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'cancelled', message: 'Cancelled.' };
  // RoutingError carries `failure: CallFailure`; a bare CallFailure has `kind` and `details` itself.
  const source = (err as { failure?: unknown }).failure ?? err;
  const kind = (source as { kind?: unknown }).kind;
  const retryAfterMs = (source as { details?: { retryAfterMs?: unknown } }).details?.retryAfterMs;
  if (typeof kind === 'string') {
    const mapped = ROUTER_KINDS[kind] ?? (kind === 'config' && /token|sign in/i.test(message) ? 'signed-out' : 'error');
    return typeof retryAfterMs === 'number' && mapped === 'rate-limited' ? { kind: mapped, message, retryAfterMs } : { kind: mapped, message };
  }
  return { kind: 'error', message };
}

export class HubDispatcher {
  private readonly running = new Map<number, AbortController>();
  private disposed = false;

  constructor(
    private readonly handlers: Handlers,
    private readonly post: (message: HostMessage) => void,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  async handle(raw: unknown): Promise<void> {
    let request: WebviewRequest;
    try {
      request = parseWebviewMessage(raw);
    } catch (err) {
      this.rejectMalformed(raw, err);
      return;
    }
    if (request.type === 'cancel') this.running.get(request.target)?.abort();
    const controller = new AbortController();
    this.running.set(request.seq, controller);
    const ctx: HandlerContext = { signal: controller.signal, emit: (event) => this.send(event) };
    try {
      const handler = this.handlers[request.type] as (r: WebviewRequest, c: HandlerContext) => Promise<ResultMap[Method]>;
      const result = await handler(request, ctx);
      if (controller.signal.aborted) throw new HubError({ kind: 'cancelled', message: 'Cancelled.' });
      this.send({ type: 'reply', seq: request.seq, method: request.type, ok: true, result } as HostMessage);
    } catch (err) {
      const error = controller.signal.aborted ? { kind: 'cancelled' as const, message: 'Cancelled.' } : hubFailureOf(err);
      if (error.kind === 'error') this.log(`hub view: ${request.type} failed: ${error.message}`);
      this.send({ type: 'reply', seq: request.seq, method: request.type, ok: false, error });
    } finally {
      this.running.delete(request.seq);
    }
  }

  /** Aborts every running request (the view was disposed). */
  dispose(): void {
    this.disposed = true;
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
  }

  private send(message: HostMessage): void {
    if (!this.disposed) this.post(message);
  }

  private rejectMalformed(raw: unknown, err: unknown): void {
    this.log(`hub view: rejected a malformed message: ${err instanceof Error ? err.message : String(err)}`);
    const o = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown; seq?: unknown }) : {};
    if (typeof o.seq === 'number' && Number.isInteger(o.seq) && o.seq > 0 && METHODS.includes(o.type as Method)) {
      this.send({ type: 'reply', seq: o.seq, method: o.type as Method, ok: false, error: { kind: 'error', message: 'Malformed request.' } });
    }
  }
}
