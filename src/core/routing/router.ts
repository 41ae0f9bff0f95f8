import { retryDelayMs } from './backoff';
import { buildChain } from './chains';
import { systemClock } from './clock';
import { DecisionRecorder, type Decision } from './decision';
import { cacheKey, LruCache } from './lruCache';
import { HealthMetrics, providerKeyOf, type ProviderHealth } from './metrics';
import type { ModelAvailability } from './modelAvailability';
import { MonthlyQuota, quotaExceededMessage, type QuotaUsage } from './quota';
import { SlidingWindowRateLimiter } from './rateLimiter';
import { QUOTA_SETTING_ID, settingId, type RoutingSettings } from './settings';
import { hostOf } from '../web/urls';
import { retryProgress, shortModelName } from './progressText';
import { CallFailure, FALLBACK_KINDS, RETRY_KINDS, type CallOptions, type Candidate, type Clock, type KeyValueStore, type Transport } from './routingTypes';
import { RoutingError } from './routingError';
import type { TaskRequest, TaskResult } from '../tasks/taskTypes';
/** The on-device provider (core/local): which local candidate a request gets, and the transport that runs it. */
/** A pinned model id with this suffix runs on this machine (the Hub view's "Run locally"). */
export const LOCAL_PIN_SUFFIX = ':local';

export interface LocalProviderDeps {
  /**
   * The `{ kind: 'local' }` candidate for the request (with `skip` set to the reason when it is not tried), or undefined
   * when no small model does the task. It goes first in the chain, after a pinned model (core/local/localPlan.ts).
   * `pinnedModel`: the model the user pinned with the ":local" suffix ("Run locally" in the Hub view), used instead of
   * the catalog's.
   */
  plan(request: TaskRequest, pinnedModel?: string): Candidate | undefined;
  /** Runs a `{ kind: 'local' }` candidate (core/local/localTransport.ts). Not rate-limited, not counted in the quota. */
  readonly transport: Transport;
}

export interface RunOptions extends CallOptions {
  /** Try exactly this candidate (the Hub browser's "Try it"): no chain, no fallback. */
  readonly only?: Candidate;
  /**
   * What the router is doing while the user waits, in plain words for a progress notification: a model
   * loading and the retry countdown, a rate-limit wait, the next model being tried.
   */
  readonly onProgress?: (message: string) => void;
  /**
   * Once part of the answer reached onToken, a failure ends the request: no retry and no other model (VS Code's chat
   * cannot take back text it showed). Before the first token, fallback works as usual.
   */
  readonly noRestart?: boolean;
}

export interface RouteOutcome {
  readonly result: TaskResult;
  readonly decision: Decision;
}

export interface HealthReport {
  readonly providers: readonly ProviderHealth[];
  readonly quota: QuotaUsage;
  readonly limiter: { readonly queued: number; readonly inWindow: number; readonly limit: number; readonly windowMs: number; readonly nextSlotInMs: number };
  readonly cacheEntries: number;
}

export interface RouterDeps {
  readonly settings: RoutingSettings;
  readonly transport: Transport;
  readonly store: KeyValueStore;
  /** Directory for the monthly-quota ledger shared by all windows; without it the quota counts in `store`, per window. */
  readonly quotaDir?: string;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly log?: (line: string) => void;
  readonly onQuotaCrossing?: (percent: 80 | 95 | 100, usage: QuotaUsage) => void;
  /** Which account is signed in (core/trust/accountKey.ts): cached answers of one account never reach another. */
  readonly accountKey?: () => Promise<string>;
  /** What the Hub says about which providers serve a model (modelAvailability.ts): unserved candidates are skipped. */
  readonly availability?: Pick<ModelAvailability, 'unservedReason'>;
  /** The chain builder; tests pass their own. */
  readonly buildChain?: (request: TaskRequest, settings: RoutingSettings) => Candidate[];
  /** The on-device provider; without it no local candidate is listed. */
  readonly local?: LocalProviderDeps;
}

