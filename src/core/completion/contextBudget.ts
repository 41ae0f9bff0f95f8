/**
 * Fitting the text around the cursor into a model's context budget.
 *
 * What matters most for a completion is what is nearest the cursor, so the prefix is cut at its start and
 * the suffix at its end, always at line boundaries; the cursor's own line (the partial last line of the
 * prefix, the partial first line of the suffix) is always kept whole, even when it alone is over budget.
 * The prefix gets `prefixShare` of the budget and the suffix the rest, and what one side leaves unused
 * goes to the other.
 *
 * This runs on every keystroke (after the debounce) on files of thousands of lines, with a token counter
 * that may be a real tokenizer, so it never counts line by line over the whole file: it counts a window
 * that doubles from a generous guess until it is over budget, then binary-searches the number of lines
 * inside it, O(log n) calls to `countTokens` on whole slices. It assumes that more text never counts as
 * fewer tokens.
 */

// The one estimate (4 characters a token), kept with the tokenizer-based counter.
export { estimateTokens } from '../tokens/tokenCounter';

export interface FitContextInput {
  /** The text before the cursor. */
  readonly prefix: string;
  /** The text after the cursor. */
  readonly suffix: string;
  /** The budget for prefix and suffix together. */
  readonly maxTokens: number;
  /** The model's token counter, or `estimateTokens`. */
  readonly countTokens: (text: string) => number;
  /** The prefix's part of the budget when both sides need more than they get (0..1, default 0.75). */
  readonly prefixShare?: number;
}

export interface FittedContext {
  readonly prefix: string;
  readonly suffix: string;
  readonly prefixTokens: number;
  readonly suffixTokens: number;
  /** Whether lines were dropped from the start of the prefix. */
  readonly truncatedPrefix: boolean;
  /** Whether lines were dropped from the end of the suffix. */
  readonly truncatedSuffix: boolean;
}

/** `prefix` and `suffix` cut to fit `maxTokens` together, keeping the lines nearest the cursor. */
export function fitContext(input: FitContextInput): FittedContext {
  const { prefix, suffix, countTokens } = input;
  const maxTokens = Math.max(0, Math.floor(input.maxTokens));
  const share = Math.min(1, Math.max(0, input.prefixShare ?? 0.75));
  const prefixAll = countTokens(prefix);
  const suffixAll = countTokens(suffix);
  if (prefixAll + suffixAll <= maxTokens) {
    return { prefix, suffix, prefixTokens: prefixAll, suffixTokens: suffixAll, truncatedPrefix: false, truncatedSuffix: false };
  }
  const prefixSide = side(prefix, 'prefix', prefixAll, countTokens);
  const suffixSide = side(suffix, 'suffix', suffixAll, countTokens);
  const prefixBudget = Math.floor(maxTokens * share);
  const suffixBudget = maxTokens - prefixBudget;
  let p: Fit;
  let s: Fit;
  if (prefixAll <= prefixBudget) {
    p = whole(prefixSide);
    s = fit(suffixSide, maxTokens - prefixAll);
  } else if (suffixAll <= suffixBudget) {
    s = whole(suffixSide);
    p = fit(prefixSide, maxTokens - suffixAll);
  } else {
    s = fit(suffixSide, suffixBudget);
    p = fit(prefixSide, maxTokens - s.tokens);
  }
  return {
    prefix: p.text,
    suffix: s.text,
    prefixTokens: p.tokens,
    suffixTokens: s.tokens,
    truncatedPrefix: p.text.length < prefix.length,
    truncatedSuffix: s.text.length < suffix.length,
  };
}

interface Fit {
  readonly text: string;
  readonly tokens: number;
}

/**
 * One side of the cursor, seen as "keep the `keep` characters nearest the cursor": the prefix keeps its
 * last `keep` characters, the suffix its first.
 */
interface Side {
  readonly length: number;
  /** The cursor's partial line: kept whatever the budget. */
  readonly minKeep: number;
  /** Tokens of the whole side (already counted). */
  readonly allTokens: number;
  readonly text: (keep: number) => string;
  /** Whether keeping `keep` characters cuts at a line boundary. */
  readonly aligned: (keep: number) => boolean;
  readonly count: (text: string) => number;
}

function side(text: string, which: 'prefix' | 'suffix', allTokens: number, count: (text: string) => number): Side {
  const length = text.length;
  if (which === 'prefix') {
    return {
      length,
      minKeep: length - (text.lastIndexOf('\n') + 1),
      allTokens,
      // Keep whole lines: start just after a line break (the break itself is not kept).
      text: (keep) => text.slice(length - keep),
      aligned: (keep) => keep === length || text[length - keep - 1] === '\n',
      count,
    };
  }
  const firstBreak = text.indexOf('\n');
  return {
    length,
    minKeep: firstBreak < 0 ? length : firstBreak,
    allTokens,
    // End just before a line break.
    text: (keep) => text.slice(0, keep),
    aligned: (keep) => keep === length || text[keep] === '\n',
    count,
  };
}

function whole(s: Side): Fit {
  return { text: s.text(s.length), tokens: s.allTokens };
}

/** The smallest aligned keep at or above `keep` (the whole side at most). */
function alignUp(s: Side, keep: number): number {
  let k = Math.max(s.minKeep, Math.min(s.length, keep));
  while (!s.aligned(k)) k++;
  return k;
}

/** The most of side `s` nearest the cursor, in whole lines, that counts at most `budget` tokens. */
function fit(s: Side, budget: number): Fit {
  if (s.allTokens <= budget) return whole(s);
  // `lo` fits (or is the minimum kept anyway), `hi` does not fit; both aligned.
  let lo = s.minKeep;
  let loTokens: number | undefined;
  let hi = s.length;
  // A window from a guess of 3 characters a token, doubling until it is over budget.
  let window = Math.max(64, budget * 3);
  for (;;) {
    const keep = alignUp(s, window);
    if (keep >= s.length) break;
    const tokens = s.count(s.text(keep));
    if (tokens > budget) {
      hi = keep;
      break;
    }
    lo = keep;
    loTokens = tokens;
    window *= 2;
  }
  // The aligned keeps strictly between lo and hi, nearest first.
  const candidates: number[] = [];
  for (let k = lo + 1; k < hi; k++) if (s.aligned(k)) candidates.push(k);
  let first = 0;
  let last = candidates.length - 1;
  while (first <= last) {
    const mid = (first + last) >> 1;
    const tokens = s.count(s.text(candidates[mid]));
    if (tokens <= budget) {
      lo = candidates[mid];
      loTokens = tokens;
      first = mid + 1;
    } else {
      last = mid - 1;
    }
  }
  const text = s.text(lo);
  return { text, tokens: loTokens ?? s.count(text) };
}
