/**
 * The Space commands' Hub access: one HubService per extension context (the same guarded fetch, approved hosts and
 * token as the Hub view), and the runtime routes' call context from it.
 */
import type { Ctx } from '../ctx';
import { HubService } from '../hub/hubService';

const services = new WeakMap<Ctx, HubService>();

export function spaceHub(ctx: Ctx): HubService {
  let hub = services.get(ctx);
  if (!hub) {
    const created = new HubService({
      hubUrl: () => ctx.config.routingSettings().hubUrl,
      datasetsServerUrl: () => ctx.config.routingSettings().datasetsServerUrl,
      getToken: () => ctx.tokens.hfToken(),
      checkTokenDestination: ctx.checkTokenDestination,
      log: (line) => ctx.log.info(line),
    });
    ctx.extensionContext.subscriptions.push({ dispose: () => created.dispose() });
    services.set(ctx, created);
    hub = created;
  }
  return hub;
}
