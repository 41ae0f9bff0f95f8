/**
 * Child process of the memory section (run with `node --expose-gc`): heap before and after 1,000 routed
 * requests and 200 Hub searches, each measured after full garbage collections, against the parent's fake
 * server (its URLs arrive in BENCH_FAKE_URLS). Prints one JSON line to stdout.
 */
import { HubService } from '../src/hub/hubService';
import { EMPTY_MODEL_FILTERS, type HubQuery } from '../src/shared/hubTypes';
import type { TaskRequest } from '../src/core/tasks/taskTypes';
import { VALID_TOKEN } from '../test/fake-hf/server';
import { benchSettings, makeRouter, type FakeUrls } from './fakeEnv';
import { approving } from '../test/unit/support/tokenChecks';

export const REQUESTS = 1000;
export const SEARCHES = 200;
const CONCURRENCY = 10;
const SEARCH_WORDS = ['bert', 'llama', 'qwen', 'opus', 'mistral', 'gpt', 'roberta', 'bart', 't5', 'whisper', 'sentiment', 'ner', 'code', 'chat', 'base', 'large', 'small', 'instruct', 'en', 'de'];

interface GcGlobal {
  gc?: () => void;
}

async function settledHeap(): Promise<number> {
  const gc = (globalThis as GcGlobal).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  // Several rounds with turns of the event loop between: finalizers and closed sockets release more on the next pass.
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

async function inBatches(count: number, batch: number, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, count - start) }, (_, k) => run(start + k)));
  }
}

async function main(): Promise<void> {
  const urls = JSON.parse(process.env.BENCH_FAKE_URLS ?? '') as FakeUrls;
  // Default cache (5 minutes, 200 entries) as a user has it: what it holds is part of the steady-state heap.
  const settings = benchSettings(urls);
  const router = makeRouter(settings, VALID_TOKEN);
  const hub = new HubService({
    hubUrl: () => urls.hubUrl,
    datasetsServerUrl: () => urls.datasetsServerUrl,
    getToken: async () => VALID_TOKEN,
    checkTokenDestination: approving(urls.hubUrl, urls.datasetsServerUrl),
  });
  const request = (i: number): TaskRequest => ({ task: 'translate', text: `Memory benchmark sentence ${i}.`, sourceLang: 'en', targetLang: 'es' });
  const query = (i: number): HubQuery => ({ scope: 'everyone', tab: 'models', text: SEARCH_WORDS[i % SEARCH_WORDS.length], sort: i % 2 ? 'downloads' : 'trending', filters: EMPTY_MODEL_FILTERS });

  // Warm-up: JIT done, connections pooled, the router's cache and the Hub sessions at their steady size (both are
  // bounded); then the baseline. `cold` (before any request) is reported too, for the one-off cost.
  const cold = await settledHeap();
  await inBatches(250, CONCURRENCY, (i) => router.run(request(-1 - i)));
  await inBatches(SEARCH_WORDS.length * 2, 5, (i) => hub.list(query(i), 0, 30, true));
  const before = await settledHeap();
  await inBatches(REQUESTS, CONCURRENCY, (i) => router.run(request(i)));
  await inBatches(SEARCHES, 5, (i) => hub.list(query(i), 0, 30, true));
  const after = await settledHeap();
  process.stdout.write(`${JSON.stringify({ cold, before, after, requests: REQUESTS, searches: SEARCHES, cacheEntries: router.health().cacheEntries })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
