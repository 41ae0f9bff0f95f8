/**
 * The Hub URL, token and fetch for one @huggingface/hub call from the glue (hf:// files, deploy): the configured Hub
 * URL, the token only when one is set, and a fetch that checks where the token may go (a modal for a new host).
 */
import type { Ctx } from './ctx';
import { credentialGuardedFetch } from './core/trust/credentialHosts';
import { isHfToken } from './core/trust/hfToken';
import type { HubCallContext } from './hubfs/hubRepoFs';

export type { HubCallContext } from './hubfs/hubRepoFs';

export function hubCallContext(ctx: Ctx): () => Promise<HubCallContext> {
  const guarded = credentialGuardedFetch((input, init) => globalThis.fetch(input, init), ctx.checkTokenDestination);
  return async () => {
    const token = await ctx.tokens.hfToken();
    return { hubUrl: ctx.config.routingSettings().hubUrl.replace(/\/+$/, ''), fetch: guarded, ...(isHfToken(token) ? { accessToken: token } : {}) };
  };
}
