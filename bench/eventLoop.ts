/**
 * The extension host's event loop is shared by every extension: the longest block on it while this extension
 * works is what another extension (or the editor's own extension-side features) feels. Measured with
 * `perf_hooks.monitorEventLoopDelay` (1 ms resolution) on this process's main thread, the extension host's
 * stand-in, for:
 *   - rendering a ~2 MB model card (a big benchmark table): through the card thread (what the Hub view does)
 *     and, side by side, the same card rendered synchronously with renderCard (what it did before);
 *   - 1,000 routed requests (translations against the fake server, 20 at a time).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { VALID_TOKEN } from '../test/fake-hf/server';
import { renderCard } from '../src/hub/cardSanitizer';
import { CardThread } from '../src/hub/cardThread';
import { benchSettings, makeRouter } from './fakeEnv';
import { infoRow, targetRow } from './report';
import type { BenchContext, Section, SectionResult } from './section';
import { round } from './stats';

const TARGET_MS = 50;
const REQUESTS = 1000;
const CONCURRENCY = 20;

/** A model card of about `bytes` bytes: a benchmark table, the shape that blocked the host for seconds. */
export function bigCard(bytes: number): string {
  const lines = ['# Evaluation', '', '| model | dataset | metric | score | notes |', '|---|---|---|---|---|'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `| model-${i} | dataset-${i % 50} | accuracy | ${(i % 1000) / 1000} | run ${i}, see **details** and [the log](https://example.org/runs/${i}) |`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** The longest event-loop block (ms) while `work` runs. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // Let the monitor take its first sample before the work starts.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return histogram.max / 1e6;
}

export const eventLoopSection: Section = {
  name: 'event-loop',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const card = bigCard(2 * 1024 * 1024);
    const options = { baseUrl: 'http://127.0.0.1:1/org/model/blob/main/', maxChars: card.length + 1 };
    ctx.log(`event loop: rendering a ${(card.length / 1024 / 1024).toFixed(1)} MB card, then ${REQUESTS} routed requests`);
    const thread = new CardThread();
    let viaThread: number;
    let inline: number;
    try {
      await thread.render('# warm-up', options);
      viaThread = await longestBlock(() => thread.render(card, options));
      inline = await longestBlock(async () => renderCard(card, options));
    } finally {
      thread.dispose();
    }
    const { fake } = ctx;
    fake.reset();
    const router = makeRouter(benchSettings(fake, { cacheTtlMs: 0 }), VALID_TOKEN);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < REQUESTS) {
        const i = next++;
        await router.run({ task: 'translate', text: `Event loop benchmark sentence ${i}.`, sourceLang: 'en', targetLang: 'es' });
      }
    };
    const routed = await longestBlock(() => Promise.all(Array.from({ length: CONCURRENCY }, worker)));
    return {
      rows: [
        targetRow('event-loop', 'Event loop: longest block while a 2 MB model card renders (card thread)', round(viaThread, 1), `${viaThread.toFixed(1)} ms`, { op: '<', value: TARGET_MS, unit: 'ms' }),
        infoRow('event-loop', 'Event loop: the same card rendered on the host thread (before)', `${inline.toFixed(1)} ms (${(inline / Math.max(viaThread, 1)).toFixed(0)}× the card thread)`, round(inline, 1)),
        targetRow('event-loop', `Event loop: longest block during ${REQUESTS} routed requests (${CONCURRENCY} at a time)`, round(routed, 1), `${routed.toFixed(1)} ms`, { op: '<', value: TARGET_MS, unit: 'ms' }),
      ],
      details: { cardBytes: card.length, viaThreadMs: viaThread, inlineMs: inline, routedMs: routed, requests: REQUESTS, concurrency: CONCURRENCY },
    };
  },
};
