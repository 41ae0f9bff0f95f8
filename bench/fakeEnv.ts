/**
 * The routing core and the raw client wired to the fake Hugging Face server the same way, so a
 * side-by-side comparison differs only in the layer being measured.
 */
import { InferenceClient } from '@huggingface/inference';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/core/routing/clock';
import { originRewritingFetch } from '../src/core/routing/transport/hfFetch';
import { Router } from '../src/core/routing/router';
import { DEFAULT_SETTINGS, type RoutingSettings } from '../src/core/routing/settings';
import { createHfTransport } from '../src/core/routing/transport/hfTransport';
import type { Clock, KeyValueStore } from '../src/core/routing/routingTypes';
import { approving } from '../test/unit/support/tokenChecks';

/** The URLs of a running fake (passed to the memory child process as JSON). */
export interface FakeUrls {
  readonly hubUrl: string;
  readonly routerUrl: string;
  readonly datasetsServerUrl: string;
}

/** Settings pointing at the fake; the rate limit and the quota are out of the way unless a section sets them. */
export function benchSettings(fake: FakeUrls, overrides: Partial<RoutingSettings> = {}): RoutingSettings {
  return {
    ...DEFAULT_SETTINGS,
    hubUrl: fake.hubUrl,
    routerUrl: fake.routerUrl,
    datasetsServerUrl: fake.datasetsServerUrl,
    requestsPerMinute: 1_000_000,
    monthlyQuota: 1_000_000_000,
    ...overrides,
  };
}

/** globalState stand-in. */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, structuredClone(value));
  }
}

export function makeRouter(settings: RoutingSettings, token: string, fetchImpl?: typeof fetch): Router {
  return new Router({
    settings,
    transport: createHfTransport({
      settings: () => settings,
      getToken: async () => token,
      getEndpointKey: async () => undefined,
      checkTokenDestination: approving(settings.hubUrl, settings.routerUrl),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    }),
    store: new MemoryStore(),
  });
}

/** The baseline: one InferenceClient with the same origin-rewriting fetch the transport uses, nothing else. */
export function makeRawClient(settings: RoutingSettings, token: string, fetchImpl: typeof fetch = globalThis.fetch): InferenceClient {
  return new InferenceClient(token, { fetch: originRewritingFetch(() => settings, fetchImpl), retry_on_error: false });
}

/** Sub-millisecond time for the limiter, so the sliding-window check is not blurred by Date.now()'s rounding. */
export const preciseClock: Clock = {
  now: () => performance.now(),
  monotonicNow: () => performance.now(),
  sleep: (ms, signal) => systemClock.sleep(ms, signal),
};
