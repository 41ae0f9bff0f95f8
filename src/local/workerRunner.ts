/**
 * Runs local models on a worker thread (localWorker.ts, bundled as dist/localWorker.js), so inference never
 * blocks the extension host's event loop. The thread starts on the first run, runs one request at a time
 * (the others wait their turn) and holds one model; after `idleMs` without a run it is ended, which frees
 * the model and the WASM heap (a WebAssembly memory never shrinks). Cancelling the running request ends the
 * thread (ONNX Runtime has no way to stop a run midway) and rejects with an AbortError; the next run starts a
 * new thread. A thread that dies fails its request with a clear error and is replaced on the next run.
 */
import { isAbsolute, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  localAbortError,
  type LocalInferenceRequest,
  type LocalResultFor,
  type LocalRunner,
  type LocalResult,
} from '../core/local/localTypes';
import type { LocalJob, LocalJobReply, LocalWorkerData, LocalWorkerMessage } from './localProtocol';

export interface WorkerRunnerOptions {
  /** The worker bundle; default dist/localWorker.js next to this chunk. */
  readonly script?: string;
  /** Directory with ort-wasm-simd-threaded.{mjs,wasm}; default the script's directory. */
  readonly wasmDir?: string;
  /** End the thread (and free the model) after this long without a run; default 5 minutes. 0 = never. */
  readonly idleMs?: number;
  /** WASM threads for ONNX Runtime; default 1. */
  readonly numThreads?: number;
  /** Told when a run loaded its model (for the bench and the status line): the load took `ms`. */
  readonly onLoaded?: (request: LocalInferenceRequest, ms: number) => void;
  /** Console lines of transformers.js / ONNX Runtime on the thread (warnings); default: dropped. */
  readonly onLog?: (line: string) => void;
}

interface Queued {
  readonly request: LocalInferenceRequest;
  readonly signal?: AbortSignal;
  resolve(result: LocalResult): void;
  reject(err: Error): void;
  onAbort?: () => void;
}

export const DEFAULT_LOCAL_IDLE_MS = 5 * 60_000;

export class WorkerRunner implements LocalRunner {
  private worker: Worker | undefined;
  private running: (Queued & { readonly id: number }) | undefined;
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly script: string;
  private readonly wasmDir: string;
  private readonly idleMs: number;

  constructor(private readonly options: WorkerRunnerOptions = {}) {
    this.script = options.script ?? join(__dirname, 'localWorker.js');
    this.wasmDir = options.wasmDir ?? join(this.script, '..');
    this.idleMs = options.idleMs ?? DEFAULT_LOCAL_IDLE_MS;
  }

  /** Whether a thread (and so possibly a model) is in memory now. */
  get loaded(): boolean {
    return this.worker !== undefined;
  }

  run<R extends LocalInferenceRequest>(request: R, signal?: AbortSignal): Promise<LocalResultFor<R['task']>> {
    if (this.disposed) return Promise.reject(new Error('The local model runner was closed.'));
    if (signal?.aborted) return Promise.reject(localAbortError());
    if (!isAbsolute(request.modelDir)) {
      return Promise.reject(new Error(`A local model runs from a directory on this machine; "${request.modelDir}" is not an absolute path.`));
    }
    return new Promise<LocalResult>((resolve, reject) => {
      const entry: Queued = { request, signal, resolve, reject };
      if (signal) {
        entry.onAbort = () => this.abort(entry);
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      this.queue.push(entry);
      this.pump();
    }) as Promise<LocalResultFor<R['task']>>;
  }

  async unload(): Promise<void> {
    this.clearIdle();
    if (this.running) return; // the idle timer unloads once the queue is empty
    await this.stopWorker();
  }

  dispose(): void {
    this.disposed = true;
    this.clearIdle();
    const closed = new Error('The local model runner was closed.');
    if (this.running) this.settle(this.running, closed);
    this.running = undefined;
    for (const entry of this.queue.splice(0)) this.settle(entry, closed);
    void this.stopWorker();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    this.clearIdle();
    const entry = this.queue.shift() as Queued;
    const id = this.nextId++;
    this.running = { ...entry, id };
    const job: LocalJob = { id, request: entry.request };
    const worker = this.start();
    worker.ref(); // a run in progress keeps the process alive; an idle thread does not
    worker.postMessage(job);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const workerData: LocalWorkerData = { wasmDir: this.wasmDir, numThreads: this.options.numThreads ?? 1 };
    const worker = new Worker(this.script, { workerData });
    worker.on('message', (message: LocalWorkerMessage) => {
      if ('log' in message) this.options.onLog?.(message.log);
      else this.reply(message);
    });
    worker.on('error', (err) => this.crashed(worker, `the local model thread failed: ${err.message}`));
    worker.on('exit', (code) => this.crashed(worker, `the local model thread stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private reply(reply: LocalJobReply): void {
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    this.running = undefined;
    if (reply.ok) {
      if (reply.loadMs !== undefined) this.options.onLoaded?.(running.request, reply.loadMs);
      this.settle(running, undefined, reply.result);
    } else {
      this.settle(running, new Error(`The local model could not run (${running.request.modelDir}): ${reply.message}`));
      if (reply.loadFailed) void this.stopWorker();
    }
    this.next();
  }

  private crashed(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const running = this.running;
    this.running = undefined;
    if (running) this.settle(running, new Error(`The local model could not run: ${message}. Run it again to retry.`));
    this.next();
  }

  /** Cancels a waiting request at once; the running one by ending the thread. */
  private abort(entry: Queued): void {
    const waiting = this.queue.indexOf(entry);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      this.settle(entry, localAbortError());
      return;
    }
    if (this.running?.resolve !== entry.resolve) return;
    this.running = undefined;
    this.settle(entry, localAbortError());
    void this.stopWorker();
    this.next();
  }

  private next(): void {
    if (this.queue.length > 0) this.pump();
    else if (!this.running) this.armIdle();
  }

  private settle(entry: Queued, err: Error | undefined, result?: LocalResult): void {
    if (entry.onAbort) entry.signal?.removeEventListener('abort', entry.onAbort);
    if (err) entry.reject(err);
    else entry.resolve(result as LocalResult);
  }

  private armIdle(): void {
    this.clearIdle();
    this.worker?.unref();
    if (!this.worker || this.idleMs <= 0) return;
    this.idleTimer = setTimeout(() => void this.stopWorker(), this.idleMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
