/**
 * Turning a model's raw fill-in-the-middle output into the ghost text to show.
 *
 * Models run on past the gap (into a new file, a new FIM prompt), write more lines than a ghost text
 * should hold, and often repeat what already follows the cursor: the `)` the editor auto-closed, the `}`
 * on the next line. Shown as is, accepting the suggestion would leave `foo(a, b))`. The steps here cut
 * those off, conservatively: text is only ever removed at the end of the completion, and only where it
 * duplicates the start of the text after the cursor.
 */

/** `text` up to the earliest occurrence of any stop sequence (empty stops are ignored). */
export function cutAtStop(text: string, stops: readonly string[]): string {
  let end = text.length;
  for (const stop of stops) {
    if (stop.length === 0) continue;
    const at = text.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end);
}

/** The first `maxLines` lines of `text` (at least one; '\r\n' counts as one break). */
export function limitLines(text: string, maxLines: number): string {
  const keep = Math.max(1, Math.floor(maxLines));
  let end = -1;
  for (let i = 0; i < keep; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, text[end - 1] === '\r' ? end - 1 : end);
}

/** What may follow the cursor on its line for a multi-line completion: closers, quotes, `;` and `,` only. */
const CLOSERS_ONLY = /^[\s)\]}>'"`;,]*$/;
/** A line that opens a block or an expression the next lines continue. */
const BLOCK_OPENER = /(?:[{([:]|=>|\b(?:do|then|else|begin))$/;

/**
 * Whether to ask for (and show) several lines at the cursor. Multi-line only when the rest of the line after
 * the cursor is empty or only closing brackets/quotes/semicolons, and the text before the cursor on its line
 * is blank (a fresh line in a body) or ends with a block opener (`{`, `(`, `[`, `:`, `=>`, `do`, `then`…).
 * Anywhere else the model completes the current line only: a multi-line suggestion in the middle of a line
 * would push the rest of that line down.
 */
export function wantsMultiline(linePrefix: string, lineSuffix: string): boolean {
  if (!CLOSERS_ONLY.test(lineSuffix)) return false;
  const before = linePrefix.trimEnd();
  return before === '' || BLOCK_OPENER.test(before);
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
/** How much of the text after the cursor is looked at for an overlap. */
const OVERLAP_WINDOW = 1000;

/**
 * `completion` without the end that duplicates the start of `textAfterCursor`: `foo(a, b))` before `)`
 * gives `foo(a, b)`; `return x;\n}` before `\n}` gives `return x;`; a completion equal to what follows
 * gives ''. Whitespace is not compared (the model's indentation may differ). The longest overlap wins,
 * and one is only taken when
 *  - removing it leaves the completion's own brackets balanced: a `)` that closes a `(` of the completion is
 *    not the auto-closed one (`foo(a, b)` before `)` stays as is);
 *  - if it holds letters or digits, it reaches the end of a line of the text after the cursor or is the whole
 *    completion (a duplicated line), and matches with spaces where they are: a completion ending in `a` is
 *    not cut because the next text starts `a + b`.
 * When the text after the cursor starts with whitespace, the whitespace left before the overlap goes too.
 */
export function trimOverlap(completion: string, textAfterCursor: string): string {
  const after = textAfterCursor.slice(0, OVERLAP_WINDOW);
  const c = nonWhitespace(completion);
  const a = nonWhitespace(after);
  const matched = matchedOpeners(completion);
  for (let k = Math.min(c.chars.length, a.chars.length); k > 0; k--) {
    const overlap = a.chars.slice(0, k);
    if (!c.chars.endsWith(overlap)) continue;
    const cut = c.at[c.chars.length - k];
    if (!keepsBracketsBalanced(completion, cut, matched)) continue;
    if (/\w/.test(overlap) && !wordOverlapOk(completion, cut, after, a.at[k - 1] + 1)) continue;
    const kept = completion.slice(0, cut);
    return /^\s/.test(after) ? kept.trimEnd() : kept;
  }
  return completion;
}

/** The non-whitespace characters of `text` and where each one is. */
function nonWhitespace(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    chars += text[i];
    at.push(i);
  }
  return { chars, at };
}

/** For each closer of `text` that closes an opener of `text`: that opener's index. */
function matchedOpeners(text: string): Map<number, number> {
  const stack: number[] = [];
  const matched = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS[ch]) {
      stack.push(i);
    } else if (CLOSERS.has(ch)) {
      const top = stack[stack.length - 1];
      if (top !== undefined && OPENERS[text[top]] === ch) {
        stack.pop();
        matched.set(i, top);
      }
    }
  }
  return matched;
}

/** True when no closer at or after `cut` closes an opener before it. */
function keepsBracketsBalanced(text: string, cut: number, matched: Map<number, number>): boolean {
  for (let i = cut; i < text.length; i++) {
    const opener = matched.get(i);
    if (opener !== undefined && opener < cut) return false;
  }
  return true;
}

/** The stricter test for an overlap with words in it (see trimOverlap). `afterEnd` is where it ends in `after`. */
function wordOverlapOk(completion: string, cut: number, after: string, afterEnd: number): boolean {
  const wholeCompletion = completion.slice(0, cut).trim() === '';
  const lineEnd = after.indexOf('\n', afterEnd);
  const endsLine = after.slice(afterEnd, lineEnd < 0 ? after.length : lineEnd).trim() === '';
  if (!wholeCompletion && !endsLine) return false;
  const squash = (s: string): string => s.trim().replace(/\s+/g, ' ');
  return squash(completion.slice(cut)) === squash(after.slice(0, afterEnd));
}

export interface CleanCompletionInput {
  /** The model's output as received. */
  readonly raw: string;
  /** The template's stop sequences (and any extra). */
  readonly stops: readonly string[];
  /** The most lines a multi-line completion keeps. */
  readonly maxLines: number;
  /** What wantsMultiline said for this position: false keeps the first line only. */
  readonly multiline: boolean;
  /** The rest of the cursor's line after the cursor. */
  readonly lineSuffix: string;
  /** Everything after the cursor (or a good part of it); defaults to `lineSuffix`. */
  readonly textAfterCursor?: string;
}

/**
 * The ghost text for a raw model output: cut at the stops, limited to one line (or `maxLines`), stripped of
 * what duplicates the text after the cursor; '' when nothing but whitespace is left (show nothing).
 *
 * When the first line of a multi-line completion already ends with the rest of the current line (the model
 * closed the `)` that is there), only that first line is kept: its further lines would belong after the
 * rest of the line, which an insert at the cursor cannot put there.
 * When the rest of the line is blank, trailing whitespace is dropped (it would only push the next line down).
 */
export function cleanCompletion(input: CleanCompletionInput): string {
  const after = input.textAfterCursor ?? input.lineSuffix;
  let text = limitLines(cutAtStop(input.raw, input.stops), input.multiline ? input.maxLines : 1);
  const newline = text.indexOf('\n');
  if (newline >= 0) {
    const first = text.slice(0, newline).replace(/\r$/, '');
    const firstTrimmed = trimOverlap(first, input.lineSuffix);
    text = firstTrimmed !== first ? firstTrimmed : trimOverlap(text, after);
  } else {
    text = trimOverlap(text, input.lineSuffix);
  }
  if (input.lineSuffix.trim() === '') text = text.trimEnd();
  return text.trim() === '' ? '' : text;
}
