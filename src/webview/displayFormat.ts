/** Display formatting of the webview rows and details (pure, so it is unit-tested in node). */

export { formatBytes } from '../shared/bytes';

const UNITS: readonly [number, string][] = [
  [365 * 24 * 3600_000, 'year'],
  [30 * 24 * 3600_000, 'month'],
  [7 * 24 * 3600_000, 'week'],
  [24 * 3600_000, 'day'],
  [3600_000, 'hour'],
  [60_000, 'minute'],
];

/** "3 days ago", "just now"; '' for a missing date. Future dates (clock skew) read as "just now". */
export function relativeTime(epochMs: number | null, now: number): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return '';
  const diff = now - epochMs;
  for (const [size, unit] of UNITS) {
    if (diff >= size) {
      const n = Math.floor(diff / size);
      return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}

/** Seconds to wait, rounded up, for the rate-limited state ("Retry in 12 s"). */
export function waitSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
