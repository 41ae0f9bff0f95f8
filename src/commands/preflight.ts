/**
 * Checks an action makes before any request, so a request that cannot succeed is never sent.
 * Pure: the command runner feeds them the selection, the settings, the token state and the quota.
 */
import { quotaExceededMessage, type QuotaUsage } from '../core/routing/quota';
import type { RoutingSettings } from '../core/routing/settings';
import type { TaskKind } from '../core/tasks/taskTypes';
import {
  noTokenMessage,
  plainMessage,
  QUOTA_SETTING_ID,
  quotaExhaustedMessage,
  selectionTooLongMessage,
  type UserMessage,
} from '../ui/messages';

export function checkSelection(text: string, maxChars: number): UserMessage | undefined {
  if (text.trim() === '') return plainMessage('Select some text first, or put the cursor in a comment, a paragraph or a line with text.');
  if (text.length > maxChars) return selectionTooLongMessage(text.length, maxChars);
  return undefined;
}

/**
 * Whether `task` can only be served by Hugging Face (so it needs a token). A configured
 * OpenAI-compatible endpoint for the task needs none, unless the policy ignores endpoints.
 */
export function needsHfToken(task: TaskKind, settings: Pick<RoutingSettings, 'policy' | 'endpoints'>): boolean {
  if (settings.policy === 'huggingFaceOnly') return true;
  return !settings.endpoints.some((e) => !e.tasks || e.tasks.includes(task));
}

export function quotaExhausted(usage: QuotaUsage): boolean {
  return usage.limit > 0 && usage.used >= usage.limit;
}

export interface PreflightInput {
  readonly task: TaskKind;
  readonly settings: Pick<RoutingSettings, 'policy' | 'endpoints'>;
  readonly hasToken: boolean;
  readonly usage: QuotaUsage;
  /** An on-device model may answer (no token, no quota needed); the router falls back to remote models otherwise. */
  readonly localMayServe?: boolean;
}

/** Why the request must not be sent, or undefined when it may. */
export function preflight(input: PreflightInput): UserMessage | undefined {
  const hfOnly = needsHfToken(input.task, input.settings) && !input.localMayServe;
  if (hfOnly && !input.hasToken) return noTokenMessage();
  if (hfOnly && quotaExhausted(input.usage)) return quotaExhaustedMessage(quotaExceededMessage(input.usage, QUOTA_SETTING_ID));
  return undefined;
}
