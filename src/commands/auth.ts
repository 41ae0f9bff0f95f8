/**
 * Sign In / Sign Out and the API keys of OpenAI-compatible endpoints. A token is saved only after
 * the Hub confirmed whose it is; it is never shown, logged or written to settings.
 */
import { loadHubLibrary } from '../lazyChunks';
import * as vscode from 'vscode';
import { tokenShapeProblem, verifyToken } from '../auth/verifyToken';
import { credentialGuardedFetch } from '../core/trust/credentialHosts';
import { withoutTrailingSlash } from '../core/web/urls';
import { settingId } from '../configModel';
import type { Ctx, Invocation } from '../ctx';
import { plainMessage } from '../ui/messages';
import { inform, notify } from '../ui/notify';
import { argsObject, stringArg } from './args';

export interface SignInResult {
  readonly account?: string;
  /** Why nothing was saved (shown to the user too). */
  readonly message?: string;
}

export function signIn(ctx: Ctx) {
  return async (invocation: Invocation): Promise<SignInResult> => {
    const hubUrl = ctx.config.hubUrl;
    const token = stringArg(argsObject(invocation.args), 'token') ?? (await askToken(hubUrl));
    if (token === undefined) return {};
    const timeoutMs = ctx.config.routingSettings().requestTimeoutMs;
    const verification = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking the token with Hugging Face…' },
      () =>
        verifyToken(token, {
          hubUrl,
          // A Hub that never answers must not leave the sign-in hanging; the token goes only where it may.
          fetch: credentialGuardedFetch(
            (input, init) => globalThis.fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
            ctx.checkTokenDestination,
          ),
          whoAmI: (params) => loadHubLibrary().whoAmI(params),
        }),
    );
    if (!verification.ok) {
      ctx.log.warn(`Sign-in failed (${verification.reason}); nothing was saved.`);
      notify({ ...plainMessage(verification.message, 'error'), actions: verification.reason === 'unreachable' ? ['openSettings'] : [], setting: settingId('hubUrl') });
      return { message: verification.message };
    }
    await ctx.tokens.set(token.trim());
    ctx.log.info(`Signed in to ${hubUrl} as ${verification.account}.`);
    inform(`Signed in to Hugging Face as ${verification.account}`);
    return { account: verification.account };
  };
}

function askToken(hubUrl: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Hugging Face: Sign In',
    prompt: `Paste a Hugging Face access token (create one at ${withoutTrailingSlash(hubUrl)}/settings/tokens). It is kept in VS Code's secret storage.`,
    placeHolder: 'hf_…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => tokenShapeProblem(value, hubUrl),
  });
}

export function signOut(ctx: Ctx) {
  return async (): Promise<void> => {
    await ctx.tokens.clear();
    ctx.log.info('Signed out: the stored token was deleted.');
    const envToken = await ctx.tokens.hasToken();
    inform(
      envToken
        ? 'Signed out. The HF_TOKEN environment variable is still set, so requests keep using that token.'
        : 'Signed out of Hugging Face: the token was deleted from secret storage.',
    );
  };
}

export function setEndpointKey(ctx: Ctx) {
  return async (invocation: Invocation): Promise<void> => {
    const args = argsObject(invocation.args);
    const endpointId = stringArg(args, 'endpointId') ?? (await pickEndpoint(ctx));
    if (!endpointId) return;
    const endpoint = ctx.config.routingSettings().endpoints.find((e) => e.id === endpointId);
    if (!endpoint) {
      notify({ ...plainMessage(`No endpoint "${endpointId}" is configured in "${settingId('endpoints')}".`), actions: ['openSettings'], setting: settingId('endpoints') });
      return;
    }
    const key =
      stringArg(args, 'key') ??
      (await vscode.window.showInputBox({
        title: `API key for endpoint "${endpointId}"`,
        prompt: `Sent as "Authorization: Bearer <key>" to ${new URL(endpoint.baseUrl).origin} only (if the endpoint's URL changes, you are asked again). Leave empty to remove the stored key.`,
        password: true,
        ignoreFocusOut: true,
      }));
    if (key === undefined) return;
    await ctx.tokens.setEndpointKey(endpointId, key.trim(), endpoint.baseUrl);
    ctx.log.info(key.trim() === '' ? `API key of endpoint "${endpointId}" removed.` : `API key of endpoint "${endpointId}" saved.`);
    inform(key.trim() === '' ? `API key of endpoint "${endpointId}" removed.` : `API key of endpoint "${endpointId}" saved.`);
  };
}

async function pickEndpoint(ctx: Ctx): Promise<string | undefined> {
  const endpoints = ctx.config.routingSettings().endpoints;
  if (endpoints.length === 0) {
    notify({
      ...plainMessage(`No endpoints are configured. Add one to "${settingId('endpoints')}" first.`),
      actions: ['openSettings'],
      setting: settingId('endpoints'),
    });
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    endpoints.map((e) => ({ label: e.id, description: `${e.model} · ${e.baseUrl}` })),
    { title: 'Set API Key for an OpenAI-Compatible Endpoint', placeHolder: 'Which endpoint?' },
  );
  return picked?.label;
}

/** Lists the origins the token may go to besides Hugging Face's own, and forgets the ones the user picks. */
export function revokeTokenApprovals(ctx: Ctx) {
  return async (invocation: Invocation): Promise<readonly string[]> => {
    const approved = ctx.tokenApprovals.approved();
    if (approved.length === 0) {
      inform('Your Hugging Face token goes only to Hugging Face: no other host is approved.');
      return [];
    }
    const given = argsObject(invocation.args).origins;
    const origins = Array.isArray(given)
      ? given.filter((o): o is string => typeof o === 'string')
      : (
          await vscode.window.showQuickPick(
            approved.map((origin) => ({ label: origin, picked: false })),
            { title: 'Revoke Token Approvals', placeHolder: 'Hosts that receive your Hugging Face token: pick the ones to stop', canPickMany: true },
          )
        )?.map((p) => p.label);
    if (!origins || origins.length === 0) return [];
    await ctx.tokenApprovals.revoke(origins);
    ctx.log.info(`Token approvals revoked: ${origins.join(', ')}.`);
    inform(`Your Hugging Face token will no longer be sent to ${origins.map((o) => new URL(o).host).join(', ')} without asking.`);
    return origins;
  };
}
