/**
 * Comment translation on hover (src/core/hover/): finding the comments of a 5,000-line file (what the first hover
 * in a document costs; later hovers reuse it until the document changes), the time a hover adds over the raw
 * translation request (plan + cache + router, interleaved with one InferenceClient against the same slow fake), and
 * the requests a burst of hovers over one comment sends.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { VALID_TOKEN } from '../test/fake-hf/server';
import { commentBlocks } from '../src/core/comments/commentBlocks';
import { spansFromTokens } from '../src/core/comments/tokenSpans';
import { TextMateEngine, tokenizeLines } from '../src/editor/textMateEngine';
import { planCommentHover, type HoverOptions } from '../src/core/hover/hoverPlan';
import { HoverTranslations } from '../src/core/hover/hoverTranslations';
import { benchSettings, makeRawClient, makeRouter } from './fakeEnv';
import { fmt, targetRow } from './report';
import { SLOW_MS } from './routing';
import type { BenchContext, Section, SectionResult } from './section';
import { sideBySide } from './sideBySide';
import { median } from './stats';

const MODEL = 'Helsinki-NLP/opus-mt-de-en';
const RUNS = 100;
const WARMUP = 10;
const BURST = 50;
const OPTIONS: HoverOptions = { targetLang: 'en', maxChars: 2000, trigger: 'automatic' };

/** A TypeScript file of `lines` lines: functions with doc comments, line comments and trailing comments. */
export function syntheticSource(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      '/**',
      ` * Berechnet den Wert Nummer ${i} aus den Eingaben und gibt ihn zurück.`,
      ' * @param values die Eingabewerte',
      ' */',
      `export function value${i}(values: number[]): number {`,
      '  // Summe über alle Werte bilden',
      `  const total = values.reduce((a, b) => a + b, ${i}); // der Startwert`,
      "  const label = 'not a // comment';",
      '  return total;',
      '}',
    );
  }
  return out.slice(0, lines).join('\n');
}

/**
 * TextMate comment finding on `source` (the grammar loaded and warm): tokenizing the whole file, and the spans from
 * its tokens (what later requests on the same document version cost). Medians of 5 runs after 2 warm-ups.
 */
async function textMateTimes(source: string): Promise<{ tokenizeMs: number; fromTokensMs: number; spans: number }> {
  const root = join(__dirname, '../..');
  const engine = new TextMateEngine(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'), [
    { language: 'typescript', scopeName: 'source.ts', path: join(root, 'test/fixtures/grammars/TypeScript.tmLanguage.json') },
  ]);
  const grammar = await engine.grammarFor('typescript');
  if (!grammar) throw new Error('the TypeScript grammar did not load');
  const tokenize: number[] = [];
  const fromTokens: number[] = [];
  let spans = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const tokens = tokenizeLines(grammar, source, 60_000);
    const t1 = performance.now();
    if (!tokens) throw new Error('tokenizing stopped early');
    spans = spansFromTokens(source, tokens).length;
    const t2 = performance.now();
    if (i >= 2) {
      tokenize.push(t1 - t0);
      fromTokens.push(t2 - t1);
    }
  }
  return { tokenizeMs: median(tokenize), fromTokensMs: median(fromTokens), spans };
}

