/**
 * Token counts for the chat model provider (and, later, code completion's context budget): one TokenCounter
 * (core/tokens/tokenCounter.ts) per window, with the tokenizer.json files kept in the extension's global
 * storage (`<globalStorage>/tokenizers/<org>--<model>.json`), fetched through the Hub client
 * (hub/tokenizerFile.ts) and read by @huggingface/tokenizers (the dist/tokenizers.js chunk, loaded on the
 * first count). Part of the actions chunk: the provider creates it on its first provideTokenCount.
 *
 * A background count never asks the user anything: the token goes to Hugging Face's own hosts and to origins
 * already approved, and a Hub elsewhere is asked anonymously (a gated model is then counted by estimate).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ctx } from '../ctx';
import { AUTO_MODEL_ID } from '../core/routing/chatModelList';
import { GENERAL_CHAT_MODELS } from '../core/routing/modelCatalog';
import type { RoutingSettings } from '../core/routing/settings';
import { pickTokenizerModel, TokenCounter, type TokenCount, type TokenizerCache } from '../core/tokens/tokenCounter';
import { credentialDestination, hfTokenCheck } from '../core/trust/credentialHosts';
import { tokenizerJsonFetcher } from '../hub/tokenizerFile';
import { loadTokenizerLibrary } from '../lazyChunks';

export interface TokenCounting {
  /** Tokens of `text` for a chat model id (`org/model[:suffix]` or the Auto model). */
  count(modelId: string, text: string): TokenCount;
  countExact(modelId: string, text: string): Promise<TokenCount>;
  dispose(): void;
}

/** `org/model` → `org--model.json`; anything but letters, digits, `-`, `_` and `.` becomes `_`. */
export function cacheFileName(modelId: string): string {
  return `${modelId.replace(/\//g, '--').replace(/[^\w.-]/g, '_').replace(/^\.+/, '_')}.json`;
}

/** The folder's files, one per model; written to a temporary name first, so a reader never sees half a file. */
export function tokenizerDiskCache(dir: string): TokenizerCache {
  return {
    read: async (key) => {
      try {
        return await readFile(join(dir, cacheFileName(key)), 'utf8');
      } catch {
        return undefined;
      }
    },
    write: async (key, text) => {
      await mkdir(dir, { recursive: true });
      const file = join(dir, cacheFileName(key));
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, file);
    },
  };
}

/** The models whose tokenizer counts for Auto: the pinned chat model, then the chat models Auto falls back to. */
export function autoTokenizerCandidates(settings: Pick<RoutingSettings, 'pinnedModels'>): string[] {
  const pinned = settings.pinnedModels.chat?.trim();
  return [...new Set([...(pinned ? [pinned] : []), ...GENERAL_CHAT_MODELS])];
}

export function createTokenCounting(ctx: Ctx): TokenCounting {
  const hubUrl = (): string => ctx.config.routingSettings().hubUrl;
  const mayCarryToken = (url: URL): boolean => credentialDestination(url) === 'official' || ctx.tokenApprovals.isApproved(url.origin);
  const counter = new TokenCounter({
    fetchTokenizerJson: tokenizerJsonFetcher({
      hubUrl,
      getToken: async () => (mayCarryToken(new URL(hubUrl())) ? ctx.tokens.hfToken() : undefined),
      // Never a modal from a background count: what is not approved already is not asked about.
      checkTokenDestination: hfTokenCheck({ isApproved: (origin) => ctx.tokenApprovals.isApproved(origin), requestApproval: async () => false }),
    }),
    cache: tokenizerDiskCache(join(ctx.extensionContext.globalStorageUri.fsPath, 'tokenizers')),
    createTokenizer: (json, configJson) => loadTokenizerLibrary().createTokenizer(json, configJson),
    log: (line) => ctx.log.info(line),
  });
  // After a sign-in a gated model's tokenizer may be readable.
  const subscription = ctx.tokens.onDidChange(() => counter.forgetFailures());
  const modelFor = (modelId: string): string =>
    modelId === AUTO_MODEL_ID ? (pickTokenizerModel(counter, autoTokenizerCandidates(ctx.config.routingSettings())) ?? modelId) : modelId;
  return {
    count: (modelId, text) => counter.count(modelFor(modelId), text),
    countExact: (modelId, text) => counter.countExact(modelFor(modelId), text),
    dispose: () => {
      subscription.dispose();
      counter.dispose();
    },
  };
}

const shared = new WeakMap<Ctx, TokenCounting>();

/** The window's token counting (one tokenizer cache for the chat provider and ghost-text completion). */
export function tokenCountingOf(ctx: Ctx): TokenCounting {
  let counting = shared.get(ctx);
  if (!counting) {
    counting = createTokenCounting(ctx);
    shared.set(ctx, counting);
  }
  return counting;
}

