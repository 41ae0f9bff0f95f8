/**
 * The card renderer's thread: markdown to sanitised HTML (cardSanitizer.ts) off the extension host's event
 * loop, where a 2 MB model card would otherwise block every extension for seconds. Built as its own bundle
 * (dist/cardWorker.js, WORKER_BUNDLES in scripts/esbuild-plugins.cjs): it shares nothing with the host.
 */
import { parentPort } from 'node:worker_threads';
import { renderCard, type CardRenderOptions, type RenderedCard } from './cardSanitizer';

export interface CardJob {
  readonly id: number;
  readonly markdown: string;
  readonly options: CardRenderOptions;
}

export type CardJobResult = { readonly id: number; readonly ok: true; readonly card: RenderedCard } | { readonly id: number; readonly ok: false; readonly message: string };

parentPort?.on('message', (job: CardJob) => {
  let reply: CardJobResult;
  try {
    reply = { id: job.id, ok: true, card: renderCard(job.markdown, job.options) };
  } catch (err) {
    reply = { id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
