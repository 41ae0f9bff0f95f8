/**
 * Async memo with a time-to-live and in-flight de-duplication: while a load for a key is running,
 * every caller for that key shares its promise, so typing fast or switching tabs never sends the same
 * request twice. A failed load is dropped at once (a retry really retries); a successful one is kept
 * for `ttlMs`. Bounded: the least recently used key goes first.
 */

interface Entry<V> {
  readonly promise: Promise<V>;
  /** Infinity while loading; set when the load settles successfully. */
  expiresAt: number;
}

export interface TtlCacheOptions {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly now: () => number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly options: TtlCacheOptions) {}

  /** The cached or in-flight value for `key`, or the result of `load()` (started only when needed). */
  get(key: string, load: () => Promise<V>, opts: { fresh?: boolean } = {}): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && !opts.fresh && hit.expiresAt > this.options.now()) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used goes last
      return hit.promise;
    }
    const entry: Entry<V> = { promise: load(), expiresAt: Infinity };
    this.entries.set(key, entry);
    this.evict();
    entry.promise.then(
      () => {
        entry.expiresAt = this.options.now() + this.options.ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.promise;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}
