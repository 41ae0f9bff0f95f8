/**
 * What a failed Space runtime call tells the user (no `vscode`): a read-only token (403) gets the Hub's message and
 * "your token can only read", a Space that is not there or not visible (404, 401) says so, anything else gets the
 * Hub's or the network's message, redacted.
 */
import { CredentialNotSentError } from '../core/trust/credentialHosts';
import { redactSecrets } from '../core/trust/redact';
import { HubError } from '../hub/hubErrors';
import { SpaceRouteError } from '../hub/spaceRuntimeApi';

export interface SpaceFailure {
  readonly kind: 'read-only' | 'not-visible' | 'signed-out' | 'other';
  readonly text: string;
}

/** `what`: the action as a verb phrase ("restart", "show the logs of"). */
export function spaceFailure(err: unknown, space: string, what: string, signedIn: boolean): SpaceFailure {
  if (err instanceof SpaceRouteError) {
    const hub = err.hubMessage ? redactSecrets(err.hubMessage).slice(0, 300) : '';
    if (err.status === 403) {
      return { kind: 'read-only', text: `Could not ${what} ${space}: ${hub ? `${hub.replace(/\.$/, '')}. ` : ''}Your token can only read; sign in with a token that has write access to ${space}.` };
    }
    if (err.status === 401 && !signedIn) return { kind: 'signed-out', text: `Sign in to Hugging Face to ${what} ${space}.` };
    if (err.status === 404 || err.status === 401) {
      return { kind: 'not-visible', text: `Could not ${what} ${space}: the Space does not exist or your token cannot see it${hub ? ` (${hub})` : ''}.` };
    }
    return { kind: 'other', text: `Could not ${what} ${space}: the Hub answered ${err.status}${hub ? ` (${hub})` : ''}.` };
  }
  if (err instanceof HubError || err instanceof CredentialNotSentError) return { kind: 'other', text: `Could not ${what} ${space}: ${err.message}` };
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'other', text: `Could not ${what} ${space}: ${redactSecrets(message).slice(0, 300)}` };
}

/** `owner/name` with the Hub's allowed characters. */
export function isSpaceId(text: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(text) && !text.includes('..');
}
