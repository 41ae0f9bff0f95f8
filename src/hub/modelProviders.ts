/**
 * The routing core's view of the Hub's inference-provider list: which providers serve a model
 * (modelInfo with `inferenceProviderMapping`, through @huggingface/hub). Anonymous on purpose: it needs no token,
 * so it never asks to send one anywhere. A model the Hub does not show anonymously (private, gated, unknown) or a
 * failed call is 'unknown', which the router treats as "try it".
 */
import type { AvailabilityLookup } from '../core/routing/modelAvailability';
import { withoutTrailingSlash } from '../core/web/urls';
import { loadHubLibrary } from '../lazyChunks';
import { sameOriginFetch } from './hubErrors';
import { providersOf } from './hubMapping';

export interface ProviderLookupOptions {
  readonly hubUrl: () => string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export function providerLookup(options: ProviderLookupOptions): AvailabilityLookup {
  return async (modelId) => {
    const hubUrl = withoutTrailingSlash(options.hubUrl());
    const base = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const timeoutMs = options.timeoutMs ?? 15_000;
    const timed = ((input: string | URL | Request, init?: RequestInit) => base(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as typeof fetch;
    try {
      const info = await loadHubLibrary().modelInfo({
        name: modelId,
        hubUrl,
        fetch: sameOriginFetch(timed, new URL(hubUrl).origin),
        additionalFields: ['inferenceProviderMapping'],
      });
      const mapping = (info as unknown as { inferenceProviderMapping?: unknown }).inferenceProviderMapping;
      // No list at all is not an empty list: without it nothing is known.
      return Array.isArray(mapping) ? providersOf(mapping) : 'unknown';
    } catch (err) {
      const status = (err as { statusCode?: unknown }).statusCode;
      if (status === 401 || status === 403 || status === 404) return 'unknown';
      throw err;
    }
  };
}
