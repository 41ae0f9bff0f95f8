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
    call(candidate: Candidate, request: TaskRequest, options: CallOptions): Promise<TaskResult> {
      return withAttempt(deps, candidate, options.signal, (a) =>
        callTask(
          { client: a.client(), candidate, provider: a.provider, signal: a.signal, onToken: options.onToken, onToolCalls: options.onToolCalls, touch: a.touch, sawDone: a.sawDone },
          request,
        ),
      );
    },
  };
}

/** What one attempt of a candidate works with (withAttempt). */
export interface Attempt {
  readonly token: string | undefined;
  /** An OpenAI-compatible endpoint's base URL; undefined for Hugging Face. */
  readonly endpointUrl: string | undefined;
  readonly provider: string | undefined;
  /** The network without the Hugging Face host rewriting (for the user's own endpoints). */
  readonly network: typeof fetch;
  /** The attempt's signal: the caller's cancel and the idle timeout. */
  readonly signal: AbortSignal;
  readonly target: string;
  /** `@huggingface/inference` for this attempt: configured hosts, token guard, timeout, no client-side retries. */
  client(): InstanceType<ReturnType<typeof loadInferenceLibrary>['InferenceClient']>;
  touch(): void;
  sawDone(): boolean;
}

/**
 * One attempt of one candidate, shared by the task transport and the text completion: access (token or endpoint
 * key), the attempt's timeout, and every failure normalised to a CallFailure with the secrets redacted.
 */
export async function withAttempt<T>(deps: HfTransportDeps, candidate: Candidate, outer: AbortSignal | undefined, work: (attempt: Attempt) => Promise<T>): Promise<T> {
  const settings = deps.settings();
  const attempt = new AttemptSignal(outer, settings.requestTimeoutMs);
  const probe: ResponseProbe = {};
  const secrets: (string | undefined)[] = [];
  const target = describeCandidate(candidate);
  try {
    const { token, endpointUrl, provider } = await resolveAccess(candidate, settings, deps);
    secrets.push(token);
    const network = deps.fetch ?? globalThis.fetch;
    return await work({
      token,
      endpointUrl,
      provider,
      network,
      signal: attempt.signal,
      target,
      client: () => {
        // The token check sees each request where it really goes: after the configured hosts replaced the constants.
        const base = candidate.provider.kind === 'hf' ? credentialGuardedFetch(network, deps.checkTokenDestination ?? OFFICIAL_HOSTS_ONLY) : network;
        const fetchImpl = originRewritingFetch(deps.settings, base, { signal: attempt.signal, probe });
        return new (loadInferenceLibrary().InferenceClient)(token ?? '', { fetch: fetchImpl, retry_on_error: false, ...(endpointUrl ? { endpointUrl } : {}) });
      },
      touch: () => attempt.touch(),
      sawDone: () => probe.sawDone === true,
    });
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
}

/** Without a way to ask the user, the token goes to Hugging Face's own hosts only. */
const OFFICIAL_HOSTS_ONLY = hfTokenCheck({ isApproved: () => false, requestApproval: async () => false });

function describeCandidate(candidate: Candidate): string {
  const p = candidate.provider;
  const where = p.kind === 'hf' ? p.provider : p.kind === 'local' ? 'this machine' : `endpoint "${p.endpointId}"`;
  return `${candidate.model} via ${where}`;
}

interface Access {
  readonly token: string | undefined;
  readonly endpointUrl?: string;
  readonly provider: string | undefined;
}

async function resolveAccess(candidate: Candidate, settings: RoutingSettings, deps: HfTransportDeps): Promise<Access> {
  if (candidate.provider.kind === 'local') throw new CallFailure('config', `${candidate.model} runs on this machine, not over the network.`);
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
