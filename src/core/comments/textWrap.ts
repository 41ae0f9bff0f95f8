/**
 * Joining comment lines into prose and re-wrapping a translation onto lines, aware of scripts written
 * without spaces (Chinese, Japanese): those join without a space and may break between any two characters.
 * Widths are display columns: CJK and full-width characters count 2.
 */

const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;
const PUNCTUATION = /\p{P}/u;
const ONLY_OPENING = /^[\p{Ps}\p{Pi}]+$/u;

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function lastChar(s: string): string {
  const chars = [...s];
  return chars[chars.length - 1] ?? '';
}

/** Joins lines of one paragraph: a space between words, nothing between two CJK characters. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') out = line;
    else out += NO_SPACE_SCRIPT.test(lastChar(out)) && NO_SPACE_SCRIPT.test([...line][0]) ? line : ` ${line}`;
  }
  return out;
}

/** A piece that is never broken; `glue` means it follows the previous piece without a space. */
interface Unit {
  readonly text: string;
  readonly glue: boolean;
}

/** Words, with CJK runs split into single characters (punctuation stays with the character before it). */
function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let current = '';
    let glue = false;
    for (const ch of word) {
      const breakBefore =
        current !== '' &&
        !ONLY_OPENING.test(current) &&
        (NO_SPACE_SCRIPT.test(ch) || (NO_SPACE_SCRIPT.test(lastChar(current)) && !PUNCTUATION.test(ch)));
      if (breakBefore) {
        units.push({ text: current, glue });
        glue = true;
        current = ch;
      } else current += ch;
    }
    if (current !== '') units.push({ text: current, glue });
  }
  return units;
}

function greedy(units: readonly Unit[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const u of units) {
    const w = displayWidth(u.text);
    const sep = line === '' || u.glue ? '' : ' ';
    if (line !== '' && lineWidth + sep.length + w > width) {
      lines.push(line);
      line = u.text;
      lineWidth = w;
    } else {
      line += sep + u.text;
      lineWidth += sep.length + w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Narrowest width at which greedy wrapping needs at most `lines` lines. */
function narrowestWidth(units: readonly Unit[], lines: number): number {
  let lo = Math.max(1, ...units.map((u) => displayWidth(u.text)));
  let hi = Math.max(lo, displayWidth(greedy(units, Infinity)[0] ?? ''));
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (greedy(units, mid).length <= lines) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How much wider than the original a line may get to keep the original number of lines. */
const KEEP_LINES_SLACK = 1.2;
/** Narrow originals (a few words per line) are wrapped at least this wide: their breaks were not about width. */
const MIN_WIDTH = 20;

/**
 * Wraps `text` for a paragraph that had `lines` lines at most `width` columns wide. The original number of
 * lines is kept, with balanced (even) lines, when that needs between half and 120 % of the original width;
 * a much shorter text takes fewer lines and a much longer one more lines, at the original width. A one-line
 * paragraph stays one line.
 */
export function wrapText(text: string, lines: number, width: number): string[] {
  const units = toUnits(text);
  if (units.length === 0) return [];
  if (lines <= 1) return greedy(units, Infinity);
  const limit = Math.max(width, MIN_WIDTH);
  const balanced = narrowestWidth(units, lines);
  if (balanced >= limit / 2 && balanced <= limit * KEEP_LINES_SLACK) return greedy(units, balanced);
  return greedy(units, limit);
}
