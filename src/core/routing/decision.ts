import type { FailureKind, ProviderRef } from './routingTypes';
import type { TaskKind } from '../tasks/taskTypes';

/** What happened to one candidate during a routed call. */
export interface CandidateOutcome {
  readonly model: string;
  readonly provider: ProviderRef;
  /** Why the candidate was in the chain. */
  readonly why: string;
  readonly status: 'succeeded' | 'failed' | 'skipped';
  /** For failed/skipped: the reason in words ("503 model loading (est. 20 s), 3 attempts", "skipped: gone earlier this session"). */
  readonly reason?: string;
  readonly failure?: FailureKind;
  readonly attempts: number;
  readonly latencyMs?: number;
}

/** The record of one routed call: shown by "Show Last Routing Decision" and logged. Never contains the token. */
export interface Decision {
  readonly id: number;
  readonly task: TaskKind;
  readonly startedAt: number;
  readonly totalMs: number;
  readonly fromCache: boolean;
  readonly outcomes: readonly CandidateOutcome[];
  /** The candidate that answered, if any. */
  readonly chosen?: CandidateOutcome;
  /** Final error message when every candidate failed or a non-fallback error stopped the chain. */
  readonly error?: string;
}

/** Builds a Decision as the router walks its chain. */
export class DecisionRecorder {
  private readonly outcomes: CandidateOutcome[] = [];
  private chosen: CandidateOutcome | undefined;
  private cached = false;

  constructor(
    private readonly id: number,
    private readonly task: TaskKind,
    private readonly startedAt: number,
  ) {}

  /** How many candidates were tried and failed so far. */
  failedCount(): number {
    return this.outcomes.filter((o) => o.status === 'failed').length;
  }

  skipped(candidate: CandidateLike, reason: string): void {
    this.outcomes.push({ ...base(candidate), status: 'skipped', reason, attempts: 0 });
  }

  failed(
    candidate: CandidateLike,
    failure: { kind: FailureKind; message: string; details?: { technical?: string } },
    attempts: number,
    latencyMs: number,
    note?: string,
  ): void {
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    const technical = failure.details?.technical ? ` [${failure.details.technical}]` : '';
    const reason = `${failure.message}${technical}${tries}${note ? `; ${note}` : ''}`;
    this.outcomes.push({ ...base(candidate), status: 'failed', reason, failure: failure.kind, attempts, latencyMs });
  }

  succeeded(candidate: CandidateLike, attempts: number, latencyMs: number): void {
    this.chosen = { ...base(candidate), status: 'succeeded', attempts, latencyMs };
    this.outcomes.push(this.chosen);
  }

  fromCache(now: number): Decision {
    this.cached = true;
    return this.done(now);
  }

  done(now: number, error?: string): Decision {
    return {
      id: this.id,
      task: this.task,
      startedAt: this.startedAt,
      totalMs: now - this.startedAt,
      fromCache: this.cached,
      outcomes: [...this.outcomes],
      ...(this.chosen ? { chosen: this.chosen } : {}),
      ...(error !== undefined ? { error } : {}),
    };
  }
}

interface CandidateLike {
  readonly model: string;
  readonly provider: ProviderRef;
  readonly why: string;
}

function base(candidate: CandidateLike) {
  return { model: candidate.model, provider: candidate.provider, why: candidate.why };
}

function providerLabel(provider: ProviderRef): string {
  return provider.kind === 'hf' ? provider.provider : provider.kind === 'local' ? 'this machine' : `endpoint ${provider.endpointId}`;
}

/** The decision as plain text (markdown-friendly): what answered, why, and what was tried before. */
export function formatDecision(d: Decision): string {
  const lines: string[] = [];
  if (d.fromCache) {
    lines.push(`#${d.id} ${d.task}: answered from the cache (identical request within the cache TTL).`);
  } else if (d.chosen) {
    const c = d.chosen;
    lines.push(`#${d.id} ${d.task} → ${c.model} via ${providerLabel(c.provider)} in ${d.totalMs} ms: ${c.why}.`);
  } else {
    lines.push(`#${d.id} ${d.task}: failed after ${d.totalMs} ms. ${d.error ?? ''}`.trim());
  }
  d.outcomes.forEach((o, i) => {
    const mark = o.status === 'succeeded' ? '✓' : o.status === 'skipped' ? '–' : '✗';
    const detail = o.status === 'succeeded' ? `answered${o.latencyMs !== undefined ? ` in ${o.latencyMs} ms` : ''}` : o.reason ?? o.status;
    lines.push(`  ${i + 1}. ${mark} ${o.model} via ${providerLabel(o.provider)} — ${detail} [${o.why}]`);
  });
  return lines.join('\n');
}
