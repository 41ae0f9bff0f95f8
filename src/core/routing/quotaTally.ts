/**
 * The monthly quota's arithmetic, kept apart from where the count lives: a month is a sequence of
 * entries, and replaying them in order with `applyEntry` gives the same tally and the same verdict
 * for each entry to every reader. That is what lets several VS Code windows share one append-only
 * ledger without a lock (quotaLedger.ts): each window replays the same file and agrees on which
 * requests were granted and which one crossed a threshold.
 */

export type QuotaThreshold = 80 | 95 | 100;
export const QUOTA_THRESHOLDS: readonly QuotaThreshold[] = [80, 95, 100];

/** A month's count so far. */
export interface Tally {
  readonly used: number;
  /** Thresholds already reported this month, so each is reported once. */
  readonly reported: readonly QuotaThreshold[];
}

export const EMPTY_TALLY: Tally = { used: 0, reported: [] };

/**
 * A request asking for `n` units under the limit the asking window had (0: unlimited). The limit is
 * part of the entry so that the verdict depends only on the ledger, not on who replays it.
 */
export interface RequestEntry {
  readonly kind: 'request';
  readonly n: number;
  readonly limit: number;
}

/** A count carried over from the old globalState record: counted unconditionally, thresholds as reported then. */
export interface CarriedEntry {
  readonly kind: 'carried';
  readonly n: number;
  readonly reported: readonly QuotaThreshold[];
}

/**
 * Gives back `n` requests that were counted but never reached a server (connection refused, no such host, the
 * token not allowed to go there). Never takes the count below zero; thresholds already reported stay reported.
 */
export interface RefundEntry {
  readonly kind: 'refund';
  readonly n: number;
}

export type QuotaEntry = RequestEntry | CarriedEntry | RefundEntry;

export interface Applied {
  /** The tally right after this entry. */
  readonly tally: Tally;
  readonly granted: boolean;
  /** The highest threshold this entry crossed for the first time this month, if any. */
  readonly crossed?: QuotaThreshold;
}

/**
 * Replays one entry. A request is granted while it fits under its limit; a refused one changes nothing,
 * so it is never counted (even if the limit is raised later). A jump past several thresholds marks them
 * all reported and reports the highest.
 */
export function applyEntry(tally: Tally, entry: QuotaEntry): Applied {
  const used = tally.used + entry.n;
  if (entry.kind === 'refund') return { tally: { used: Math.max(0, tally.used - entry.n), reported: tally.reported }, granted: true };
  if (entry.kind === 'carried') {
    const reported = [...tally.reported, ...entry.reported.filter((t) => !tally.reported.includes(t))];
    return { tally: { used, reported }, granted: true };
  }
  if (entry.limit === 0) return { tally: { used, reported: tally.reported }, granted: true };
  if (used > entry.limit) return { tally, granted: false };
  const crossed = QUOTA_THRESHOLDS.filter((t) => used * 100 >= t * entry.limit && !tally.reported.includes(t));
  return { tally: { used, reported: [...tally.reported, ...crossed] }, granted: true, crossed: crossed.at(-1) };
}

/** One month's count, wherever it is kept (a ledger file shared by windows, or the globalState fallback). */
export interface MonthLedger {
  /** 'YYYY-MM' (UTC). */
  readonly month: string;
  /** The tally as of this window's last read or append; no I/O. */
  current(): Tally;
  /** Counts `entry`; resolves with its verdict once it is ordered among every window's entries. */
  append(entry: RequestEntry | RefundEntry): Promise<Applied>;
  /** Reads what other windows appended since the last read. */
  refresh(): Promise<Tally>;
}

/** Where the months are kept. */
export interface QuotaBackend {
  /** The latest month anything was counted in, if known, so that the month never goes backwards. */
  latestMonth(): string | undefined;
  open(month: string): MonthLedger;
}

export function isThreshold(value: unknown): value is QuotaThreshold {
  return QUOTA_THRESHOLDS.includes(value as QuotaThreshold);
}