/** How long a model that answered 404/410 is skipped without asking again. */
const GONE_MEMORY_MS = 30 * 60 * 1000;

/**
 * Picks the model for each request, calls it through the transport, and walks the candidate chain:
 * retries with backoff where a retry can help, falls back where it cannot, stops where the user must
 * act (401, 403, 400). Every call leaves a Decision that says what was tried and why.
 */
export class Router {
  private settings: RoutingSettings;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly limiter: SlidingWindowRateLimiter;
  private readonly quota: MonthlyQuota;
  private readonly cache: LruCache<TaskResult>;
  private readonly metrics: HealthMetrics;
  private readonly goneUntil = new Map<string, number>();
  private readonly listeners = new Set<(d: Decision) => void>();
  private last: Decision | undefined;
  private nextId = 1;

  constructor(private readonly deps: RouterDeps) {
    this.settings = deps.settings;
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    this.limiter = new SlidingWindowRateLimiter({ limit: this.settings.requestsPerMinute, windowMs: 60_000, clock: this.clock });
    this.quota = new MonthlyQuota({ store: deps.store, dir: deps.quotaDir, clock: this.clock, limit: this.settings.monthlyQuota, onError: (m) => this.log(m) });
    this.cache = new LruCache<TaskResult>({ maxEntries: 200, ttlMs: this.settings.cacheTtlMs, clock: this.clock });
    this.metrics = new HealthMetrics({ clock: this.clock });
  }

  /** Forgets every cached answer (sign-in and sign-out call it: another account must not see them). */
  clearCache(): void {
    this.cache.clear();
  }

  updateSettings(settings: RoutingSettings): void {
    this.settings = settings;
    this.limiter.setLimit(settings.requestsPerMinute);
    this.quota.setLimit(settings.monthlyQuota);
    this.cache.clear();
  }

  lastDecision(): Decision | undefined {
    return this.last;
  }

