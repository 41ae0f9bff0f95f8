/**
 * Checks a token with the Hub before it is saved: who does it belong to, or why it cannot be used.
 * Pure: `whoAmI` (from @huggingface/hub) and `fetch` are passed in, so tests use fakes.
 */
import { withoutTrailingSlash } from '../core/web/urls';
import { redactSecrets } from '../core/trust/redact';
import { CredentialNotSentError } from '../core/trust/credentialHosts';
import { isHfToken } from '../core/trust/hfToken';
import { settingId } from '../core/routing/settings';

interface WhoAmIParams {
  readonly accessToken: string;
  readonly hubUrl: string;
  readonly fetch: typeof fetch;
}

export type WhoAmIFn = (params: WhoAmIParams) => Promise<{ readonly name: string }>;

type TokenVerification =
  | { readonly ok: true; readonly account: string }
  | { readonly ok: false; readonly reason: 'shape' | 'unauthorized' | 'unreachable' | 'not-sent' | 'other'; readonly message: string };

/** Why `token` cannot be a Hugging Face user token, or undefined when it looks like one. */
export function tokenShapeProblem(token: string, hubUrl: string): string | undefined {
  const t = token.trim();
  if (t === '') return 'Paste a Hugging Face access token.';
  if (!isHfToken(t) || t.length < 8 || /\s/.test(t)) {
    return `A Hugging Face token starts with "hf_". Create one at ${tokensPage(hubUrl)}.`;
  }
  return undefined;
}

export async function verifyToken(
  token: string,
  deps: { readonly whoAmI: WhoAmIFn; readonly hubUrl: string; readonly fetch: typeof fetch },
): Promise<TokenVerification> {
  const shape = tokenShapeProblem(token, deps.hubUrl);
  if (shape) return { ok: false, reason: 'shape', message: shape };
  try {
    const info = await deps.whoAmI({ accessToken: token.trim(), hubUrl: deps.hubUrl, fetch: deps.fetch });
    return { ok: true, account: info.name };
  } catch (err) {
    return describeFailure(err, token, deps.hubUrl);
  }
}

function describeFailure(err: unknown, token: string, hubUrl: string): TokenVerification {
  if (err instanceof CredentialNotSentError) return { ok: false, reason: 'not-sent', message: `${err.message} Nothing was saved.` };
  const status = statusOf(err);
  if (status === 401) {
    return {
      ok: false,
      reason: 'unauthorized',
      message: `Hugging Face rejected this token (401 Unauthorized); nothing was saved. Check or create a token at ${tokensPage(hubUrl)}.`,
    };
  }
  if (status === undefined && isNetworkError(err)) {
    return {
      ok: false,
      reason: 'unreachable',
      message:
        `Could not reach the Hugging Face Hub at ${hubUrl} to check the token, so it was not saved. ` +
        `Check the connection, or the "${settingId('hubUrl')}" setting.`,
    };
  }
  const detail = redactSecrets(err instanceof Error ? err.message : String(err), [token]);
  const prefix = status === undefined ? '' : `The Hub answered ${status}. `;
  return { ok: false, reason: 'other', message: `Could not verify the token; nothing was saved. ${prefix}${detail}`.trim() };
}

function statusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** fetch() rejects with a TypeError ("fetch failed") whose cause carries the socket error. */
function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return true;
  const cause = (err as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^(ECONN|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR)/.test(code)) return true;
  return err.name === 'TypeError' && /fetch failed|network/i.test(err.message);
}

function tokensPage(hubUrl: string): string {
  return `${withoutTrailingSlash(hubUrl)}/settings/tokens`;
}
