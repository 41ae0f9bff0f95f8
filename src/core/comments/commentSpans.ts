/**
 * Where the comments of a text are, by a small lexer over the comment-syntax table (commentSyntax.ts): line
 * comments, block comments (docstrings among them) and string literals, so that a marker inside a string
 * ("http://…", '#') is not taken for a comment. Pure and linear in the text's length.
 */
import { commentSyntax, type BlockSyntax } from './commentSyntax';

export interface CommentSpan {
  /** Offset of the comment's first marker character. */
  readonly start: number;
  /** Offset just after the comment (a line comment ends before its line break). */
  readonly end: number;
  /** 'string': a string literal, quotes included (only with `strings: true`). */
  readonly kind: 'line' | 'block' | 'string';
  /** The opening marker ("//", "#", "/*", '"""'; a string's opening quote). */
  readonly marker: string;
  /** A block comment's closing marker ("*\/", '"""'), when the finder knows it (TextMate spans: see tokenSpans.ts). */
  readonly close?: string;
}

/**
 * Where the comments of a text are, by some other means than the table below (TextMate grammars: see
 * editor/textMateFinder.ts). Undefined: it cannot tell (no grammar, over its time budget); the table lexer answers.
 */
export interface CommentFinder {
  findSpans(text: string, languageId: string, options: SpanOptions): CommentSpan[] | undefined;
}

/** The finder's spans, or the table lexer's when there is no finder or it cannot tell. */
export function findCommentSpans(text: string, languageId: string, options: SpanOptions = {}, finder?: CommentFinder): CommentSpan[] {
  return finder?.findSpans(text, languageId, options) ?? commentSpans(text, languageId, options);
}

export interface SpanOptions {
  /** Also report string literals (Translate Selection's `huggingFace.translate.includeStrings`). */
  readonly strings?: boolean;
}

/** The comment spans of `text` in `languageId`, in order. An unclosed block comment runs to the end. */
export function commentSpans(text: string, languageId: string, options: SpanOptions = {}): CommentSpan[] {
  const syntax = commentSyntax(languageId);
  const blocks = [...syntax.blocks].sort((a, b) => b.open.length - a.open.length);
  const lines = [...syntax.line].sort((a, b) => b.length - a.length);
  const spans: CommentSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const block = blocks.find((b) => text.startsWith(b.open, i));
    if (block) {
      const end = blockEnd(text, i + block.open.length, block);
      spans.push({ start: i, end, kind: 'block', marker: block.open });
      i = end;
      continue;
    }
    const line = lines.find((m) => text.startsWith(m, i));
    if (line) {
      const end = lineEnd(text, i);
      spans.push({ start: i, end, kind: 'line', marker: line });
      i = end;
      continue;
    }
    const quote = syntax.quotes.find((q) => text.startsWith(q, i));
    if (quote) {
      const end = stringEnd(text, i + quote.length, quote, syntax.quoteEscape);
      if (options.strings) spans.push({ start: i, end, kind: 'string', marker: quote });
      i = end;
      continue;
    }
    i++;
  }
  return spans;
}

function blockEnd(text: string, from: number, block: BlockSyntax): number {
  let best = -1;
  let bestLength = 0;
  for (const close of block.close) {
    const at = text.indexOf(close, from);
    if (at >= 0 && (best < 0 || at < best)) {
      best = at;
      bestLength = close.length;
    }
  }
  return best < 0 ? text.length : best + bestLength;
}

function lineEnd(text: string, from: number): number {
  const m = /[\r\n\u2028\u2029]/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/** After the literal that starts at `from` (just past its opening quote); a literal ends at its line's end at the latest, except backtick templates. */
function stringEnd(text: string, from: number, quote: string, escape: 'backslash' | 'double'): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (escape === 'backslash' && c === '\\') {
      i += 2;
      continue;
    }
    if (text.startsWith(quote, i)) {
      if (escape === 'double' && text.startsWith(quote, i + quote.length)) {
        i += 2 * quote.length;
        continue;
      }
      return i + quote.length;
    }
    if ((c === '\n' || c === '\r') && quote !== '`') return i;
    i++;
  }
  return text.length;
}
