/**
 * What an action works on when nothing is selected, as editors' own commands do (copy a line with an empty
 * selection): the comment under the cursor in code, the paragraph under it in prose, else the cursor's line.
 * Pure: offsets into the document's text.
 */
import { commentBlocks } from './commentBlocks';
import { isProseLanguage } from './commentSyntax';

export type UnderCursorKind = 'comment' | 'paragraph' | 'line';

export interface UnderCursor {
  readonly start: number;
  readonly end: number;
  readonly kind: UnderCursorKind;
}


interface Line {
  readonly start: number;
  /** Before the line break. */
  readonly end: number;
}

/** The range under `offset` in `text`, or undefined when the cursor is on a blank line (nothing to act on). */
export function textUnderCursor(text: string, offset: number, languageId: string): UnderCursor | undefined {
  const lines = linesOf(text);
  const index = lineIndexAt(lines, offset);
  const line = lines[index];
  if (isBlank(text, line)) return undefined;
  if (isProseLanguage(languageId)) return paragraph(text, lines, index, languageId === 'markdown');
  return comment(text, lines, index, offset, languageId) ?? trimmed(text, line.start, line.end, 'line');
}

function comment(text: string, lines: readonly Line[], index: number, offset: number, languageId: string): UnderCursor | undefined {
  const line = lines[index];
  const blocks = commentBlocks(text, languageId);
  // The cursor in a comment, or anywhere on a line that holds only a comment (in its indentation, say).
  const content = firstNonSpace(text, line);
  const block = blocks.find((b) => b.start <= offset && offset <= b.end) ?? blocks.find((b) => b.kind !== 'trailing' && b.start <= content && content < b.end);
  return block && { start: block.start, end: block.end, kind: 'comment' };
}

function paragraph(text: string, lines: readonly Line[], index: number, markdown: boolean): UnderCursor {
  // In Markdown a heading, a fence or a list item is a block of its own line's start; a paragraph stops there.
  const boundary = (at: number): boolean => markdown && /^\s{0,3}(#{1,6}\s|```|~~~|[-*+]\s|\d+[.)]\s|>)/.test(text.slice(lines[at].start, lines[at].end));
  const inBlock = (at: number): boolean => !isBlank(text, lines[at]);
  let first = index;
  if (!boundary(index)) while (first > 0 && inBlock(first - 1) && !boundary(first - 1)) first--;
  let last = index;
  while (last + 1 < lines.length && inBlock(last + 1) && !boundary(last + 1)) last++;
  if (markdown && /^\s{0,3}#{1,6}\s/.test(text.slice(lines[index].start, lines[index].end))) last = index;
  return trimmed(text, lines[first].start, lines[last].end, 'paragraph');
}

function trimmed(text: string, start: number, end: number, kind: UnderCursorKind): UnderCursor {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e, kind };
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|[\n\r\u2028\u2029]/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function firstNonSpace(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function isBlank(text: string, line: Line): boolean {
  return firstNonSpace(text, line) === line.end;
}
