/**
 * The fallback home of the monthly count: one record in a KeyValueStore (globalState), kept in memory
 * and written through. Exact within one window only: globalState is read once per window, so two windows
 * would overwrite each other's counts. The extension uses the shared ledger file (quotaLedger.ts) whenever
 * it has a storage directory; this backend serves tests and hosts without one, and its record is what the
 * ledger carries over once when it takes over.
 */
import { applyEntry, EMPTY_TALLY, isThreshold, type Applied, type MonthLedger, type QuotaBackend, type RefundEntry, type RequestEntry, type Tally } from './quotaTally';
import type { KeyValueStore } from './routingTypes';

/** What is persisted under the store key (the format older versions wrote, so their counts carry over). */
interface StoredQuota {
  readonly month: string;
  readonly used: number;
  readonly reported: Tally['reported'];
}

export class StoreQuotaBackend implements QuotaBackend {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  /** The stored month and its tally, if the record is well formed. */
  stored(): { readonly month: string; readonly tally: Tally } | undefined {
    const stored = parseStored(this.store.get<unknown>(this.key));
    return stored && { month: stored.month, tally: { used: stored.used, reported: stored.reported } };
  }

  latestMonth(): string | undefined {
    return this.stored()?.month;
  }

  open(month: string): MonthLedger {
    const stored = this.stored();
    return new StoreMonthLedger(this.store, this.key, month, stored?.month === month ? stored.tally : EMPTY_TALLY);
  }
}

class StoreMonthLedger implements MonthLedger {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    readonly month: string,
    private tally: Tally,
  ) {}

  current(): Tally {
    return this.tally;
  }

  async append(entry: RequestEntry | RefundEntry): Promise<Applied> {
    const applied = applyEntry(this.tally, entry);
    // Update memory before awaiting the store so a concurrent append sees this one.
    this.tally = applied.tally;
    const record: StoredQuota = { month: this.month, used: applied.tally.used, reported: applied.tally.reported };
    await this.store.update(this.key, record);
    return applied;
  }

  async refresh(): Promise<Tally> {
    return this.tally;
  }
}

/** Accepts only a well-formed stored record; anything else (older format, corruption) starts afresh. */
function parseStored(value: unknown): StoredQuota | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { month, used, reported } = value as Record<string, unknown>;
  if (typeof month !== 'string' || !/^\d{4}-\d{2}$/.test(month)) return undefined;
  if (typeof used !== 'number' || !Number.isFinite(used) || used < 0) return undefined;
  return { month, used, reported: Array.isArray(reported) ? reported.filter(isThreshold) : [] };
}
