import { withoutTrailingSlash } from '../../web/urls';
import type { RoutingSettings } from '../settings';
import { DEFAULT_HUB_URL, DEFAULT_ROUTER_URL } from '../settings';
import { watchForDone } from './sseDone';

/**
 * `@huggingface/inference` has its hosts as constants (no setting, no env var), so the one
 * supported override is its `fetch` option: this fetch rewrites the Hub and router origins to
 * the configured base URLs (a mirror, a proxy or a local server) and leaves every other URL alone.
 */
function rewriteHfUrl(url: string, settings: Pick<RoutingSettings, 'hubUrl' | 'routerUrl'>): string {
  return rewriteOrigin(rewriteOrigin(url, DEFAULT_ROUTER_URL, settings.routerUrl), DEFAULT_HUB_URL, settings.hubUrl);
}

function rewriteOrigin(url: string, from: string, to: string): string {
  if (!to || to === from) return url;
  if (url !== from && !url.startsWith(`${from}/`) && !url.startsWith(`${from}?`)) return url;
  return withoutTrailingSlash(to) + url.slice(from.length);
}

/** What the last response looked like, for what the client does not surface (Retry-After, the end of a stream). */
export interface ResponseProbe {
  status?: number;
  retryAfter?: string | null;
  /** An event stream carried its `data: [DONE]` line. */
  sawDone?: boolean;
}

export interface FetchOptions {
  /** Attached to requests the client sends without one (the client's Hub mapping lookup has none). */
  readonly signal?: AbortSignal;
  /** Filled in from every response. */
  readonly probe?: ResponseProbe;
}

export function originRewritingFetch(
  settings: () => Pick<RoutingSettings, 'hubUrl' | 'routerUrl'>,
  base: typeof fetch = globalThis.fetch,
  options: FetchOptions = {},
): typeof fetch {
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const rewritten = rewriteHfUrl(url, settings());
    const withSignal = options.signal && !init?.signal ? { ...init, signal: options.signal } : init;
    const response = await base(input instanceof Request && rewritten === url ? input : rewritten, withSignal);
    const probe = options.probe;
    if (!probe) return response;
    probe.status = response.status;
    probe.retryAfter = response.headers.get('retry-after');
    probe.sawDone = false;
    return watchForDone(response, () => (probe.sawDone = true));
  };
  return wrapped as typeof fetch;
}