  onDidDecide(listener: (d: Decision) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  quotaUsage(): QuotaUsage {
    return this.quota.usage();
  }

  health(): HealthReport {
    const limiter = this.limiter.snapshot();
    return {
      providers: this.metrics.snapshot(),
      quota: this.quota.usage(),
      limiter: { queued: limiter.queued, inWindow: limiter.inWindow, limit: limiter.limit, windowMs: limiter.windowMs, nextSlotInMs: limiter.nextSlotInMs },
      cacheEntries: this.cache.size,
    };
  }

  async run(request: TaskRequest, options: RunOptions = {}): Promise<RouteOutcome> {
    const recorder = new DecisionRecorder(this.nextId++, request.task, this.clock.now());
    // The last line of defence for every path that sends user text (actions check first, with a friendlier message).
    const size = userTextLength(request);
    if (size > this.settings.maxInputChars) {
      throw this.fail(
        recorder,
        new CallFailure('bad-request', `The text is ${size.toLocaleString('en-US')} characters long; the limit is ${this.settings.maxInputChars.toLocaleString('en-US')} (setting ${settingId('maxSelectionChars')}). Nothing was sent.`),
      );
    }
    const key = this.cacheKeyFor(request, options, (await this.deps.accountKey?.()) ?? 'anon');
    const cached = key === undefined ? undefined : this.cache.get(key);
    if (cached) {
      emitCached(cached, options);
      return { result: cached, decision: this.finish(recorder.fromCache(this.clock.now())) };
    }
    const chain = options.only ? [options.only] : this.chainFor(request);
    const unserved = options.only ? chain.map(() => undefined) : this.unservedReasons(chain);
    let lastFailure: CallFailure | undefined;
    const unreachable = new Set<string>();
    let attempted = 0;
    for (const [index, candidate] of chain.entries()) {
      const host = this.hostOf(candidate);
      const skip = options.only
        ? undefined
        : (candidate.skip ?? (unreachable.has(host) ? `${host} could not be reached just before` : (this.skipReason(candidate) ?? unserved[index])));
      if (skip) {
        recorder.skipped(candidate, skip);
        continue;
      }
      if (attempted++ > 0) options.onProgress?.(`Trying ${shortModelName(candidate.model)} instead…`);
      try {
        const result = await this.tryCandidate(candidate, request, options, recorder);
        if (key !== undefined) this.cache.set(key, result);
        return { result, decision: this.finish(recorder.done(this.clock.now())) };
      } catch (err) {
        const failure = err instanceof CallFailure ? err : new CallFailure('server', String(err));
        lastFailure = failure;
        if (!FALLBACK_KINDS.has(failure.kind) || failure.details.afterPartialAnswer) throw this.fail(recorder, failure);
        // A host that cannot be reached will not answer for the next model either: its candidates are skipped.
        if (failure.details.unreachable) unreachable.add(host);
        if (failure.kind === 'gone') this.goneUntil.set(candidateKey(candidate), this.clock.now() + GONE_MEMORY_MS);
      }
    }
    const tried = recorder.failedCount();
    const summary = lastFailure
      ? `${tried === 1 ? 'The model could not answer.' : `None of the ${tried} models tried could answer. The last:`} ${lastFailure.message}`
      : 'No model is set up for this action.';
    throw this.fail(recorder, new CallFailure(lastFailure?.kind ?? 'config', summary, lastFailure?.details));
  }

  private chainFor(request: TaskRequest): Candidate[] {
    const remote = (this.deps.buildChain ?? buildChain)(request, this.settings);
    const first = remote[0];
    if (first && first.why.startsWith('pinned') && first.model.endsWith(LOCAL_PIN_SUFFIX)) {
      // Pinned to run on this machine: that model, locally (never sent to a provider), then the rest of the chain.
      const model = first.model.slice(0, -LOCAL_PIN_SUFFIX.length);
      const planned = this.deps.local?.plan(request, model) ?? { ...first, model, skip: 'on-device models are not available in this window' };
      return [first.skip ? { ...planned, skip: first.skip } : planned, ...remote.slice(1)];
    }
    const local = this.deps.local?.plan(request);
    if (!local) return remote;
    const pinned = remote.length > 0 && remote[0].why.startsWith('pinned') ? 1 : 0;
    return [...remote.slice(0, pinned), local, ...remote.slice(pinned)];
  }

  /** The one try of an on-device candidate: no rate limit, no quota, no retry (a local failure falls back at once). */
  private async tryLocal(local: LocalProviderDeps, candidate: Candidate, request: TaskRequest, options: RunOptions, recorder: DecisionRecorder): Promise<TaskResult> {
    if (options.signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
    const started = this.clock.now();
    try {
      const result = await local.transport.call(candidate, request, { signal: options.signal });
      const latencyMs = this.clock.now() - started;
      this.metrics.record(providerKeyOf(candidate.provider), { ok: true, latencyMs });
      recorder.succeeded(candidate, 1, latencyMs);
      emitCached(result, options);
      return result;
    } catch (err) {
      const failure = err instanceof CallFailure ? err : new CallFailure('server', String(err));
      const latencyMs = this.clock.now() - started;
      if (failure.kind !== 'cancelled') this.metrics.record(providerKeyOf(candidate.provider), { ok: false, latencyMs, failure: failure.kind });
      recorder.failed(candidate, failure, 1, latencyMs, failure.kind === 'cancelled' ? undefined : 'falling back to the remote chain');
      // Any local failure but the user's cancel moves on to the remote chain.
      throw failure.kind === 'cancelled' || FALLBACK_KINDS.has(failure.kind) ? failure : new CallFailure('server', failure.message, failure.details);
    }
  }

  /** Up to maxAttempts tries of one candidate; throws the failure that ends it. */
  private async tryCandidate(candidate: Candidate, request: TaskRequest, options: RunOptions, recorder: DecisionRecorder): Promise<TaskResult> {
    if (candidate.provider.kind === 'local') {
      if (!this.deps.local) throw new CallFailure('config', 'On-device models are not available in this window.');
      return this.tryLocal(this.deps.local, candidate, request, options, recorder);
    }
    const isHf = candidate.provider.kind === 'hf';
    for (let attempt = 1; ; attempt++) {
      if (options.signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
      if (isHf && !this.quota.canSpend()) {
        throw new CallFailure('quota-exceeded', quotaExceededMessage(this.quota.usage()));
      }
      const limiter = this.limiter.snapshot();
      if (limiter.inWindow >= limiter.limit) {
        options.onProgress?.(`Waiting for the rate limit (${limiter.limit} requests a minute), about ${Math.ceil(limiter.nextSlotInMs / 1000)} s`);
      }
      await this.limiter.acquire(options.signal);
      const countedIn = isHf ? await this.recordQuota() : undefined;
      const started = this.clock.now();
      let streamed = false;
      const onToken = options.onToken
        ? (text: string) => {
            streamed = true;
            options.onToken?.(text);
          }
        : undefined;
      try {
        const result = await this.deps.transport.call(candidate, request, { signal: options.signal, onToken, onToolCalls: options.onToolCalls });
        const latencyMs = this.clock.now() - started;
        this.metrics.record(providerKeyOf(candidate.provider), { ok: true, latencyMs });
        recorder.succeeded(candidate, attempt, latencyMs);
        return result;
      } catch (err) {
        const failure = err instanceof CallFailure ? err : new CallFailure('server', String(err));
        const latencyMs = this.clock.now() - started;
        // A request that never reached a server (no connection, or not sent at all) is not a request the quota counts.
        if (countedIn !== undefined && (failure.details.unreachable || failure.details.notSent)) await this.refundQuota(countedIn);
        if (failure.kind !== 'cancelled') this.metrics.record(providerKeyOf(candidate.provider), { ok: false, latencyMs, failure: failure.kind });
        if (streamed && options.noRestart) {
          recorder.failed(candidate, failure, attempt, latencyMs, 'part of the answer was already shown, so no other attempt');
          throw new CallFailure(failure.kind, failure.message, { ...failure.details, afterPartialAnswer: true });
        }
        if (streamed) options.onRestart?.();
        const retryable = RETRY_KINDS.has(failure.kind) && !failure.details.unreachable && attempt < this.settings.maxAttempts;
        const retry = retryable ? retryDelayMs(failure, attempt, this.random) : undefined;
        if (retry && !retry.fallBack) {
          this.log(`${candidate.model}: ${failure.message} Retrying in ${Math.round(retry.waitMs / 100) / 10} s (attempt ${attempt + 1}).`);
          options.onProgress?.(retryProgress(candidate.model, failure, retry.waitMs, attempt + 1, this.settings.maxAttempts));
          await this.clock.sleep(retry.waitMs, options.signal);
          continue;
        }
        recorder.failed(candidate, failure, attempt, latencyMs, retry?.fallBack ? retry.reason : undefined);
        throw failure;
      }
    }
  }

  /**
   * Per candidate, why the Hub says nothing serves it (or undefined). The pinned model is the user's explicit choice
   * and is always tried. When the Hub's list would leave no candidate at all, the last one is tried anyway: a stale
   * list must never turn into a request that is not even attempted.
   */
  private unservedReasons(chain: readonly Candidate[]): (string | undefined)[] {
    const availability = this.deps.availability;
    if (!availability) return chain.map(() => undefined);
    const reasons = chain.map((c) => (c.why.startsWith('pinned') ? undefined : availability.unservedReason(c)));
    const triable = chain.some((c, i) => c.skip === undefined && reasons[i] === undefined);
    if (!triable) {
      for (let i = chain.length - 1; i >= 0; i--) {
        if (chain[i].skip === undefined) {
          reasons[i] = undefined;
          break;
        }
      }
    }
    return reasons;
  }

  /** The host a candidate's request goes to (Inference Providers' router, or the endpoint's own). */
  private hostOf(candidate: Candidate): string {
    if (candidate.provider.kind === 'hf') return hostOf(this.settings.routerUrl);
    if (candidate.provider.kind === 'local') return 'this machine';
    const id = candidate.provider.endpointId;
    return hostOf(this.settings.endpoints.find((e) => e.id === id)?.baseUrl ?? id);
  }

  private skipReason(candidate: Candidate): string | undefined {
    const until = this.goneUntil.get(candidateKey(candidate));
    if (until === undefined) return undefined;
    if (until <= this.clock.now()) {
      this.goneUntil.delete(candidateKey(candidate));
      return undefined;
    }
    return 'not served (answered 404 earlier this session)';
  }

  /**
   * Checks and counts the request right before it is sent, after the rate limiter let it go. The check
   * before queueing only refuses early when the quota is known to be used up: on its own, requests queued
   * together would all pass it and overshoot the limit.
   */
  /**
   * Reserves one Hugging Face request of the monthly quota for a caller that sends it itself (ghost-text completion,
   * with its own rate budget); throws CallFailure('quota-exceeded') when the quota is used up. Returns the month to
   * give back with refundQuota when the request never reached a server.
   */
  reserveQuota(): Promise<string> {
    return this.recordQuota();
  }

  /** Gives back a request reserveQuota counted that never reached a server. */
  giveBackQuota(month: string): Promise<void> {
    return this.refundQuota(month);
  }

  private async recordQuota(): Promise<string> {
    const { granted, usage, crossing } = await this.quota.reserve();
    if (crossing !== undefined) this.deps.onQuotaCrossing?.(crossing.threshold, crossing.usage);
    if (!granted) throw new CallFailure('quota-exceeded', quotaExceededMessage(usage, QUOTA_SETTING_ID));
    return usage.month;
  }

  private async refundQuota(month: string): Promise<void> {
    try {
      await this.quota.refund(month);
    } catch (err) {
      this.log(`Could not give back a request that never reached a server: ${String(err)}`);
    }
  }

  /** Identical requests are answered from memory unless sampling makes each answer different. */
  private cacheKeyFor(request: TaskRequest, options: RunOptions, account: string): string | undefined {
    if (this.settings.cacheTtlMs <= 0) return undefined;
    if ((request.task === 'generate-code' || request.task === 'chat') && (request.temperature ?? 0) > 0) return undefined;
    // VS Code's chat: tool calls are not part of a cached result, and a conversation is seldom asked twice.
    if (request.task === 'chat' && request.conversation) return undefined;
    return cacheKey({ request, only: options.only, pinned: this.settings.pinnedModels[request.task], account });
  }

  private fail(recorder: DecisionRecorder, failure: CallFailure): RoutingError {
    return new RoutingError(failure, this.finish(recorder.done(this.clock.now(), failure.message)));
  }

  private finish(decision: Decision): Decision {
    this.last = decision;
    for (const listener of this.listeners) listener(decision);
    return decision;
  }

  private log(line: string): void {
    this.deps.log?.(line);
  }
}

function emitCached(result: TaskResult, options: CallOptions): void {
  if (options.onToken && 'text' in result) options.onToken(result.text);
}

function candidateKey(candidate: Candidate): string {
  return `${providerKeyOf(candidate.provider)}|${candidate.model}|${candidate.api}`;
}

/** How many characters of the user's own text a request carries (what the selection limit is about). */
export function userTextLength(request: TaskRequest): number {
  switch (request.task) {
    case 'question-answering':
      return request.question.length + request.context.length;
    case 'generate-code':
      return request.instruction.length + request.context.length;
    case 'chat':
      return request.prompt.length + (request.messages ?? []).reduce((n, m) => n + m.content.length, 0);
    default:
      return request.text.length;
  }
}
