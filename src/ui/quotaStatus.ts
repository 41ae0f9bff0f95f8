/** What the quota status bar item shows. Pure: src/statusBar.ts applies it. */
import { compactNumber } from '../shared/compactNumber';
import type { QuotaUsage } from '../core/routing/quota';
import { QUOTA_SETTING_ID } from './messages';

export interface QuotaStatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly level: 'normal' | 'warning' | 'error';
}

/** `pins`: one line per pinned model ("Translate (en→es): Helsinki-NLP/opus-mt-en-es"), listed in the tooltip. */
export function quotaStatusView(usage: QuotaUsage, pins: readonly string[] = []): QuotaStatusView {
  const view = usageView(usage);
  return pins.length === 0 ? view : { ...view, tooltip: `${view.tooltip}\n\nPinned models:\n${pins.map((p) => `• ${p}`).join('\n')}` };
}

function usageView(usage: QuotaUsage): QuotaStatusView {
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
