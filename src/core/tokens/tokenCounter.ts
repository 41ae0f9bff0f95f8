/**
 * Token counts with a model's own tokenizer: its `tokenizer.json` is read from a disk cache or fetched from
 * the Hub once, then counted with a real tokenizer library (injected: the glue passes the lazy chunk's
 * createTokenizer). Until the tokenizer is loaded, and for models without one (no tokenizer.json, a gated
 * repo, offline), the count is an estimate (4 characters a token, rounded up) and says so (`exact: false`);
 * the log says once per model why it counts by estimate.
 *
 * Plain TypeScript, no `vscode`. Memory stays bounded: at most `maxLoaded` tokenizers are kept (least
 * recently used goes first; the disk cache brings it back quickly).
 */

/** What the counter needs of a tokenizer: the number of tokens of a text, special tokens not added. */
export interface CountingTokenizer {
  count(text: string): number;
}

export interface TokenCount {
  readonly tokens: number;
  /** True when the model's own tokenizer counted; false for the estimate. */
  readonly exact: boolean;
}

/** Where fetched tokenizer.json files are kept between sessions (a folder of the extension's global storage). */
export interface TokenizerCache {
  read(key: string): Promise<string | undefined>;
  write(key: string, text: string): Promise<void>;
}

export interface TokenCounterDeps {
  /** The model's tokenizer.json from the Hub; undefined when the repo has none (404). Throws on any other failure. */
  fetchTokenizerJson(modelId: string, signal: AbortSignal): Promise<string | undefined>;
  readonly cache: TokenizerCache;
  createTokenizer(json: string, configJson?: string): CountingTokenizer;
  log(line: string): void;
  readonly now?: () => number;
  /** Tokenizers kept loaded at once. Default 4. */
  readonly maxLoaded?: number;
  /** How long a failed load (offline, gated, no tokenizer.json) is remembered before trying again. Default 10 minutes. */
  readonly retryAfterMs?: number;
}

export type TokenizerStatus = 'loaded' | 'loading' | 'unavailable' | 'unknown';

const DEFAULT_MAX_LOADED = 4;
const DEFAULT_RETRY_AFTER_MS = 10 * 60_000;
/** A Hub model id: `name` or `owner/name` (letters, digits, `-`, `_`, `.`), no `..`. */
const MODEL_ID = /^(?:[\w.-]+\/)?[\w.-]+$/;

/** The estimate used without a tokenizer: 4 characters a token, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The repo id of a routed model id: `org/model:provider` and `org/model:fastest` name `org/model`. */
export function baseModelId(modelId: string): string {
  const trimmed = modelId.trim();
  const colon = trimmed.indexOf(':');
  return colon < 0 ? trimmed : trimmed.slice(0, colon);
}

