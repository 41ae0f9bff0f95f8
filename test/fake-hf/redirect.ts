// Test-only helper: a `fetch` that sends the real Hugging Face origins to the fake, for passing as the
// `fetch` option of the unmodified @huggingface/inference and @huggingface/hub clients.
// (The product has its own equivalent; this one exists so the fake's tests stay independent of it.)
import type { FakeUrls } from './controlApi';

export const HUB_ORIGIN = 'https://huggingface.co';
export const ROUTER_ORIGIN = 'https://router.huggingface.co';
export const DATASETS_SERVER_ORIGIN = 'https://datasets-server.huggingface.co';

/** Rewrites a URL whose origin is one of the real hosts; other URLs are returned unchanged. */
export function rewriteUrl(url: string, fake: Pick<FakeUrls, 'hubUrl' | 'routerUrl' | 'datasetsServerUrl'>): string {
  const pairs: [string, string][] = [
    [ROUTER_ORIGIN, fake.routerUrl],
    [DATASETS_SERVER_ORIGIN, fake.datasetsServerUrl],
    [HUB_ORIGIN, fake.hubUrl],
  ];
  for (const [real, local] of pairs) {
    if (url === real || url.startsWith(`${real}/`) || url.startsWith(`${real}?`)) return local + url.slice(real.length);
  }
  return url;
}

export function rewritingFetch(fake: Pick<FakeUrls, 'hubUrl' | 'routerUrl' | 'datasetsServerUrl'>): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const target = rewriteUrl(url, fake);
    if (typeof input === 'string' || input instanceof URL) return fetch(target, init);
    return fetch(new Request(target, input), init);
  };
}
