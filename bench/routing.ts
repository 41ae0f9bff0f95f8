/**
 * Routing overhead: the same translation requests through the routing core (Router.run with the model pinned:
 * chain building, limiter, quota, decision recording, a fresh client per attempt) and directly through one
 * InferenceClient, interleaved against the same fake server. Both send the identical request
 * (Helsinki-NLP/opus-mt-en-es on hf-inference, same rewriting fetch).
 *
 * The fake answers after a `slow` fault of SLOW_MS (default 20 ms) on the router listener: real inference
 * takes 50 ms to seconds, and a loopback answer in ~1 ms would turn the ratio into a micro-benchmark of the
 * JS around the call. 20 ms is below any real provider (a fast local server answers in about that), so the
 * ratio errs on the strict side; the table also prints the absolute time added per request, which does not
 * depend on this choice.
 */
import { VALID_TOKEN } from '../test/fake-hf/server';
import { benchSettings, makeRawClient, makeRouter } from './fakeEnv';
import { fmt, targetRow, infoRow } from './report';
import type { BenchContext, Section, SectionResult } from './section';
import { sideBySide } from './sideBySide';
import { round } from './stats';

export const ROUTING_RUNS = 200;
export const ROUTING_WARMUP = 20;
/** Server-side latency added to every inference and search request (see the file comment); BENCH_LATENCY_MS overrides. */
export const SLOW_MS = Number(process.env.BENCH_LATENCY_MS) > 0 ? Number(process.env.BENCH_LATENCY_MS) : 20;
const MODEL = 'Helsinki-NLP/opus-mt-en-es';

export const routingSection: Section = {
  name: 'routing',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    fake.reset();
    fake.setFault({ listener: 'router' }, { type: 'slow', delayMs: SLOW_MS });
    try {
      const settings = benchSettings(fake, { cacheTtlMs: 0, pinnedModels: { translate: MODEL } });
      const router = makeRouter(settings, VALID_TOKEN);
      const client = makeRawClient(settings, VALID_TOKEN);
      let i = 0;
      // Distinct texts: no layer may answer from a cache (the router's is off; this makes it visible in the fake's log).
      const text = (): string => `Routing benchmark sentence number ${i++}.`;
      const viaRouter = async (): Promise<void> => {
        const { result } = await router.run({ task: 'translate', text: text(), sourceLang: 'en', targetLang: 'es' });
        if (result.task !== 'translate') throw new Error('unexpected result');
      };
      const direct = async (): Promise<void> => {
        const out = await client.translation({ model: MODEL, provider: 'hf-inference', inputs: text() });
        if (typeof out.translation_text !== 'string') throw new Error('unexpected result');
      };
      ctx.log(`routing: ${ROUTING_WARMUP} warm-up + ${ROUTING_RUNS} interleaved requests per variant (server latency ${SLOW_MS} ms)`);
      const r = await sideBySide(viaRouter, direct, { runs: ROUTING_RUNS, warmup: ROUTING_WARMUP });
      const posts = fake.requests.filter((q) => q.listener === 'router' && q.method === 'POST').length;
      const expected = 2 * (ROUTING_RUNS + ROUTING_WARMUP);
      if (posts !== expected) throw new Error(`expected ${expected} inference requests at the fake, saw ${posts}`);
      return {
        rows: [
          targetRow(
            'routing',
            `Routing overhead: ${ROUTING_RUNS} requests, router vs InferenceClient (median ratio)`,
            r.ratioOfMedians,
            `${fmt.ratio(r.ratioOfMedians)} (${fmt.ms(r.a.median)} vs ${fmt.ms(r.b.median)})`,
            { op: '<=', value: 1.05, unit: '×' },
          ),
          infoRow(
            'routing',
            'Routing overhead: added time per request (median difference; p95 router vs direct)',
            `${fmt.ms(r.a.median - r.b.median)} (p95 ${fmt.ms(r.a.p95)} vs ${fmt.ms(r.b.p95)})`,
            round(r.a.median - r.b.median, 3),
          ),
        ],
        details: { model: MODEL, provider: 'hf-inference', serverLatencyMs: SLOW_MS, runs: ROUTING_RUNS, warmup: ROUTING_WARMUP, router: r.a, direct: r.b, ratioOfMedians: r.ratioOfMedians },
      };
    } finally {
      fake.reset();
    }
  },
};
