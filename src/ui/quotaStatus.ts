/** What the quota status bar item shows. Pure: src/statusBar.ts applies it. */
import type { QuotaUsage } from '../core/routing/quota';
import { QUOTA_SETTING_ID } from './messages';

export interface QuotaStatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly level: 'normal' | 'warning' | 'error';
}

export function quotaStatusView(usage: QuotaUsage): QuotaStatusView {
  const unlimited = usage.limit <= 0 || !Number.isFinite(usage.limit);
  if (unlimited) {
    return {
      text: `$(hubot) HF ${compactNumber(usage.used)}`,
      tooltip: `Hugging Face: ${usage.used} requests in ${usage.month} (no monthly limit; "${QUOTA_SETTING_ID}" is 0). Click for health.`,
      level: 'normal',
    };
  }
  const pct = Math.floor(usage.fraction * 100);
  return {
    text: `$(hubot) HF ${compactNumber(usage.used)}/${compactNumber(usage.limit)}`,
    tooltip:
      `Hugging Face: ${usage.used} of ${usage.limit} requests used in ${usage.month} (${pct}%). ` +
      `The limit is "${QUOTA_SETTING_ID}". Click for health.`,
    level: usage.fraction >= 1 ? 'error' : usage.fraction >= 0.8 ? 'warning' : 'normal',
  };
}

/** 123 → "123", 1500 → "1.5k", 30000 → "30k", 1250000 → "1.3M". */
export function compactNumber(n: number): string {
  if (n < 1000) return String(n);
  if (n < 999_500) return `${trim(n / 1000)}k`;
  return `${trim(n / 1_000_000)}M`;
}

function trim(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}
