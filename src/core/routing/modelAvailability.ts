/**
 * Which providers serve a model, from the Hub's inference-provider information (`inferenceProviderMapping`),
 * remembered across windows in the router's store: the router skips a candidate that no provider it would use
 * serves (the seed's retired defaults: codegen-350M, gpt2, gpt-neo, pegasus…) instead of spending a failed request
 * on it. Never in the way of a request: a lookup runs in the background; a model not looked up yet, or whose
 * lookup failed, counts as "try it"; an entry older than the TTL is still used while its refresh runs.
 */
import type { Candidate, Clock, KeyValueStore } from './routingTypes';

export interface ProviderMapping {
  readonly provider: string;
  /** 'live' or 'staging'. */
  readonly status: string;
  /** The provider's task for the model: 'conversational', 'text-generation', 'translation', … */
  readonly task: string;
}

/** The Hub's answer for one model: its mappings, or 'unknown' when it could not say (private, not found, failure). */
export type AvailabilityLookup = (modelId: string) => Promise<readonly ProviderMapping[] | 'unknown'>;

interface Entry {
  readonly checkedAt: number;
  readonly mappings: readonly ProviderMapping[];
}

export interface ModelAvailabilityOptions {
  readonly lookup: AvailabilityLookup;
  readonly store: KeyValueStore;
  readonly clock: Clock;
  /** An entry is refreshed (in the background) after this long. */
  readonly ttlMs?: number;
  /** A failed lookup is not repeated before this long. */
  readonly retryMs?: number;
  /**
   * Which Hub the answers come from (the hubUrl setting): a mirror may serve other models, so what one Hub said is
   * never used for another. Default: one Hub.
   */
  readonly hub?: () => string;
  /** Lookups in flight at once. */
  readonly concurrency?: number;
  readonly log?: (line: string) => void;
}

export const AVAILABILITY_STORE_KEY = 'sarvanom.modelAvailability.v2';
const DEFAULT_TTL_MS = 6 * 60 * 60 * 1000;
const DEFAULT_RETRY_MS = 10 * 60 * 1000;
/** Bounds the stored record (one entry per model ever looked up). */
const MAX_ENTRIES = 500;

export class ModelAvailability {
  private readonly entries = new Map<string, Entry>();
  private readonly failedAt = new Map<string, number>();
  private readonly queue: string[] = [];
  private readonly inFlight = new Set<string>();
  private saving = Promise.resolve();

  constructor(private readonly options: ModelAvailabilityOptions) {
    const stored = options.store.get<unknown>(AVAILABILITY_STORE_KEY);
    for (const [model, entry] of Object.entries(parseStored(stored))) this.entries.set(model, entry);
  }

  /**
   * Why `candidate` is known to be served by no provider it would go through, or undefined (served, or not known
   * yet). Looks the model up in the background when it is unknown or stale.
   */
  unservedReason(candidate: Candidate): string | undefined {
    if (candidate.provider.kind !== 'hf') return undefined;
    const [model, suffix] = splitSuffix(candidate.model);
    const key = this.keyOf(model);
    const entry = this.entries.get(key);
    this.refreshIfNeeded(key, entry);
    if (!entry) return undefined;
    if (serves(entry.mappings, candidate.provider.provider, candidate.api, suffix)) return undefined;
    const minutes = Math.max(0, Math.round((this.options.clock.now() - entry.checkedAt) / 60_000));
    const where = candidate.provider.provider === 'auto' ? (suffix ? `by ${suffix}` : 'for chat by any Inference Provider') : `on ${candidate.provider.provider}`;
    return `not served ${where} (the Hub's inference-provider list, checked ${minutes < 1 ? 'just now' : `${minutes} min ago`})`;
  }

  /** Looks these models up in the background (those not known or stale). */
  warm(models: readonly string[]): void {
    for (const model of models) {
      const key = this.keyOf(splitSuffix(model)[0]);
      this.refreshIfNeeded(key, this.entries.get(key));
    }
  }

