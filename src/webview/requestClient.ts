/**
 * Webview end of the protocol: sends typed requests with a fresh `seq`, keeps a pending map, resolves
 * each with its validated reply (or rejects with a RequestError carrying a HubFailure), times out
 * requests the host never answers, and routes "Try it" stream events to the request they belong to.
 * No DOM here, so it is unit-tested in node.
 */
import type { HubFailure } from '../shared/hubTypes';
import type { HostEvent, HostMessage, Method, ParamsOf, ResultOf, WebviewRequest } from '../shared/protocol';

export class RequestError extends Error {
  constructor(readonly failure: HubFailure) {
    super(failure.message);
    this.name = 'RequestError';
  }
}

export type RunEvent = Extract<HostEvent, { type: 'runToken' | 'runRestart' }>;

export interface RequestOptions {
  /** 0 = no timeout (a "Try it" run is bounded by the router's own timeouts and the Stop button). */
  readonly timeoutMs?: number;
  readonly onEvent?: (event: RunEvent) => void;
}

export interface Call<M extends Method> {
  readonly seq: number;
  readonly promise: Promise<ResultOf<M>>;
  /** Rejects the call locally at once and asks the host to stop it. */
  cancel(): void;
}

interface Pending {
  readonly method: Method;
  resolve(result: unknown): void;
  reject(error: RequestError): void;
  readonly onEvent?: (event: RunEvent) => void;
  readonly timer?: unknown;
}

export interface RequestClientOptions {
  readonly timeoutMs: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export class RequestClient {
  private nextSeq = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly post: (message: WebviewRequest) => void,
    private readonly options: RequestClientOptions,
  ) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  request<M extends Method>(method: M, params: ParamsOf<M>, options: RequestOptions = {}): Promise<ResultOf<M>> {
    return this.start(method, params, options).promise;
  }

  start<M extends Method>(method: M, params: ParamsOf<M>, options: RequestOptions = {}): Call<M> {
    const seq = this.nextSeq++;
    const promise = new Promise<ResultOf<M>>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
      const timer =
        timeoutMs > 0
          ? this.setTimer(() => this.settle(seq, { kind: 'timeout', message: 'The extension did not answer in time.' }), timeoutMs)
          : undefined;
      this.pending.set(seq, { method, resolve: resolve as (r: unknown) => void, reject, onEvent: options.onEvent, timer });
    });
    this.post({ ...params, type: method, seq } as WebviewRequest);
    return { seq, promise, cancel: () => this.cancel(seq) };
  }

  /** Handles a validated host message; false when it is not for a pending request (the app handles it). */
  handle(message: HostMessage): boolean {
    if (message.type === 'runToken' || message.type === 'runRestart') {
      const pending = this.pending.get(message.seq);
      pending?.onEvent?.(message);
      return pending !== undefined;
    }
    if (message.type !== 'reply') return false;
    const pending = this.pending.get(message.seq);
    if (!pending) return true; // a late reply to a cancelled or timed-out request
    if (message.method !== pending.method) {
      this.settle(message.seq, { kind: 'error', message: 'The extension answered a different request.' });
    } else if (message.ok) {
      this.finish(message.seq)?.resolve(message.result);
    } else {
      this.settle(message.seq, message.error);
    }
    return true;
  }

  cancel(seq: number): void {
    if (!this.pending.has(seq)) return;
    this.settle(seq, { kind: 'cancelled', message: 'Cancelled.' });
    this.post({ type: 'cancel', seq: this.nextSeq++, target: seq });
  }

  /** Rejects everything still pending (the page is going away). */
  dispose(): void {
    for (const seq of [...this.pending.keys()]) this.settle(seq, { kind: 'cancelled', message: 'Cancelled.' });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private finish(seq: number): Pending | undefined {
    const pending = this.pending.get(seq);
    if (!pending) return undefined;
    this.pending.delete(seq);
    if (pending.timer !== undefined) this.clearTimer(pending.timer);
    return pending;
  }

  private settle(seq: number, failure: HubFailure): void {
    this.finish(seq)?.reject(new RequestError(failure));
  }
}
