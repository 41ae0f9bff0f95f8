/**
 * Ghost-text completion (src/core/completion/): what the service adds over the raw text-completion request (both
 * against the same slow fake, interleaved), the requests a 20-keystroke burst sends, the type-through cache's hit
 * rate when the user types what the suggestion shows, and building the prompt for a 5,000-line file.
 */
import { performance } from 'node:perf_hooks';
import { VALID_TOKEN } from '../test/fake-hf/server';
import { CompletionService, type CompletionSource } from '../src/core/completion/completionService';
import { estimateTokens, fitContext } from '../src/core/completion/contextBudget';
import { fimPrompt, templateForModel } from '../src/core/completion/fimTemplates';
import { systemClock } from '../src/core/routing/clock';
import { createTextCompletion } from '../src/core/routing/transport/textCompletion';
import { benchSettings } from './fakeEnv';
import { syntheticSource } from './hover';
import { fmt, targetRow } from './report';
import { SLOW_MS } from './routing';
import type { BenchContext, Section, SectionResult } from './section';
import { sideBySide } from './sideBySide';
import { median } from './stats';

const MODEL = 'bigcode/starcoder2-15b';
const RUNS = 100;
const WARMUP = 10;
const COMPLETION = 'values.reduce((sum, v) => sum + v, 0) / values.length;';

export const completionSection: Section = {
  name: 'completion',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    // Prompt building: fit the context of a 5,000-line file around its middle and apply the template.
    const source = syntheticSource(5000);
    const middle = Math.floor(source.length / 2);
    const template = templateForModel(MODEL);
    if (!template) throw new Error('no template');
    const build = (): string => {
      const fitted = fitContext({ prefix: source.slice(0, middle), suffix: source.slice(middle), maxTokens: 2048, countTokens: estimateTokens });
      return fimPrompt(template, fitted);
    };
    for (let i = 0; i < 5; i++) build();
    const buildTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      build();
      buildTimes.push(performance.now() - t0);
    }
    const buildMs = median(buildTimes);

    fake.reset();
    fake.setFault({ listener: 'router' }, { type: 'slow', delayMs: SLOW_MS });
    fake.setCompletionReply(MODEL, COMPLETION);
    try {
      const settings = benchSettings(fake, {});
      const call = createTextCompletion({ settings: () => settings, getToken: async () => VALID_TOKEN, getEndpointKey: async () => undefined, checkTokenDestination: async () => undefined });
      const sourceOf: CompletionSource = { candidate: { model: MODEL, provider: { kind: 'hf', provider: 'hf-inference' }, api: 'text-generation', why: 'bench' }, template, countsQuota: false, why: 'bench' };
      const service = (debounceMs: number) =>
        new CompletionService(
          { call, clock: systemClock, reserveQuota: async () => 'bench', refundQuota: async () => undefined },
          { debounceMs, maxLines: 8, maxTokens: 64, contextTokens: 2048, temperature: 0.1, requestsPerMinute: 100_000 },
        );
      const viaService = service(0);
      let i = 0;
      // A new prefix each time: no cache may answer.
      const a = async (): Promise<void> => {
        const prefix = `function f${i++}(values: number[]) {\n  return `;
        const out = await viaService.complete(sourceOf, { docKey: 'bench', prefix, suffix: '\n}\n', explicit: true });
        if (out.kind !== 'text') throw new Error(`unexpected ${out.kind}`);
      };
      const b = async (): Promise<void> => {
        const prefix = `function f${i++}(values: number[]) {\n  return `;
        await call(sourceOf.candidate, { prompt: fimPrompt(template, { prefix, suffix: '\n}\n' }), stop: template.stop, maxTokens: 64, temperature: 0.1 }, new AbortController().signal);
      };
      ctx.log(`completion: ${WARMUP} warm-up + ${RUNS} interleaved completions vs raw requests (server latency ${SLOW_MS} ms)`);
      const r = await sideBySide(a, b, { runs: RUNS, warmup: WARMUP });

      // A burst: 20 keystrokes 10 ms apart with a 100 ms debounce.
      fake.reset();
      fake.setCompletionReply(MODEL, COMPLETION);
      const bursty = service(100);
      const burst: Promise<unknown>[] = [];
      let prefix = 'const total = ';
      for (let k = 0; k < 20; k++) {
        prefix += 'x';
        burst.push(bursty.complete(sourceOf, { docKey: 'burst', prefix, suffix: '', explicit: false }));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.all(burst);
      const burstRequests = fake.requests.filter((q) => q.method === 'POST').length;

      // Typing through: one request, then every character of the suggestion typed.
      fake.reset();
      fake.setCompletionReply(MODEL, COMPLETION);
      const typing = service(0);
      const base = 'const mean = ';
      await typing.complete(sourceOf, { docKey: 'typing', prefix: base, suffix: '', explicit: true });
      let hits = 0;
      for (let k = 1; k < COMPLETION.length; k++) {
        const out = await typing.complete(sourceOf, { docKey: 'typing', prefix: base + COMPLETION.slice(0, k), suffix: '', explicit: true });
        if (out.kind === 'text' && out.fromCache) hits++;
      }
      const hitRate = hits / (COMPLETION.length - 1);
      return {
        rows: [
          targetRow('completion', `Completion: time the provider adds over the raw request (median difference, ${RUNS} each)`, r.a.median - r.b.median, `${fmt.ms(r.a.median - r.b.median)} (${fmt.ms(r.a.median)} vs ${fmt.ms(r.b.median)})`, { op: '<=', value: 2, unit: 'ms' }),
          targetRow('completion', 'Completion: requests sent for a 20-keystroke burst', burstRequests, String(burstRequests), { op: '<=', value: 1, unit: '' }),
          targetRow('completion', `Completion: typing through a ${COMPLETION.length}-character suggestion, answered from the cache`, hitRate * 100, `${(hitRate * 100).toFixed(1)} %`, { op: '>=', value: 90, unit: '%' }),
          targetRow('completion', 'Completion: building the prompt for a 5,000-line file (fit + template, warm median)', buildMs, fmt.ms(buildMs), { op: '<=', value: 5, unit: 'ms' }),
        ],
        details: { service: r.a, direct: r.b, burstRequests, hitRate, buildMs, stats: viaService.stats },
      };
    } finally {
      fake.reset();
    }
  },
};
