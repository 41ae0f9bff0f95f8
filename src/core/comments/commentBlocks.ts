/**
 * The comments of a text as a reader sees them: a block comment or docstring, a run of whole-line comments with
 * the same marker at the same indentation (one comment, however many lines), or a comment trailing code on its
 * line. Built on commentSpans.ts; used for "the comment under the cursor" and for translating only the comments
 * of a selection. Pure.
 */
import { findCommentSpans, type CommentFinder, type CommentSpan, type SpanOptions } from './commentSpans';

export interface CommentBlock {
  readonly start: number;
  readonly end: number;
  /** 'trailing': after code on its line; 'lines': whole-line comments (one or more); 'block': a block comment; 'string': a string literal. */
  readonly kind: 'block' | 'lines' | 'trailing' | 'string';
}

export interface BlockOptions extends SpanOptions {
  /** Finds the spans (TextMate grammars) instead of the comment-syntax table, where it can. */
  readonly finder?: CommentFinder;
}

export function commentBlocks(text: string, languageId: string, options: BlockOptions = {}): CommentBlock[] {
  return blocksOfSpans(text, findCommentSpans(text, languageId, options, options.finder));
}

/** The blocks of `text` given its comment spans (in order). */
export function blocksOfSpans(text: string, spans: readonly CommentSpan[]): CommentBlock[] {
  const blocks: CommentBlock[] = [];
  let run: { start: number; end: number; marker: string; indent: number; line: number } | undefined;
  const flush = (): void => {
    if (run) blocks.push({ start: run.start, end: run.end, kind: 'lines' });
    run = undefined;
  };
  const starts = lineStarts(text);
  for (const span of spans) {
    if (span.kind === 'string') {
      flush();
      blocks.push({ start: span.start, end: span.end, kind: 'string' });
      continue;
    }
    const lineNumber = lineIndex(starts, span.start);
    const lineStart = starts[lineNumber];
    const alone = text.slice(lineStart, span.start).trim() === '';
    if (span.kind === 'block' || !alone) {
      flush();
      blocks.push({ start: span.start, end: span.end, kind: span.kind === 'block' ? 'block' : 'trailing' });
      continue;
    }
    const indent = span.start - lineStart;
    if (run && run.marker === span.marker && run.indent === indent && run.line === lineNumber - 1 && onlySpaceBetween(text, run.end, lineStart)) {
      run = { ...run, end: span.end, line: lineNumber };
    } else {
      flush();
      run = { start: span.start, end: span.end, marker: span.marker, indent, line: lineNumber };
    }
  }
  flush();
  return blocks;
}

/** True when only the line break separates the two offsets. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  return /^(\r\n|[\n\r\u2028\u2029])$/.test(text.slice(from, to));
}

/** The offset each line starts at. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|[\n\r\u2028\u2029]/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The index of the line holding `offset`. */
export function lineIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
