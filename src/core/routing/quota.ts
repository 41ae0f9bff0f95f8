/**
 * Monthly request quota, counted per calendar month in UTC and persisted in a KeyValueStore
 * (globalState in the extension), so the count survives restarts and resets when the month changes.
 * The instance keeps the state in memory and writes through, so concurrent `record` calls never
 * lose counts; use one instance per store key.
 */
import type { Clock, KeyValueStore } from './routingTypes';
import { QUOTA_SETTING_ID } from './settings';

const DEFAULT_QUOTA_KEY = 'sarvanom.quota.monthly';

export type QuotaThreshold = 80 | 95 | 100;
const QUOTA_THRESHOLDS: readonly QuotaThreshold[] = [80, 95, 100];

export interface QuotaUsage {
  readonly used: number;
  /** Requests allowed this month; 0 means unlimited. */
  readonly limit: number;
  /** Calendar month in UTC, 'YYYY-MM'. */
  readonly month: string;
  /** used / limit (may exceed 1 if the limit was lowered); 0 when unlimited. */
  readonly fraction: number;
}

export interface QuotaCrossing {
  readonly threshold: QuotaThreshold;
  readonly usage: QuotaUsage;
}

export interface MonthlyQuotaOptions {
  readonly store: KeyValueStore;
  readonly clock: Clock;
  /** Requests per month; 0 (or Infinity) disables the quota. */
  readonly limit: number;
  readonly key?: string;
}

/** What is persisted under the store key. */
interface StoredQuota {
  readonly month: string;
  readonly used: number;
  /** Thresholds already reported this month, so each is reported once even across restarts. */
  readonly reported: readonly QuotaThreshold[];
}

export class MonthlyQuota {
  private readonly store: KeyValueStore;
  private readonly clock: Clock;
  private readonly key: string;
  private limit: number;
  private state: StoredQuota;

  constructor(options: MonthlyQuotaOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.key = options.key ?? DEFAULT_QUOTA_KEY;
    this.limit = validLimit(options.limit);
    this.state = parseStored(this.store.get<unknown>(this.key)) ?? emptyState(this.currentMonth());
  }

  usage(): QuotaUsage {
    const state = this.currentState();
    return toUsage(state, this.limit);
  }

  /** Whether `n` more requests fit in this month's quota. */
  canSpend(n = 1): boolean {
    if (this.unlimited()) return true;
    return this.currentState().used + n <= this.limit;
  }

  /**
   * Counts `n` requests and persists the count. Returns the highest threshold this record crossed
   * for the first time this month, if any (a jump past several reports only the highest, and marks
   * all of them reported).
   */
  async record(n = 1): Promise<QuotaCrossing | undefined> {
    const before = this.currentState();
    const used = before.used + n;
    const crossed = this.unlimited()
      ? []
      : QUOTA_THRESHOLDS.filter((t) => used * 100 >= t * this.limit && !before.reported.includes(t));
    const next: StoredQuota = { month: before.month, used, reported: [...before.reported, ...crossed] };
    // Update memory before awaiting the store so a concurrent record sees this one.
    this.state = next;
    await this.store.update(this.key, next);
    const threshold = crossed.at(-1);
    return threshold === undefined ? undefined : { threshold, usage: toUsage(next, this.limit) };
  }

  setLimit(limit: number): void {
    this.limit = validLimit(limit);
  }

  private unlimited(): boolean {
    return this.limit === 0 || !Number.isFinite(this.limit);
  }

  /** The stored state, or a fresh one when the month has changed since it was written. */
  private currentState(): StoredQuota {
    const month = this.currentMonth();
    if (this.state.month !== month) this.state = emptyState(month);
    return this.state;
  }

  private currentMonth(): string {
    return monthOf(this.clock.now());
  }
}

/** 'YYYY-MM' of a timestamp, in UTC. */
export function monthOf(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(0, 7);
}

/** First instant of the month after `month` ('YYYY-MM'), in UTC. */
export function nextMonthStart(month: string): Date {
  const [year, mon] = month.split('-').map(Number);
  return new Date(Date.UTC(year, mon, 1)); // Date.UTC months are 0-based, so `mon` is already the next one
}

/** The message shown when the quota refuses a request; names the setting that raises it. */
export function quotaExceededMessage(usage: QuotaUsage, settingName: string = QUOTA_SETTING_ID): string {
  const resets = nextMonthStart(usage.month).toISOString().slice(0, 10);
  return (
    `Monthly request quota reached: ${usage.used} of ${usage.limit} requests used in ${usage.month}. ` +
    `It resets on ${resets} (UTC). To continue now, raise the "${settingName}" setting.`
  );
}

/** The warning shown when a threshold is crossed. */
export function quotaWarningMessage(crossing: QuotaCrossing, settingName: string = QUOTA_SETTING_ID): string {
  const { usage, threshold } = crossing;
  if (threshold === 100) return quotaExceededMessage(usage, settingName);
  return `${threshold}% of the monthly request quota used (${usage.used} of ${usage.limit} in ${usage.month}). The limit is set by "${settingName}".`;
}

function toUsage(state: StoredQuota, limit: number): QuotaUsage {
  const unlimited = limit === 0 || !Number.isFinite(limit);
  return { used: state.used, limit, month: state.month, fraction: unlimited ? 0 : state.used / limit };
}

function emptyState(month: string): StoredQuota {
  return { month, used: 0, reported: [] };
}

function validLimit(limit: number): number {
  if (!(limit >= 0)) throw new RangeError(`Monthly quota must be 0 (unlimited) or more, got ${limit}`);
  return limit;
}

/** Accepts only a well-formed stored record; anything else (older format, corruption) starts afresh. */
function parseStored(value: unknown): StoredQuota | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { month, used, reported } = value as Record<string, unknown>;
  if (typeof month !== 'string' || !/^\d{4}-\d{2}$/.test(month)) return undefined;
  if (typeof used !== 'number' || !Number.isFinite(used) || used < 0) return undefined;
  const thresholds = Array.isArray(reported)
    ? reported.filter((t): t is QuotaThreshold => QUOTA_THRESHOLDS.includes(t as QuotaThreshold))
    : [];
  return { month, used, reported: thresholds };
}
