/**
 * Hub access for the glue outside the Hub view: one Hub service per window (chat tools, `@hf /models`, the Space
 * commands) and the URL, token and fetch for one @huggingface/hub call (hf:// files, deploy): the configured Hub
 * URL, the token only when one is set, and a fetch that checks where the token may go (a modal for a new host).
 */
import type { Ctx } from './ctx';
import { credentialGuardedFetch } from './core/trust/credentialHosts';
import { isHfToken } from './core/trust/hfToken';
import type { HubCallContext } from './hubfs/hubRepoFs';
import type { HubService } from './hub/hubService';
import { loadHubBackend } from './lazyChunks';

export type { HubCallContext } from './hubfs/hubRepoFs';

export function hubCallContext(ctx: Ctx): () => Promise<HubCallContext> {
  const guarded = credentialGuardedFetch((input, init) => globalThis.fetch(input, init), ctx.checkTokenDestination);
  return async () => {
    const token = await ctx.tokens.hfToken();
    return { hubUrl: ctx.config.routingSettings().hubUrl.replace(/\/+$/, ''), fetch: guarded, ...(isHfToken(token) ? { accessToken: token } : {}) };
  };
}

const services = new WeakMap<Ctx, HubService>();

/** The window's Hub service, from the Hub view's chunk (the Hub client lives there: one copy, loaded on first use). */
export function hubService(ctx: Ctx): HubService {
  let service = services.get(ctx);
  if (!service) {
    const created = loadHubBackend().createHubService(ctx.hubViewDeps());
    ctx.extensionContext.subscriptions.push({ dispose: () => created.dispose() });
    services.set(ctx, created);
    service = created;
  }
  return service;
}
