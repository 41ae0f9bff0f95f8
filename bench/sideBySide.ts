/**
 * Runs two variants of the same operation interleaved in one process against the same server, so both see
 * the same machine noise: after a warm-up of each, pairs alternate their order (A B, B A, A B, …) so neither
 * variant always runs first (on a warm connection, right after GC, …).
 */
import { performance } from 'node:perf_hooks';
import { ratio, summarize, type Summary } from './stats';

export type Variant = 'a' | 'b';

/** The order of `pairs` interleaved pairs: ABBA… (each pair flips the order of the previous one). */
export function interleavedOrder(pairs: number): Variant[] {
  const order: Variant[] = [];
  for (let i = 0; i < pairs; i++) order.push(...(i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)));
  return order;
}

export interface SideBySideOptions {
  /** Measured runs of each variant. */
  readonly runs: number;
  /** Unmeasured runs of each variant first (JIT, connection pool, the client's provider-mapping cache). */
  readonly warmup: number;
}

export interface SideBySideResult {
  readonly a: Summary;
  readonly b: Summary;
  /** median(a) / median(b). */
  readonly ratioOfMedians: number;
  readonly samplesA: readonly number[];
  readonly samplesB: readonly number[];
}

/**
 * Each variant returns the milliseconds to record for one run, or undefined to record its own wall time
 * (a variant that measures something narrower, like time to first token, returns that).
 */
export type Measured = () => Promise<number | void>;

async function timeOne(run: Measured): Promise<number> {
  const started = performance.now();
  const own = await run();
  return typeof own === 'number' ? own : performance.now() - started;
}

export async function sideBySide(a: Measured, b: Measured, options: SideBySideOptions): Promise<SideBySideResult> {
  for (const v of interleavedOrder(options.warmup)) await (v === 'a' ? a : b)();
  const samples: Record<Variant, number[]> = { a: [], b: [] };
  for (const v of interleavedOrder(options.runs)) samples[v].push(await timeOne(v === 'a' ? a : b));
  const sa = summarize(samples.a);
  const sb = summarize(samples.b);
  return { a: sa, b: sb, ratioOfMedians: ratio(sa.median, sb.median), samplesA: samples.a, samplesB: samples.b };
}
