/**
 * Pure statistics for the benchmark: medians and percentiles of timing samples, and the ratio of two
 * variants. Medians (not means) because a benchmark on a shared 2-core machine has long-tail outliers
 * (GC pauses, the other process) that would dominate a mean.
 */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new RangeError('no samples');
  if (samples.some((x) => !Number.isFinite(x))) throw new RangeError('samples must be finite numbers');
  return [...samples].sort((a, b) => a - b);
}

/** Percentile by linear interpolation between the closest ranks (numpy's default, "type 7"); p in [0, 100]. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within [0, 100], got ${p}`);
  const xs = sorted(samples);
  const rank = (p / 100) * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return xs[lo] + (xs[hi] - xs[lo]) * (rank - lo);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): Summary {
  const xs = sorted(samples);
  return {
    n: xs.length,
    median: percentile(xs, 50),
    p95: percentile(xs, 95),
    min: xs[0],
    max: xs[xs.length - 1],
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  };
}

/** `measured / baseline`; throws when the baseline is not a positive number (a ratio to 0 means nothing). */
export function ratio(measured: number, baseline: number): number {
  if (!(baseline > 0) || !Number.isFinite(baseline)) throw new RangeError(`baseline must be positive, got ${baseline}`);
  return measured / baseline;
}

/** Rounds for display and JSON: enough digits to compare, not more than the noise justifies. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
