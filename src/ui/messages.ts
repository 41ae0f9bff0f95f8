/**
 * Turns failures and refusals into messages a user can act on: what happened, what to do, and the
 * buttons that do it. Pure (no `vscode`): src/ui/notify.ts shows the result and runs the buttons.
 */
import { QUOTA_SETTING_ID, settingId } from '../core/routing/settings';
import { hostOf } from '../core/web/urls';
import { redactSecrets } from '../core/trust/redact';
import { CallFailure, type FailureKind } from '../core/routing/routingTypes';
import { RoutingError } from '../core/routing/routingError';

export type MessageAction = 'signIn' | 'openSettings' | 'showDecision' | 'retry';

export const ACTION_LABELS: Readonly<Record<MessageAction, string>> = {
  signIn: 'Sign In',
  openSettings: 'Open Settings',
  showDecision: 'Show Last Routing Decision',
  retry: 'Retry',
};

export interface UserMessage {
  readonly severity: 'error' | 'warning' | 'info';
  readonly text: string;
  readonly actions: readonly MessageAction[];
  /** The setting "Open Settings" shows (a settingId, e.g. QUOTA_SETTING_ID). */
  readonly setting?: string;
}

export interface MessageContext {
  readonly hasToken: boolean;
  readonly hubUrl: string;
  readonly routerUrl: string;
}

// The one id of the quota setting (the core's quota messages name it too), for the UI modules.
export { QUOTA_SETTING_ID };
export const MAX_SELECTION_SETTING_ID = settingId('maxSelectionChars');

/** The kind and a safe message of anything a routed call threw. */
export function callFailureOf(err: unknown): { kind: FailureKind; message: string } {
  if (err instanceof RoutingError) return { kind: err.failure.kind, message: err.message };
  if (err instanceof CallFailure) return { kind: err.kind, message: err.message };
  const text = err instanceof Error ? err.message : String(err);
  return { kind: 'server', message: `Unexpected error: ${redactSecrets(text)}` };
}

export function failureMessage(kind: FailureKind, message: string, ctx: MessageContext): UserMessage {
  const text = redactSecrets(message).trim();
  switch (kind) {
    case 'cancelled':
      return { severity: 'info', text: 'Cancelled.', actions: [] };
    case 'unauthorized':
      return {
        severity: 'error',
        text: `${mentions(text, '401', 'Hugging Face rejected the token (401 Unauthorized)')} Sign in again with a valid token.`,
        actions: ['signIn', 'showDecision'],
      };
    case 'forbidden':
      // 402 Payment Required: the account's Inference Providers credits are used up (not a permission problem).
      if (/\(402\)/.test(text)) {
        return {
          severity: 'error',
          text:
            `${text} Your Hugging Face account has used up its Inference Providers credits for this month (402 Payment Required). ` +
            `See your usage and add credits at ${hostOf(ctx.hubUrl)}/settings/billing; your own endpoints ("${settingId('endpoints')}") keep working.`,
          actions: ['openSettings', 'showDecision'],
          setting: settingId('endpoints'),
        };
      }
      return {
        severity: 'error',
        text: `${mentions(text, '403', 'The token is not allowed to do this (403 Forbidden)')} Use a token with permission to call Inference Providers.`,
        actions: ['signIn', 'showDecision'],
      };
    case 'config':
      return ctx.hasToken
        ? { severity: 'error', text, actions: ['openSettings', 'showDecision'], setting: settingId('endpoints') }
        : noTokenMessage();
    case 'quota-exceeded':
      return {
        severity: 'error',
        text: text.includes(QUOTA_SETTING_ID) ? text : `${text} Raise the "${QUOTA_SETTING_ID}" setting to continue.`,
        actions: ['openSettings'],
        setting: QUOTA_SETTING_ID,
      };
    case 'network':
      return {
        severity: 'error',
        text:
          `Could not reach ${hostOf(ctx.routerUrl)} (Hub: ${hostOf(ctx.hubUrl)}). ${text} ` +
          `Check the connection, or the "${settingId('routerUrl')}" and "${settingId('hubUrl')}" settings if you use a mirror or proxy.`,
        actions: ['retry', 'openSettings', 'showDecision'],
        setting: settingId('routerUrl'),
      };
    case 'timeout':
      return {
        severity: 'error',
        text: `${text} The time limit is set by "${settingId('requestTimeoutSeconds')}".`,
        actions: ['retry', 'openSettings', 'showDecision'],
        setting: settingId('requestTimeoutSeconds'),
      };
    case 'rate-limited':
    case 'loading':
      return { severity: 'warning', text: `${text} Try again in a moment.`, actions: ['retry', 'showDecision'] };
    case 'bad-request':
      return { severity: 'error', text, actions: ['showDecision'] };
    default:
      return { severity: 'error', text, actions: ['retry', 'showDecision'] };
  }
}

export function noTokenMessage(): UserMessage {
  return {
    severity: 'warning',
    text: 'No Hugging Face token. Sign in (or set the HF_TOKEN environment variable) to use Hugging Face models.',
    actions: ['signIn'],
  };
}

export function quotaExhaustedMessage(text: string): UserMessage {
  return failureMessage('quota-exceeded', text, { hasToken: true, hubUrl: '', routerUrl: '' });
}

export function selectionTooLongMessage(length: number, max: number): UserMessage {
  return {
    severity: 'warning',
    text: `The selection has ${length} characters; the limit is ${max}. Select less text, or raise "${MAX_SELECTION_SETTING_ID}".`,
    actions: ['openSettings'],
    setting: MAX_SELECTION_SETTING_ID,
  };
}

export function plainMessage(text: string, severity: UserMessage['severity'] = 'warning'): UserMessage {
  return { severity, text, actions: [] };
}

/** `text` as a sentence, led by `lead` unless it already names the status. */
function mentions(text: string, status: string, lead: string): string {
  const sentence = text === '' || /[.!?]$/.test(text) ? text : `${text}.`;
  if (text.includes(status)) return sentence;
  return sentence === '' ? `${lead}.` : `${lead}: ${sentence}`;
}
