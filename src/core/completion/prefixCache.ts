/**
 * The type-through cache: when the user types exactly what the ghost text shows, the rest of it is still
 * the answer, so it is shown again at once instead of asking the model anew (which would also flicker).
 *
 * One remembered completion per document (the latest), in an LRU bounded by `maxEntries`, expiring after
 * `ttlMs` (the code around it may have changed in ways the prefix does not show, such as the suffix).
 * Memory stays bounded however large the file: of the prefix only its last `maxPrefixChars` characters
 * are kept verbatim, the rest as its length and a hash.
 */
import { systemClock } from '../routing/clock';
import { LruCache } from '../routing/lruCache';
import type { Clock } from '../routing/routingTypes';

export interface TypeThroughCacheOptions {
  /** Documents remembered at most (default 50). */
  readonly maxEntries?: number;
  /** How long a completion stays usable (default 5 minutes). */
  readonly ttlMs?: number;
  /** Characters of the prefix kept verbatim (default 2,000). */
  readonly maxPrefixChars?: number;
  readonly clock?: Clock;
}

interface Remembered {
  /** Length of the whole prefix. */
  readonly length: number;
  /** Its last characters, verbatim. */
  readonly tail: string;
  /** Hash of the rest (the characters before `tail`). */
  readonly headHash: string;
  readonly completion: string;
}

export class TypeThroughCache {
  private readonly entries: LruCache<Remembered>;
  private readonly maxPrefixChars: number;

  constructor(options: TypeThroughCacheOptions = {}) {
    this.entries = new LruCache<Remembered>({
      maxEntries: options.maxEntries ?? 50,
      ttlMs: options.ttlMs ?? 5 * 60_000,
      clock: options.clock ?? systemClock,
    });
    this.maxPrefixChars = Math.max(1, Math.floor(options.maxPrefixChars ?? 2000));
  }

  /**
   * Remembers that `completion` was shown with `prefixBeforeCursor` before the cursor in document `docKey`
   * (its URI, plus its version if edits elsewhere should invalidate it). Replaces what the document had.
   * An empty completion is not remembered (and forgets the document's previous one).
   */
  remember(docKey: string, prefixBeforeCursor: string, completion: string): void {
    if (completion.length === 0) {
      this.entries.delete(docKey);
      return;
    }
    const tailStart = Math.max(0, prefixBeforeCursor.length - this.maxPrefixChars);
    this.entries.set(docKey, {
      length: prefixBeforeCursor.length,
      tail: prefixBeforeCursor.slice(tailStart),
      headHash: hash(prefixBeforeCursor, tailStart),
      completion,
    });
  }

  /**
   * The rest of the remembered completion when `newPrefixBeforeCursor` is the remembered prefix plus text the
   * user typed that the completion starts with (the whole completion when nothing was typed); undefined when
   * the typing diverged, the completion was typed in full, or the cursor moved back or elsewhere.
   */
  lookup(docKey: string, newPrefixBeforeCursor: string): string | undefined {
    const entry = this.entries.get(docKey);
    if (!entry || newPrefixBeforeCursor.length < entry.length) return undefined;
    const tailStart = entry.length - entry.tail.length;
    if (newPrefixBeforeCursor.slice(tailStart, entry.length) !== entry.tail) return undefined;
    const typed = newPrefixBeforeCursor.slice(entry.length);
    if (typed.length >= entry.completion.length || !entry.completion.startsWith(typed)) return undefined;
    if (hash(newPrefixBeforeCursor, tailStart) !== entry.headHash) return undefined;
    return entry.completion.slice(typed.length);
  }

  /** Forgets a document (closed, or edited in a way the prefix would not show). */
  forget(docKey: string): void {
    this.entries.delete(docKey);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Documents remembered (expired ones not counted). */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * cyrb53 (two 32-bit multiplicative hashes, 53 bits together) of `text.slice(0, end)`, without copying it.
 * Not cryptographic: it only has to tell a changed head of the file from an unchanged one.
 */
function hash(text: string, end: number): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${end}:${(h2 >>> 0).toString(16)}:${(h1 >>> 0).toString(16)}`;
}
