/**
 * Creates the router the commands and the Hub's "Try it" share, wired to the extension's settings,
 * secrets, persisted quota, log and status bar. Part of the actions chunk (src/actions.ts): the routing
 * core is loaded when the first request needs it, not at activation.
 */
import { accountKey } from './core/trust/accountKey';
import { join } from 'node:path';
import type { TokenStore } from './auth/tokenStore';
import type { Config } from './config';
import { formatDecision } from './core/routing/decision';
import { Router, type LocalProviderDeps } from './core/routing/router';
import { systemClock } from './core/routing/clock';
import { defaultChainModels } from './core/routing/modelCatalog';
import { ModelAvailability } from './core/routing/modelAvailability';
import { providerLookup } from './hub/modelProviders';
import { createHfTransport } from './core/routing/transport/hfTransport';
import type { QuotaUsage } from './core/routing/quota';
import type { Log } from './log';
import type { PersistentState } from './persistentState';
import { notifyQuotaCrossing } from './statusBar';

interface RouterHost {
  readonly config: Config;
  readonly tokens: TokenStore;
  readonly state: PersistentState;
  /**
   * The extension's global storage directory (context.globalStorageUri.fsPath), shared by all windows:
   * the monthly quota keeps its ledger there so every window counts into one total. Without it the quota
   * counts in globalState, exact within one window only.
   */
  readonly globalStorageDir?: string;
  readonly log: Log;
  /** Throws unless the Hugging Face token may go to `url` (asks the user for a new origin). */
  checkTokenDestination(url: URL): Promise<void>;
  /** Shows the month's usage in the status bar. */
  showUsage(usage: QuotaUsage): void;
  /** The on-device provider (src/local/localModels.ts). */
  readonly local?: LocalProviderDeps;
}

/** After the router is created, the default chains' models are looked up on the Hub (in the background). */
const WARM_DELAY_MS = 3000;

export function createRouter(host: RouterHost): Router {
  const store = host.state.quotaStore();
  const availability = new ModelAvailability({
    lookup: providerLookup({ hubUrl: () => host.config.routingSettings().hubUrl }),
    hub: () => host.config.routingSettings().hubUrl,
    store,
    clock: systemClock,
    log: (line) => host.log.info(line),
  });
  const warm = setTimeout(() => availability.warm(defaultChainModels()), WARM_DELAY_MS);
  warm.unref?.();
  const router = new Router({
    availability,
    ...(host.local ? { local: host.local } : {}),
    settings: host.config.routingSettings(),
    transport: createHfTransport({
      settings: () => host.config.routingSettings(),
      // Only a Hugging Face token (what hasToken() counts as signed in) is sent.
      getToken: () => host.tokens.hfToken(),
      checkTokenDestination: host.checkTokenDestination,
      // A key goes only to the origin it was saved for (TokenStore.endpointKey throws otherwise).
      getEndpointKey: async (id) => {
        const endpoint = host.config.routingSettings().endpoints.find((e) => e.id === id);
        return endpoint ? host.tokens.endpointKey(id, endpoint.baseUrl) : undefined;
      },
    }),
    store,
    accountKey: async () => accountKey(await host.tokens.hfToken()),
    quotaDir: host.globalStorageDir === undefined ? undefined : join(host.globalStorageDir, 'quota'),
    log: (line) => host.log.info(line),
    onQuotaCrossing: (threshold, usage) => {
      notifyQuotaCrossing(threshold, usage);
      host.showUsage(usage);
    },
  });
  router.onDidDecide((decision) => {
    host.log.info(formatDecision(decision));
    host.showUsage(router.quotaUsage());
  });
  host.showUsage(router.quotaUsage());
  return router;
}
