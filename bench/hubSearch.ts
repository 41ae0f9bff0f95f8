/**
 * Hub search: identical searches through the Hub browser's service (src/hub/hubService.ts: list sessions
 * reused within their TTL, pulls serialised so concurrent identical searches share one page) vs the same
 * @huggingface/hub listModels call made directly each time, against the same fake Hub with the same latency.
 * Counts the requests that actually reached the fake.
 */
import { listModels } from '@huggingface/hub';
import { performance } from 'node:perf_hooks';
import { toHubListParams } from '../src/hub/hubParams';
import { HubService } from '../src/hub/hubService';
import { EMPTY_MODEL_FILTERS, type HubQuery } from '../src/shared/hubTypes';
import { VALID_TOKEN, type FakeHf } from '../test/fake-hf/server';
import { fmt, infoRow, targetRow } from './report';
import { SLOW_MS } from './routing';
import type { BenchContext, Section, SectionResult } from './section';
import { sideBySide } from './sideBySide';
import { median } from './stats';
import { approving } from '../test/unit/support/tokenChecks';

export const REPEATED = 50;
export const CONCURRENT = 50;
const CONCURRENT_ROUNDS = 4;
const PAGE = 30;
const QUERY: HubQuery = { scope: 'everyone', tab: 'models', text: 'bert', sort: 'trending', filters: EMPTY_MODEL_FILTERS };

function listRequests(fake: FakeHf): number {
  return fake.requests.filter((r) => r.listener === 'hub' && r.path === '/api/models').length;
}

function makeService(fake: FakeHf): HubService {
  return new HubService({
    hubUrl: () => fake.hubUrl,
    datasetsServerUrl: () => fake.datasetsServerUrl,
    getToken: async () => VALID_TOKEN,
    checkTokenDestination: approving(fake.hubUrl, fake.datasetsServerUrl),
  });
}

/** What the service asks the hub client for, without the session: the same URL every time. */
async function directSearch(fake: FakeHf): Promise<number> {
  const params = toHubListParams(QUERY);
  if (params.kind !== 'model') throw new Error('bench query must be a model search');
  let n = 0;
  const models = listModels({ hubUrl: fake.hubUrl, accessToken: VALID_TOKEN, search: params.search, sort: params.sort, additionalFields: params.additionalFields });
  for await (const model of models) {
    if (model.id && ++n === PAGE) break;
  }
  return n;
}

/** Runs `fn` and returns how many list requests reached the fake meanwhile (callers run one variant at a time). */
async function counted(fake: FakeHf, fn: () => Promise<unknown>): Promise<{ requests: number; ms: number }> {
  const before = listRequests(fake);
  const started = performance.now();
  await fn();
  return { requests: listRequests(fake) - before, ms: performance.now() - started };
}

export const hubSearchSection: Section = {
  name: 'hub-search',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    fake.reset();
    fake.setFault({ listener: 'hub', pathPrefix: '/api/models' }, { type: 'slow', delayMs: SLOW_MS });
    try {
      ctx.log(`hub search: ${REPEATED} repeated and ${CONCURRENT_ROUNDS}×${CONCURRENT} concurrent identical searches per variant`);
      // Repeated: one service for the whole series (a user searching the same thing again), interleaved with direct calls.
      const service = makeService(fake);
      const requests = { service: 0, direct: 0 };
      const repeated = await sideBySide(
        async () => void (requests.service += (await counted(fake, () => service.list(QUERY, 0, PAGE))).requests),
        async () => void (requests.direct += (await counted(fake, () => directSearch(fake))).requests),
        { runs: REPEATED, warmup: 0 },
      );

      // Concurrent: a fresh service per round (cold), all searches started at once; the variants alternate first place.
      const bursts = { service: [] as { requests: number; ms: number }[], direct: [] as { requests: number; ms: number }[] };
      for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
        const viaService = (): Promise<{ requests: number; ms: number }> => {
          const fresh = makeService(fake);
          return counted(fake, () => Promise.all(Array.from({ length: CONCURRENT }, () => fresh.list(QUERY, 0, PAGE))));
        };
        const direct = (): Promise<{ requests: number; ms: number }> =>
          counted(fake, () => Promise.all(Array.from({ length: CONCURRENT }, () => directSearch(fake))));
        if (round % 2 === 0) {
          bursts.service.push(await viaService());
          bursts.direct.push(await direct());
        } else {
          bursts.direct.push(await direct());
          bursts.service.push(await viaService());
        }
      }
      const burstRequests = { service: Math.max(...bursts.service.map((b) => b.requests)), direct: Math.max(...bursts.direct.map((b) => b.requests)) };
      const burstMs = { service: median(bursts.service.map((b) => b.ms)), direct: median(bursts.direct.map((b) => b.ms)) };
      return {
        rows: [
          targetRow(
            'hub-search',
            `Hub search: ${REPEATED} repeated identical searches, requests sent (browser vs direct)`,
            requests.service,
            `${requests.service} vs ${requests.direct}`,
            { op: '<=', value: 1, unit: '' },
          ),
          infoRow('hub-search', 'Hub search: repeated, median time per search (browser vs direct)', `${fmt.ms(repeated.a.median)} vs ${fmt.ms(repeated.b.median)}`, repeated.a.median),
          targetRow(
            'hub-search',
            `Hub search: ${CONCURRENT} concurrent identical searches, requests sent (browser vs direct)`,
            burstRequests.service,
            `${burstRequests.service} vs ${burstRequests.direct}`,
            { op: '<=', value: 1, unit: '' },
          ),
          infoRow('hub-search', `Hub search: ${CONCURRENT} concurrent, time until all answered (browser vs direct)`, `${fmt.ms(burstMs.service)} vs ${fmt.ms(burstMs.direct)}`, burstMs.service),
        ],
        details: { query: QUERY, page: PAGE, serverLatencyMs: SLOW_MS, repeated: { service: repeated.a, direct: repeated.b, requests }, concurrent: { rounds: CONCURRENT_ROUNDS, size: CONCURRENT, bursts, burstMs } },
      };
    } finally {
      fake.reset();
    }
  },
};
