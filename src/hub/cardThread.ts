/**
 * Renders model cards on a worker thread (cardWorker.ts), so the extension host's event loop never waits
 * for `marked` and the allow-list check. One thread, started on the first card, never keeping the process
 * alive (unref); a thread that dies is replaced on the next card, and its pending cards fail clearly.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardRenderOptions, RenderedCard } from './cardSanitizer';
import type { CardJob, CardJobResult } from './cardWorker';

interface Pending {
  resolve(card: RenderedCard): void;
  reject(err: Error): void;
}

export class CardThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `script`: the worker file (the bundle dist/cardWorker.js, or the transpiled module in tests). */
  constructor(private readonly script: string = join(__dirname, 'cardWorker.js')) {}

  render(markdown: string, options: CardRenderOptions): Promise<RenderedCard> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<RenderedCard>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // while a card is being rendered the thread must not be dropped
      const job: CardJob = { id, markdown, options };
      worker.postMessage(job);
    });
  }

  dispose(): void {
    this.fail(new Error('The card renderer was closed.'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (reply: CardJobResult) => this.settle(reply));
    worker.on('error', (err) => this.crashed(worker, err));
    worker.on('exit', (code) => this.crashed(worker, new Error(`the card renderer stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: CardJobResult): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) pending.resolve(reply.card);
    else pending.reject(new Error(`The model card could not be rendered: ${reply.message}`));
  }

  private crashed(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.fail(new Error(`The model card could not be rendered (${err.message}). Open it again to retry.`));
  }

  private fail(err: Error): void {
    for (const pending of this.pending.values()) pending.reject(err);
    this.pending.clear();
  }
}
