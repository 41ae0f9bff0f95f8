import { credentialGuardedFetch, hfTokenCheck } from '../../trust/credentialHosts';
import { ENDPOINTS_SETTING_ID, type RoutingSettings } from '../settings';
import { CallFailure, type CallOptions, type Candidate, type Transport } from '../routingTypes';
import type { TaskRequest, TaskResult } from '../../tasks/taskTypes';
import { originRewritingFetch, type ResponseProbe } from './hfFetch';
import { AttemptSignal } from './attemptSignal';
import { classifyError } from './classifyError';
import { callTask } from './taskCalls';
import { loadInferenceLibrary } from '../../../lazyChunks';

export interface HfTransportDeps {
  readonly settings: () => RoutingSettings;
  readonly getToken: () => Promise<string | undefined>;
  readonly getEndpointKey: (endpointId: string) => Promise<string | undefined>;
  /**
   * Runs before every request that carries the Hugging Face token (core/trust/credentialHosts.ts) and
   * throws to stop it. Default: Hugging Face's own hosts only.
   */
  readonly checkTokenDestination?: (url: URL) => Promise<void>;
  /** The network; tests and the benchmark may wrap it. */
  readonly fetch?: typeof fetch;
}

/**
 * Calls one candidate once through `@huggingface/inference`: the client does URLs, bodies, SSE
 * and response checks; this adds what the core owns: the configured hosts, the timeout,
 * no client-side 503 loop (`retry_on_error: false`: the router retries) and error normalisation.
 */
export function createHfTransport(deps: HfTransportDeps): Transport {
  return {
    async call(candidate: Candidate, request: TaskRequest, options: CallOptions): Promise<TaskResult> {
      const settings = deps.settings();
      const attempt = new AttemptSignal(options.signal, settings.requestTimeoutMs);
      const probe: ResponseProbe = {};
      const secrets: (string | undefined)[] = [];
      const target = describeCandidate(candidate);
      try {
        const { token, endpointUrl, provider } = await resolveAccess(candidate, settings, deps);
        secrets.push(token);
        // The token check sees each request where it really goes: after the configured hosts replaced the constants.
        const network = deps.fetch ?? globalThis.fetch;
        const base = candidate.provider.kind === 'hf' ? credentialGuardedFetch(network, deps.checkTokenDestination ?? OFFICIAL_HOSTS_ONLY) : network;
        const fetchImpl = originRewritingFetch(deps.settings, base, { signal: attempt.signal, probe });
        const client = new (loadInferenceLibrary().InferenceClient)(token ?? '', { fetch: fetchImpl, retry_on_error: false, ...(endpointUrl ? { endpointUrl } : {}) });
        return await callTask(
          { client, candidate, provider, signal: attempt.signal, onToken: options.onToken, onToolCalls: options.onToolCalls, touch: () => attempt.touch(), sawDone: () => probe.sawDone === true },
          request,
        );
      } catch (err) {
        throw classifyError(err, {
          abort: { cancelled: attempt.cancelled, timedOut: attempt.timedOut, timeoutMs: attempt.idleMs },
          retryAfterHeader: probe.retryAfter,
          nowMs: Date.now(),
          secrets,
          target,
        });
      } finally {
        attempt.dispose();
      }
    },
  };
}

/** Without a way to ask the user, the token goes to Hugging Face's own hosts only. */
export const OFFICIAL_HOSTS_ONLY = hfTokenCheck({ isApproved: () => false, requestApproval: async () => false });

export function describeCandidate(candidate: Candidate): string {
  const where = candidate.provider.kind === 'hf' ? candidate.provider.provider : `endpoint "${candidate.provider.endpointId}"`;
  return `${candidate.model} via ${where}`;
}

interface Access {
  readonly token: string | undefined;
  readonly endpointUrl?: string;
  readonly provider: string | undefined;
}

export async function resolveAccess(candidate: Candidate, settings: RoutingSettings, deps: HfTransportDeps): Promise<Access> {
  if (candidate.provider.kind === 'openai-compatible') {
    const id = candidate.provider.endpointId;
    const endpoint = settings.endpoints.find((e) => e.id === id);
    if (!endpoint) throw new CallFailure('config', `No endpoint "${id}" in setting ${ENDPOINTS_SETTING_ID}.`);
    return { token: await deps.getEndpointKey(id), endpointUrl: endpoint.baseUrl, provider: undefined };
  }
  const token = await deps.getToken();
  if (!token) {
    throw new CallFailure('config', 'No Hugging Face token. Run "Hugging Face: Sign In (Set Token)" or set HF_TOKEN.');
  }
  return { token, provider: candidate.provider.provider };
}
