/**
 * In-memory LRU cache with a time-to-live, for answering identical requests without a new call.
 * Expiry is checked on read (no timers); `size` also drops expired entries so health reports are honest.
 */
import type { Clock } from './routingTypes';

export interface LruCacheOptions {
  readonly maxEntries: number;
  /** How long an entry stays fresh; 0 disables caching (nothing is stored). */
  readonly ttlMs: number;
  readonly clock: Clock;
}

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

export class LruCache<V> {
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: Clock;
  /** Map iteration order is insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, Entry<V>>();

  constructor(options: LruCacheOptions) {
    this.maxEntries = Math.max(0, Math.floor(options.maxEntries));
    this.ttlMs = Math.max(0, options.ttlMs);
    this.clock = options.clock;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.clock.now()) return undefined;
    this.entries.set(key, entry); // re-insert: now the most recently used
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.ttlMs === 0 || this.maxEntries === 0) return;
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Fresh entries (expired ones are dropped first). */
  get size(): number {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
    return this.entries.size;
  }
}

/**
 * A stable string key for any JSON-like value: object keys are sorted at every depth, so
 * `{a, b}` and `{b, a}` give the same key. Follows JSON rules otherwise (undefined properties are
 * dropped, Dates use toJSON). Callers must not put secrets (the token) in the parts.
 */
export function cacheKey(parts: unknown): string {
  return JSON.stringify(parts, sortKeysReplacer) ?? 'undefined';
}

function sortKeysReplacer(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(source).sort()) sorted[k] = source[k];
  return sorted;
}
