/**
 * The translations hovers show: each distinct (comment prose, target language) costs one request, ever (until
 * evicted). Bounded by entries and by characters, shared across files. At most one request is in flight: a hover
 * over the same comment joins it; a hover over another comment aborts it (the mouse moved on). A hover that VS Code
 * cancels does not abort the request: its answer is kept for the next hover. Pure.
 */

export interface HoverTranslation {
  readonly text: string;
  /** The model that answered, for the hover's footer. */
  readonly model: string;
  /** The source language the request named (or 'auto'). */
  readonly sourceLang: string;
}

export type TranslateFn = (prose: string, sourceLang: string, targetLang: string, signal: AbortSignal) => Promise<HoverTranslation>;

export interface HoverTranslationsOptions {
  readonly translate: TranslateFn;
  readonly maxEntries?: number;
  /** Sum of the prose and translation lengths kept (about 2 bytes a character). */
  readonly maxChars?: number;
}

/** Why a hover's request ended without a translation because another hover took its place. */
export class SupersededError extends Error {
  constructor() {
    super('Another comment was hovered.');
    this.name = 'SupersededError';
  }
}

interface InFlight {
  readonly key: string;
  readonly controller: AbortController;
  readonly promise: Promise<HoverTranslation>;
}

export interface HoverTranslationStats {
  /** Requests started. */
  readonly requests: number;
  /** Hovers answered from the cache. */
  readonly hits: number;
  /** Hovers that joined the request in flight. */
  readonly joined: number;
  /** Requests aborted because another comment was hovered. */
  readonly superseded: number;
}

export class HoverTranslations {
  private readonly entries = new Map<string, HoverTranslation>();
  private chars = 0;
  private inFlight: InFlight | undefined;
  private counts = { requests: 0, hits: 0, joined: 0, superseded: 0 };
  private readonly maxEntries: number;
  private readonly maxChars: number;

  constructor(private readonly options: HoverTranslationsOptions) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 500);
    this.maxChars = Math.max(1, options.maxChars ?? 1_000_000);
  }

  get stats(): HoverTranslationStats {
    return { ...this.counts };
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached translation, without any request (and counted as a hit). */
  cached(prose: string, targetLang: string): HoverTranslation | undefined {
    const key = keyOf(prose, targetLang);
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit); // most recently used
    this.counts.hits++;
    return hit;
  }

  /** The translation: from the cache, the request in flight for the same text, or a new request. */
  translate(prose: string, sourceLang: string, targetLang: string): Promise<HoverTranslation> {
    const hit = this.cached(prose, targetLang);
    if (hit) return Promise.resolve(hit);
    const key = keyOf(prose, targetLang);
    if (this.inFlight?.key === key) {
      this.counts.joined++;
      return this.inFlight.promise;
    }
    if (this.inFlight) {
      this.inFlight.controller.abort(new SupersededError());
      this.counts.superseded++;
    }
    const controller = new AbortController();
    this.counts.requests++;
    const promise = this.options
      .translate(prose, sourceLang, targetLang, controller.signal)
      .then((translation) => {
        if (controller.signal.aborted) throw new SupersededError();
        this.store(key, translation);
        return translation;
      })
      .catch((err: unknown) => {
        throw controller.signal.aborted ? new SupersededError() : err;
      })
      .finally(() => {
        if (this.inFlight?.controller === controller) this.inFlight = undefined;
      });
    this.inFlight = { key, controller, promise };
    return promise;
  }

  /** Forgets every translation (another account, other settings) and aborts the request in flight. */
  clear(): void {
    this.inFlight?.controller.abort(new SupersededError());
    this.inFlight = undefined;
    this.entries.clear();
    this.chars = 0;
  }

  private store(key: string, translation: HoverTranslation): void {
    const size = key.length + translation.text.length;
    if (size > this.maxChars) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.chars -= key.length + old.text.length;
    }
    this.entries.set(key, translation);
    this.chars += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= k.length + v.text.length;
    }
  }
}

function keyOf(prose: string, targetLang: string): string {
  return `${targetLang}\u0000${prose}`;
}