function isHubModelId(id: string): boolean {
  return MODEL_ID.test(id) && !id.split('/').some((part) => part === '.' || part === '..');
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class TokenCounter {
  /** Loaded tokenizers, least recently used first (a Map keeps insertion order). */
  private readonly loaded = new Map<string, CountingTokenizer>();
  private readonly loading = new Map<string, Promise<CountingTokenizer | undefined>>();
  private readonly failed = new Map<string, { readonly until: number; readonly why: string }>();
  /** The last reason logged per model, so a repeated failure is not logged again. */
  private readonly logged = new Map<string, string>();
  private readonly controller = new AbortController();
  private readonly now: () => number;
  private readonly maxLoaded: number;
  private readonly retryAfterMs: number;

  constructor(private readonly deps: TokenCounterDeps) {
    this.now = deps.now ?? Date.now;
    this.maxLoaded = Math.max(1, deps.maxLoaded ?? DEFAULT_MAX_LOADED);
    this.retryAfterMs = deps.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  }

  /**
   * The count now: exact when the model's tokenizer is loaded, else the estimate, and the tokenizer starts
   * loading in the background (once per model; a failure is remembered for `retryAfterMs`).
   */
  count(modelId: string, text: string): TokenCount {
    const id = baseModelId(modelId);
    const tokenizer = this.use(id);
    if (tokenizer) return this.exactOrEstimate(id, tokenizer, text);
    const starting = !this.loading.has(id);
    void this.load(id);
    if (starting && this.loading.has(id)) this.deps.log(`counting tokens for ${id} by estimate while its tokenizer loads`);
    return { tokens: estimateTokens(text), exact: false };
  }

  /** The count once the model's tokenizer has loaded (or failed to: then the estimate). */
  async countExact(modelId: string, text: string): Promise<TokenCount> {
    const id = baseModelId(modelId);
    const tokenizer = this.use(id) ?? (await this.load(id));
    return tokenizer ? this.exactOrEstimate(id, tokenizer, text) : { tokens: estimateTokens(text), exact: false };
  }

  /** Loads the model's tokenizer if it is not loaded (or known to be unavailable); true when it is ready. */
  async prepare(modelId: string): Promise<boolean> {
    const id = baseModelId(modelId);
    return (this.use(id) ?? (await this.load(id))) !== undefined;
  }

  status(modelId: string): TokenizerStatus {
    const id = baseModelId(modelId);
    if (this.loaded.has(id)) return 'loaded';
    if (this.loading.has(id)) return 'loading';
    const failure = this.failed.get(id);
    return failure && this.now() < failure.until ? 'unavailable' : 'unknown';
  }

  /** Forgets remembered failures (after a sign-in, a gated repo may now answer). Loaded tokenizers stay. */
  forgetFailures(): void {
    this.failed.clear();
  }

  /** Stops loads under way and drops every tokenizer. */
  dispose(): void {
    this.controller.abort();
    this.loaded.clear();
  }

  private use(id: string): CountingTokenizer | undefined {
    const tokenizer = this.loaded.get(id);
    if (tokenizer) {
      this.loaded.delete(id);
      this.loaded.set(id, tokenizer);
    }
    return tokenizer;
  }

  private exactOrEstimate(id: string, tokenizer: CountingTokenizer, text: string): TokenCount {
    try {
      return { tokens: tokenizer.count(text), exact: true };
    } catch (err) {
      // A tokenizer that throws on some text is not trusted again until the retry period passes.
      this.loaded.delete(id);
      this.fail(id, `its tokenizer failed on a text (${messageOf(err)})`);
      return { tokens: estimateTokens(text), exact: false };
    }
  }

  private load(id: string): Promise<CountingTokenizer | undefined> {
    const running = this.loading.get(id);
    if (running) return running;
    if (this.controller.signal.aborted) return Promise.resolve(undefined);
    if (!isHubModelId(id)) {
      this.fail(id, 'it is not a Hugging Face model id');
      return Promise.resolve(undefined);
    }
    const failure = this.failed.get(id);
    if (failure && this.now() < failure.until) return Promise.resolve(undefined);
    this.failed.delete(id);
    const promise = this.read(id).then(
      (tokenizer) => {
        this.loading.delete(id);
        if (!tokenizer) return undefined;
        if (this.controller.signal.aborted) return undefined;
        this.loaded.set(id, tokenizer);
        while (this.loaded.size > this.maxLoaded) this.loaded.delete(this.loaded.keys().next().value as string);
        this.logged.delete(id);
        return tokenizer;
      },
      (err: unknown) => {
        this.loading.delete(id);
        this.fail(id, messageOf(err));
        return undefined;
      },
    );
    this.loading.set(id, promise);
    return promise;
  }

  /** The tokenizer from the disk cache, else from the Hub (then cached); undefined after logging why not. */
  private async read(id: string): Promise<CountingTokenizer | undefined> {
    const cached = await this.deps.cache.read(id).catch(() => undefined);
    if (cached !== undefined) {
      try {
        const tokenizer = this.deps.createTokenizer(cached);
        this.deps.log(`counting tokens for ${id} with its tokenizer (from the disk cache)`);
        return tokenizer;
      } catch (err) {
        this.deps.log(`tokenizer of ${id}: the cached tokenizer.json could not be read (${messageOf(err)}); fetching it again`);
      }
    }
    const json = await this.deps.fetchTokenizerJson(id, this.controller.signal);
    if (json === undefined) {
      this.fail(id, 'the model has no tokenizer.json on the Hub');
      return undefined;
    }
    let tokenizer: CountingTokenizer;
    try {
      tokenizer = this.deps.createTokenizer(json);
    } catch (err) {
      this.fail(id, `its tokenizer.json could not be read (${messageOf(err)})`);
      return undefined;
    }
    await this.deps.cache.write(id, json).catch((err: unknown) => this.deps.log(`tokenizer of ${id}: could not be cached on disk (${messageOf(err)})`));
    this.deps.log(`counting tokens for ${id} with its tokenizer (fetched from the Hub)`);
    return tokenizer;
  }

  private fail(id: string, why: string): void {
    this.failed.set(id, { until: this.now() + this.retryAfterMs, why });
    if (this.logged.get(id) === why) return;
    this.logged.set(id, why);
    this.deps.log(`counting tokens for ${id} by estimate: ${why}`);
  }
}

/**
 * The model whose tokenizer counts for a choice of models (the Auto chat model: the model it would pick
 * first, then the ones after it): the first whose tokenizer is not known to be unavailable, else the first.
 */
export function pickTokenizerModel(counter: Pick<TokenCounter, 'status'>, candidates: readonly string[]): string | undefined {
  return candidates.find((id) => counter.status(id) !== 'unavailable') ?? candidates[0];
}
