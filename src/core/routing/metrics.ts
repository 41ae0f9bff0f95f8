/**
 * Per-provider health for "Show Health": success rate and latency percentiles over the most
 * recent calls, the last failure, and whether the provider looks unreachable.
 */
import type { Clock, FailureKind, ProviderRef } from './routingTypes';

export interface CallSample {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly failure?: FailureKind;
}

export interface ProviderHealth {
  readonly provider: string;
  /** Calls recorded since start (not limited to the window). */
  readonly requests: number;
  /** Share of successful calls among the last `windowSize` calls, 0..1. */
  readonly successRate: number;
  /** Latency percentiles of the successful calls in the window; undefined when there are none. */
  readonly p50Ms: number | undefined;
  readonly p95Ms: number | undefined;
  readonly lastFailure?: FailureKind;
  readonly lastFailureAt?: number;
  /**
   * false when the last `unreachableAfter` calls all failed with 'network'; true when some call in
   * the window got an answer (even an error status) and that streak is not reached; undefined when
   * there is nothing to judge by.
   */
  readonly reachable: boolean | undefined;
}

export interface HealthMetricsOptions {
  readonly clock: Clock;
  /** How many recent calls per provider the rates and percentiles are computed over. */
  readonly windowSize?: number;
  /** Consecutive network failures after which a provider is reported unreachable. */
  readonly unreachableAfter?: number;
}

interface ProviderStats {
  /** Last `windowSize` samples, oldest first. */
  samples: CallSample[];
  requests: number;
  /** Consecutive network failures at the end of the history (not capped by the window). */
  networkStreak: number;
  lastFailure?: FailureKind;
  lastFailureAt?: number;
}

/** The key health is grouped by: 'hf:<provider>' or 'endpoint:<id>'. */
export function providerKeyOf(ref: ProviderRef): string {
  return ref.kind === 'hf' ? `hf:${ref.provider}` : ref.kind === 'local' ? 'local' : `endpoint:${ref.endpointId}`;
}

export class HealthMetrics {
  private readonly clock: Clock;
  private readonly windowSize: number;
  private readonly unreachableAfter: number;
  private readonly stats = new Map<string, ProviderStats>();

  constructor(options: HealthMetricsOptions) {
    this.clock = options.clock;
    this.windowSize = Math.max(1, Math.floor(options.windowSize ?? 200));
    this.unreachableAfter = Math.max(1, Math.floor(options.unreachableAfter ?? 3));
  }

  record(providerKey: string, sample: CallSample): void {
    let s = this.stats.get(providerKey);
    if (!s) {
      s = { samples: [], requests: 0, networkStreak: 0 };
      this.stats.set(providerKey, s);
    }
    s.samples.push(sample);
    if (s.samples.length > this.windowSize) s.samples.shift();
    s.requests++;
    const networkFailure = !sample.ok && sample.failure === 'network';
    s.networkStreak = networkFailure ? s.networkStreak + 1 : 0;
    if (!sample.ok) {
      s.lastFailure = sample.failure;
      s.lastFailureAt = this.clock.now();
    }
  }

  /** One entry per provider that has been called, sorted by provider key. */
  snapshot(): ProviderHealth[] {
    return [...this.stats.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([provider, s]) => this.healthOf(provider, s));
  }

  private healthOf(provider: string, s: ProviderStats): ProviderHealth {
    const okLatencies = s.samples
      .filter((x) => x.ok)
      .map((x) => x.latencyMs)
      .sort((a, b) => a - b);
    const answered = s.samples.some((x) => x.ok || x.failure !== 'network');
    const reachable = s.networkStreak >= this.unreachableAfter ? false : answered ? true : undefined;
    return {
      provider,
      requests: s.requests,
      successRate: s.samples.length === 0 ? 0 : okLatencies.length / s.samples.length,
      p50Ms: percentile(okLatencies, 50),
      p95Ms: percentile(okLatencies, 95),
      ...(s.lastFailure !== undefined ? { lastFailure: s.lastFailure } : {}),
      ...(s.lastFailureAt !== undefined ? { lastFailureAt: s.lastFailureAt } : {}),
      reachable,
    };
  }
}

/**
 * Nearest-rank percentile of an ascending array: the smallest value with at least p% of the values
 * at or below it (always an observed value, no interpolation). undefined for an empty array.
 */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const clamped = Math.min(100, Math.max(0, p));
  const rank = Math.ceil((clamped / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)];
}
