/**
 * 123 -> "123", 1234 -> "1.2k", 999_999 -> "1M", 5_600_000 -> "5.6M", 2.1e9 -> "2.1B"; '' for a missing
 * number. One formatter for the status bar's quota and the Hub view's download and like counts.
 */
export function compactNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  // A value that would round up to 1000 of one unit is shown in the next ("1M", not "1000k").
  const [div, suffix] = abs >= 999_500_000 ? [1e9, 'B'] : abs >= 999_500 ? [1e6, 'M'] : [1e3, 'k'];
  const v = n / div;
  return `${Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10}${suffix}`;
}
