/**
 * Monthly request quota, counted per calendar month in UTC.
 *
 * Where the count lives: with a storage directory (the extension's global storage), in a ledger file
 * every VS Code window appends to and reads (quotaLedger.ts), so the count is exact however many windows
 * run and together they never grant past the limit; without one (tests, hosts without storage), in a
 * KeyValueStore record, exact within one window only (quotaStoreLedger.ts).
 *
 * `reserve` both checks and counts, atomically across windows, so the router calls it right before it
 * sends. The month never goes backwards: a clock set back into an earlier month keeps counting into the
 * latest month seen (here or in the ledger), so changing the clock cannot reset the count.
 */
import { FileQuotaBackend, errorText } from './quotaLedger';
import { StoreQuotaBackend } from './quotaStoreLedger';
import type { MonthLedger, QuotaBackend, QuotaThreshold, Tally } from './quotaTally';
import type { Clock, KeyValueStore } from './routingTypes';
import { QUOTA_SETTING_ID } from './settings';

const DEFAULT_QUOTA_KEY = 'sarvanom.quota.monthly';

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

export interface QuotaReservation {
  /** False when the request does not fit in this month's quota; it is then not counted. */
  readonly granted: boolean;
  /** The month's usage as this window last read it, this reservation included. */
  readonly usage: QuotaUsage;
  /**
   * The highest threshold this reservation crossed for the first time this month, if any. Exactly one
   * reservation (in one window) crosses each threshold, so each is reported once across windows.
   */
  readonly crossing?: QuotaCrossing;
}

export interface MonthlyQuotaOptions {
  /** The globalState record: the count without `dir`, and the count carried into the ledger once with it. */
  readonly store: KeyValueStore;
  readonly clock: Clock;
  /** Requests per month; 0 (or Infinity) disables the quota. */
  readonly limit: number;
  readonly key?: string;
  /** Directory for the ledger shared by all windows; without it the count lives in `store`. */
  readonly dir?: string;
  /** Told when the ledger cannot be used; the quota then keeps counting in this window. */
  readonly onError?: (message: string) => void;
}

export class MonthlyQuota {
  private readonly clock: Clock;
  private readonly backend: QuotaBackend;
  private limit: number;
  /** The latest month seen, here or in the stored count: the current month never goes back before it. */
  private latestMonth: string | undefined;
  private ledger: MonthLedger | undefined;

  constructor(options: MonthlyQuotaOptions) {
    this.clock = options.clock;
    this.limit = validLimit(options.limit);
    this.backend = chooseBackend(options);
    this.latestMonth = this.backend.latestMonth();
  }

  /** This month's usage as this window last read it (no I/O; `refresh` reads other windows' requests). */
  usage(): QuotaUsage {
    const ledger = this.currentLedger();
    return toUsage(ledger.month, ledger.current(), this.limit);
  }

  /**
   * Whether `n` more requests fit, as far as this window knows: a quick refusal before queueing. Other
   * windows only add to the count, so a `false` holds until the limit changes; a `true` is only a hint
   * (another window may have taken the rest), which `reserve` settles.
   */
  canSpend(n = 1): boolean {
    return this.unlimited() || this.currentLedger().current().used + n <= this.limit;
  }

  /** Counts `n` requests if they fit in this month's quota; refused ones are not counted. */
  async reserve(n = 1): Promise<QuotaReservation> {
    if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`A reservation is a whole number of requests, got ${n}`);
    const ledger = this.currentLedger();
    const limit = this.unlimited() ? 0 : this.limit;
    const applied = await ledger.append({ kind: 'request', n, limit });
    const usage = toUsage(ledger.month, ledger.current(), this.limit);
    if (applied.crossed === undefined) return { granted: applied.granted, usage };
    return { granted: applied.granted, usage, crossing: { threshold: applied.crossed, usage: toUsage(ledger.month, applied.tally, this.limit) } };
  }

  /**
   * Gives back `n` requests reserved in `month` that never reached a server. A refund for a month that is over
   * changes nothing (that month's count is closed).
   */
  async refund(month: string, n = 1): Promise<QuotaUsage> {
    const ledger = this.currentLedger();
    if (ledger.month === month) await ledger.append({ kind: 'refund', n });
    return toUsage(ledger.month, ledger.current(), this.limit);
  }

  /** Reads the requests other windows counted since this one last looked. */
  async refresh(): Promise<QuotaUsage> {
    const ledger = this.currentLedger();
    return toUsage(ledger.month, await ledger.refresh(), this.limit);
  }

  setLimit(limit: number): void {
    this.limit = validLimit(limit);
  }

  private unlimited(): boolean {
    return this.limit === 0 || !Number.isFinite(this.limit);
  }

  /** The ledger of the current month: the clock's month, or the latest month seen if the clock is behind it. */
  private currentLedger(): MonthLedger {
    const clockMonth = monthOf(this.clock.now());
    const month = this.latestMonth !== undefined && this.latestMonth > clockMonth ? this.latestMonth : clockMonth;
    this.latestMonth = month;
    if (this.ledger?.month !== month) this.ledger = this.backend.open(month);
    return this.ledger;
  }
}

/** The shared ledger when there is a directory for it, else (or if it cannot be created) the store. */
function chooseBackend(options: MonthlyQuotaOptions): QuotaBackend {
  const fallback = new StoreQuotaBackend(options.store, options.key ?? DEFAULT_QUOTA_KEY);
  if (options.dir === undefined) return fallback;
  const onError = options.onError ?? (() => undefined);
  try {
    return new FileQuotaBackend({ dir: options.dir, carryOver: fallback.stored(), onError });
  } catch (err) {
    onError(`Could not create the quota ledger directory ${options.dir}: ${errorText(err)}. Counting in this window only.`);
    return fallback;
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

function toUsage(month: string, tally: Tally, limit: number): QuotaUsage {
  const unlimited = limit === 0 || !Number.isFinite(limit);
  return { used: tally.used, limit, month, fraction: unlimited ? 0 : tally.used / limit };
}

function validLimit(limit: number): number {
  if (!(limit >= 0)) throw new RangeError(`Monthly quota must be 0 (unlimited) or more, got ${limit}`);
  return limit;
}