  /** Resolves when every lookup started so far (and the store write) has finished: for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0 || this.queue.length > 0) await new Promise((r) => setImmediate(r));
    await this.saving;
  }

  /** Entries are kept per Hub: "<hub> <model>" (a space never appears in a URL or a model id). */
  private keyOf(model: string): string {
    return `${this.options.hub?.() ?? ''} ${model}`;
  }

  private refreshIfNeeded(model: string, entry: Entry | undefined): void {
    const now = this.options.clock.now();
    if (entry && now - entry.checkedAt < (this.options.ttlMs ?? DEFAULT_TTL_MS)) return;
    const failed = this.failedAt.get(model);
    if (failed !== undefined && now - failed < (this.options.retryMs ?? DEFAULT_RETRY_MS)) return;
    if (this.inFlight.has(model) || this.queue.includes(model)) return;
    this.queue.push(model);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight.size < (this.options.concurrency ?? 2) && this.queue.length > 0) {
      const model = this.queue.shift() as string;
      this.inFlight.add(model);
      void this.look(model).finally(() => {
        this.inFlight.delete(model);
        this.pump();
      });
    }
  }

  private async look(key: string): Promise<void> {
    const hub = key.slice(0, key.lastIndexOf(' '));
    const model = key.slice(hub.length + 1);
    let answer: readonly ProviderMapping[] | 'unknown';
    try {
      answer = await this.options.lookup(model);
    } catch (err) {
      answer = 'unknown';
      this.options.log?.(`Could not look up the inference providers of ${model}: ${err instanceof Error ? err.message : String(err)}`);
    }
    // The Hub setting changed while this lookup ran: the answer is another Hub's.
    if (this.keyOf(model) !== key) return;
    const now = this.options.clock.now();
    if (answer === 'unknown') {
      this.failedAt.set(key, now);
      return;
    }
    this.failedAt.delete(key);
    this.entries.delete(key);
    this.entries.set(key, { checkedAt: now, mappings: answer.map((m) => ({ provider: m.provider, status: m.status, task: m.task })) });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const record = Object.fromEntries(this.entries);
    this.saving = this.saving.then(() => this.options.store.update(AVAILABILITY_STORE_KEY, record)).catch((err: unknown) => {
      this.options.log?.(`Could not save what the Hub said about inference providers: ${String(err)}`);
    });
  }
}

/** "org/model:provider" → ["org/model", "provider"]; the policy suffixes (:fastest, :cheapest) name no provider. */
function splitSuffix(model: string): [string, string | undefined] {
  const at = model.indexOf(':');
  if (at < 0) return [model, undefined];
  const suffix = model.slice(at + 1);
  return [model.slice(0, at), suffix === 'fastest' || suffix === 'cheapest' ? undefined : suffix];
}

/** The provider tasks a candidate's wire API can use on hf-inference. */
const TASKS_FOR_API: Readonly<Record<string, readonly string[]>> = {
  chat: ['conversational'],
  'text-generation': ['text-generation'],
};

function serves(mappings: readonly ProviderMapping[], provider: string, api: string, suffix: string | undefined): boolean {
  const live = mappings.filter((m) => m.status === 'live');
  if (provider === 'auto') {
    // The auto router serves a chat request from any live conversational mapping (or the one the suffix names).
    return live.some((m) => m.task === 'conversational' && (suffix === undefined || m.provider === suffix));
  }
  const tasks = TASKS_FOR_API[api] ?? [api];
  return live.some((m) => m.provider === provider && tasks.includes(m.task));
}

function parseStored(value: unknown): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [model, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { checkedAt, mappings } = raw as { checkedAt?: unknown; mappings?: unknown };
    if (typeof checkedAt !== 'number' || !Array.isArray(mappings)) continue;
    const valid = mappings.filter(
      (m): m is ProviderMapping =>
        typeof m === 'object' && m !== null && typeof (m as ProviderMapping).provider === 'string' && typeof (m as ProviderMapping).status === 'string' && typeof (m as ProviderMapping).task === 'string',
    );
    out[model] = { checkedAt, mappings: valid };
  }
  return out;
}