export const hoverSection: Section = {
  name: 'hover',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    // Comment finding, warm (the lexer's regexes compiled): the median of 20 runs.
    const source = syntheticSource(5000);
    for (let i = 0; i < 5; i++) commentBlocks(source, 'typescript');
    const times: number[] = [];
    let blocks = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      blocks = commentBlocks(source, 'typescript').length;
      times.push(performance.now() - t0);
    }
    const findMs = median(times);
    const textMate = await textMateTimes(source);

    fake.reset();
    fake.setFault({ listener: 'router' }, { type: 'slow', delayMs: SLOW_MS });
    try {
      const settings = benchSettings(fake, { cacheTtlMs: 0, pinnedModels: { translate: MODEL } });
      const router = makeRouter(settings, VALID_TOKEN);
      const client = makeRawClient(settings, VALID_TOKEN);
      const hovers = new HoverTranslations({
        translate: async (prose, sourceLang, targetLang, signal) => {
          const { result, decision } = await router.run({ task: 'translate', text: prose, sourceLang, targetLang }, { signal });
          if (result.task !== 'translate') throw new Error('unexpected result');
          return { text: result.text, model: decision.chosen?.model ?? '', sourceLang };
        },
      });
      let i = 0;
      // Each hover is over a new comment (no cache may answer): a small file, the plan, the hover cache, the router.
      const viaHover = async (): Promise<void> => {
        const text = `const x = 1; // Berechnet die Summe aller Werte der Liste Nummer ${i++} und gibt sie zurück\n`;
        const plan = planCommentHover(text, commentBlocks(text, 'typescript'), text.indexOf('Summe'), 'typescript', OPTIONS);
        if (plan.kind !== 'translate') throw new Error(`unexpected plan ${plan.kind}`);
        await hovers.translate(plan.comment.split.prose, plan.sourceLang, OPTIONS.targetLang);
      };
      const direct = async (): Promise<void> => {
        const out = await client.translation({ model: MODEL, provider: 'hf-inference', inputs: `Berechnet die Summe aller Werte der Liste Nummer ${i++} und gibt sie zurück` });
        if (typeof out.translation_text !== 'string') throw new Error('unexpected result');
      };
      ctx.log(`hover: ${WARMUP} warm-up + ${RUNS} interleaved hovers vs raw requests (server latency ${SLOW_MS} ms)`);
      const r = await sideBySide(viaHover, direct, { runs: RUNS, warmup: WARMUP });

      // A burst: the same comment hovered BURST times at once, then again (cached).
      fake.reset();
      const prose = 'Diese Funktion wird nur beim Start einmal aufgerufen';
      await Promise.all(Array.from({ length: BURST }, () => hovers.translate(prose, 'de', 'en')));
      for (let k = 0; k < BURST; k++) await hovers.translate(prose, 'de', 'en');
      const sent = fake.requests.filter((q) => q.listener === 'router' && q.method === 'POST').length;
      return {
        rows: [
          targetRow('hover', `Hover: finding the comments of a 5,000-line file (${blocks} comments; warm median)`, findMs, fmt.ms(findMs), { op: '<', value: 20, unit: 'ms' }),
          targetRow(
            'hover',
            `Hover: the same file with the TextMate grammar (vscode-textmate + oniguruma, TypeScript grammar; ${textMate.spans} spans; warm median)`,
            textMate.tokenizeMs,
            fmt.ms(textMate.tokenizeMs),
            { op: '<', value: 20, unit: 'ms' },
          ),
          targetRow('hover', `Hover: spans from the cached tokens of a document version (TextMate, 5,000 lines; warm median)`, textMate.fromTokensMs, fmt.ms(textMate.fromTokensMs), { op: '<', value: 20, unit: 'ms' }),
          targetRow(
            'hover',
            `Hover: a hover over a new comment vs the raw translation request (median ratio, ${RUNS} each)`,
            r.ratioOfMedians,
            `${fmt.ratio(r.ratioOfMedians)} (${fmt.ms(r.a.median)} vs ${fmt.ms(r.b.median)})`,
            { op: '<=', value: 1.05, unit: '×' },
          ),
          targetRow('hover', `Hover: requests for ${2 * BURST} hovers over one comment (${BURST} at once, then ${BURST} cached)`, sent, String(sent), { op: '<=', value: 1, unit: '' }),
        ],
        details: { findMs, blocks, textMate, hover: r.a, direct: r.b, ratioOfMedians: r.ratioOfMedians, burstRequests: sent, stats: hovers.stats },
      };
    } finally {
      fake.reset();
    }
  },
};
