/**
 * Token counting with a model's own tokenizer (src/core/tokens/): a 100 KB text counted warm through the
 * TokenCounter (tokenizer.json fetched from the fake through @huggingface/hub, read by @huggingface/tokenizers),
 * median of 20 after one warm-up count; and the cold load (fetch + parse) once.
 *
 * The fake serves the small fixture tokenizer (test/fixtures/tokenizers/tiny-bpe.json, ~600 tokens): Hugging
 * Face is not reachable from the bench. A second row counts with a synthetic byte-level BPE of LARGE_VOCAB tokens
 * and merges (the size of Llama 3's), built here, so the count and the parse are also measured at that size.
 */
import { performance } from 'node:perf_hooks';
import { TokenCounter } from '../src/core/tokens/tokenCounter';
import { createTokenizer } from '../src/core/tokens/tokenizerLibrary';
import { tokenizerJsonFetcher } from '../src/hub/tokenizerFile';
import { tinyTokenizerJson } from '../test/fake-hf/repoFiles';
import { fmt, infoRow, targetRow } from './report';
import type { BenchContext, Section, SectionResult } from './section';
import { median, round } from './stats';

const MODEL = 'Qwen/Qwen2.5-Coder-32B-Instruct';
const TEXT_BYTES = 100 * 1024;
const RUNS = 20;
const LARGE_VOCAB = 128_000;

/** About `bytes` of TypeScript with English comments and many distinct identifiers (no tokenizer cache can hold it all). */
export function benchText(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = [
      `/** Returns the value of item ${i} with the data from the list, or null when there is none. */`,
      `export async function loadItem${i}(list${i}: string[], index${i * 7}: number): Promise<string | null> {`,
      `  const value${i} = await fetchValue(list${i}[index${i * 7}] ?? 'model-${i}'); // hello world ${i}`,
      `  return value${i}.length > ${i % 97} ? value${i} : null;`,
      '}',
      '',
    ].join('\n');
    out.push(line);
    size += line.length;
  }
  return out.join('').slice(0, bytes);
}

/** A byte-level BPE tokenizer.json with `size` merges: prefix chains of pseudo-random lowercase words. */
export function syntheticTokenizerJson(size: number): string {
  const base = JSON.parse(tinyTokenizerJson()) as { model: { vocab: Record<string, number>; merges: [string, string][] }; added_tokens: { id: number }[] };
  const vocab: Record<string, number> = {};
  for (const [token, id] of Object.entries(base.model.vocab)) if (id < 256) vocab[token] = id;
  const merges: [string, string][] = [];
  let seed = 12345;
  // mulberry32: deterministic, and exact in 32-bit integer arithmetic.
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let next = 256;
  while (merges.length < size) {
    const length = 2 + Math.floor(random() * 8);
    let prefix = random() < 0.5 ? 'Ġ' : '';
    prefix += String.fromCharCode(97 + Math.floor(random() * 26));
    for (let i = 1; i < length; i++) {
      const ch = String.fromCharCode(97 + Math.floor(random() * 26));
      const merged = prefix + ch;
      if (!(merged in vocab)) {
        merges.push([prefix, ch]);
        vocab[merged] = next++;
      }
      prefix = merged;
    }
  }
  return JSON.stringify({ ...base, added_tokens: [], model: { ...base.model, vocab, merges } });
}

function timeCounts(count: () => number): { median: number; tokens: number } {
  const tokens = count(); // warm-up: the first count fills the tokenizer's word cache
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    count();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), tokens };
}

export const tokensSection: Section = {
  name: 'tokens',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    fake.reset();
    const text = benchText(TEXT_BYTES);
    const counter = new TokenCounter({
      fetchTokenizerJson: tokenizerJsonFetcher({ hubUrl: () => fake.hubUrl, getToken: async () => undefined }),
      cache: { read: async () => undefined, write: async () => undefined },
      createTokenizer,
      log: (line) => ctx.log(`tokens: ${line}`),
    });
    const t0 = performance.now();
    if (!(await counter.prepare(MODEL))) throw new Error(`the tokenizer of ${MODEL} did not load from the fake`);
    const coldMs = performance.now() - t0;
    const fixture = timeCounts(() => {
      const { tokens, exact } = counter.count(MODEL, text);
      if (!exact) throw new Error('counted by estimate');
      return tokens;
    });
    counter.dispose();

    ctx.log(`tokens: building a synthetic ${LARGE_VOCAB.toLocaleString('en-US')}-merge tokenizer`);
    const largeJson = syntheticTokenizerJson(LARGE_VOCAB);
    const p0 = performance.now();
    const large = createTokenizer(largeJson);
    const parseMs = performance.now() - p0;
    const big = timeCounts(() => large.count(text));

    return {
      rows: [
        targetRow('tokens', `Count tokens of a ${fmt.kb(text.length)} text, warm (median of ${RUNS}; fixture tokenizer)`, fixture.median, `${fmt.ms(fixture.median)} (${fixture.tokens.toLocaleString('en-US')} tokens)`, {
          op: '<',
          value: 50,
          unit: 'ms',
        }),
        targetRow('tokens', `Count tokens of a ${fmt.kb(text.length)} text, warm (median of ${RUNS}; synthetic ${LARGE_VOCAB / 1000}k-merge BPE)`, big.median, `${fmt.ms(big.median)} (${big.tokens.toLocaleString('en-US')} tokens)`, {
          op: '<',
          value: 50,
          unit: 'ms',
        }),
        infoRow('tokens', 'Tokenizer load, cold (fixture: fetch from the fake through @huggingface/hub + parse)', fmt.ms(coldMs), round(coldMs)),
        infoRow('tokens', `Tokenizer parse (synthetic ${LARGE_VOCAB / 1000}k-merge tokenizer.json, ${fmt.mb(largeJson.length)})`, fmt.ms(parseMs), round(parseMs)),
      ],
      details: { textChars: text.length, runs: RUNS, fixture, large: { ...big, parseMs: round(parseMs), jsonBytes: largeJson.length }, coldMs: round(coldMs) },
    };
  },
};
