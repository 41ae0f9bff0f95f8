/**
 * A model's tokenizer.json from the Hub (`{hubUrl}/{model}/resolve/main/tokenizer.json`), through
 * @huggingface/hub's downloadFile, for the token counter (core/tokens/tokenCounter.ts). The token goes only
 * where the token may go (credentialGuardedFetch), and only to the Hub's origin (sameOriginFetch). Plain
 * TypeScript, no `vscode`.
 */
import { credentialGuardedFetch, hfTokenCheck, type TokenApprovals } from '../core/trust/credentialHosts';
import { isHfToken } from '../core/trust/hfToken';
import { withoutTrailingSlash } from '../core/web/urls';
import { loadHubLibrary } from '../lazyChunks';
import { sameOriginFetch } from './hubErrors';

export interface TokenizerFileOptions {
  readonly hubUrl: () => string;
  /** The Hugging Face token, or undefined to ask anonymously (a gated repo then has no tokenizer for us). */
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  /** Runs before a request that carries the token; throws to stop it. Default: Hugging Face's own hosts only. */
  readonly checkTokenDestination?: (url: URL) => Promise<void>;
  /** Per-download timeout. Default 60 s. */
  readonly timeoutMs?: number;
  /** A larger tokenizer.json is not downloaded. Default 64 MB (Llama 3's is 9 MB, Gemma 3's 33 MB). */
  readonly maxBytes?: number;
}

const NO_APPROVALS: TokenApprovals = { isApproved: () => false, requestApproval: async () => false };
const MB = 1024 * 1024;

/** `fetchTokenizerJson(modelId, signal)`: the file's text, undefined when the repo has none (404 EntryNotFound). */
export function tokenizerJsonFetcher(options: TokenizerFileOptions): (modelId: string, signal: AbortSignal) => Promise<string | undefined> {
  const guarded = credentialGuardedFetch(
    options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    options.checkTokenDestination ?? hfTokenCheck(NO_APPROVALS),
  );
  const maxBytes = options.maxBytes ?? 64 * MB;
  return async (modelId, signal) => {
    const hubUrl = withoutTrailingSlash(options.hubUrl());
    const token = await options.getToken();
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
    const both = AbortSignal.any([signal, timeout]);
    const withSignal = ((input: string | URL | Request, init?: RequestInit) => guarded(input, { ...init, signal: both })) as typeof fetch;
    const blob = await loadHubLibrary().downloadFile({
      hubUrl,
      fetch: sameOriginFetch(withSignal, new URL(hubUrl).origin),
      ...(isHfToken(token) ? { accessToken: token } : {}),
      repo: { type: 'model', name: modelId },
      path: 'tokenizer.json',
      xet: false,
    });
    if (!blob) return undefined;
    if (blob.size > maxBytes) {
      throw new Error(`its tokenizer.json is ${(blob.size / MB).toFixed(1)} MB, more than the ${(maxBytes / MB).toFixed(0)} MB read`);
    }
    return blob.text();
  };
}
