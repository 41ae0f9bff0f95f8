/** The markdown documents "Show Health" and "Show Last Routing Decision" open. Pure. */
import { formatDecision, type Decision } from '../core/routing/decision';
import type { ProviderHealth } from '../core/routing/metrics';
import type { HealthReport } from '../core/routing/router';
import type { CompletionDecision, CompletionStats } from '../core/completion/completionService';
import { QUOTA_SETTING_ID } from './messages';
import { percent } from './resultText';

/** Ghost-text completion's part of Show Health (when completion ran in this window). */
export interface CompletionHealth {
  readonly decision?: CompletionDecision;
  readonly stats: CompletionStats;
}

export function healthMarkdown(report: HealthReport, now: Date, pins: readonly string[] = [], completion?: CompletionHealth): string {
  const { quota, limiter } = report;
  const quotaLine =
    quota.limit > 0
      ? `${quota.used} of ${quota.limit} requests used in ${quota.month} (${percent(quota.fraction)}); limit set by \`${QUOTA_SETTING_ID}\`.`
      : `${quota.used} requests in ${quota.month}; no monthly limit (\`${QUOTA_SETTING_ID}\` is 0).`;
  return [
    '# Hugging Face: health',
    '',
    `_As of ${now.toISOString().replace('T', ' ').slice(0, 19)} UTC._`,
    '',
    '## Monthly quota',
    '',
    quotaLine,
    '',
    '## Rate limiter',
    '',
    `${limiter.inWindow} of ${limiter.limit} requests in the last ${Math.round(limiter.windowMs / 1000)} s; ${limiter.queued} waiting.`,
    '',
    '## Cache',
    '',
    `${report.cacheEntries} cached ${report.cacheEntries === 1 ? 'answer' : 'answers'}.`,
    '',
    '## Providers',
    '',
    ...providersTable(report.providers),
    '',
    '## Pinned models',
    '',
    ...(pins.length === 0
      ? ['None: every action picks its model by the routing chain.']
      : [...pins.map((p) => `- ${cell(p)}`), '', 'Unpin with "Hugging Face: Show Pinned Models…" or the Unpin button in the model\'s details.']),
    '',
    ...(completion ? completionLines(completion) : []),
  ].join('\n');
}

function completionLines({ decision, stats }: CompletionHealth): string[] {
  return [
    '## Ghost-text completion',
    '',
    decision ? `Last: ${cell(decision.model)} at ${new Date(decision.at).toISOString().slice(11, 19)} UTC: ${cell(decision.outcome)}.` : 'No completion yet.',
    ...(decision ? ['', `Why this model: ${cell(decision.why)}.`] : []),
    '',
    `${stats.requests} requests; ${stats.cacheHits} answered while typing through (no request); ${stats.superseded} superseded by a newer keystroke (${stats.abortedInFlight} of them aborted in flight).`,
    '',
  ];
}

function providersTable(providers: readonly ProviderHealth[]): string[] {
  if (providers.length === 0) return ['No requests yet in this session.'];
  return [
    '| Provider | Reachable | Requests | Success (recent) | p50 | p95 | Last failure |',
    '|---|---|---|---|---|---|---|',
    ...providers.map(
      (p) =>
        `| ${cell(p.provider)} | ${p.reachable === undefined ? '–' : p.reachable ? 'yes' : '**no**'} | ${p.requests} | ` +
        `${percent(p.successRate)} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${p.lastFailure ? cell(lastFailure(p)) : '–'} |`,
    ),
  ];
}

function lastFailure(p: ProviderHealth): string {
  return p.lastFailureAt === undefined ? (p.lastFailure ?? '') : `${p.lastFailure} at ${new Date(p.lastFailureAt).toISOString().slice(11, 19)}`;
}

function ms(value: number | undefined): string {
  return value === undefined ? '–' : `${Math.round(value)} ms`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function decisionMarkdown(decision: Decision): string {
  return ['# Last routing decision', '', '```text', formatDecision(decision), '```', ''].join('\n');
}
