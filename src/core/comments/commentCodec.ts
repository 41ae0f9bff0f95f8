/**
 * Translating a code comment or string literal without breaking the code: the selection is split into its
 * syntax (indentation, comment markers, JSDoc stars, quotes) and its prose; only the prose goes to the
 * translator, and `rebuild` puts the translation back into the same syntax.
 *
 * Prose is one line per paragraph: the lines of a paragraph are joined into sentences, and paragraphs are
 * separated by "\n". A paragraph ends at a blank line, a marker-only line (`//`, ` *`), or before a list
 * item or doc tag (`- `, `1. `, `@param`). On rebuild each translated paragraph is re-wrapped onto the
 * original number of lines when it fits within 20 % of the original width, else at the original width.
 */
import { defuseBlockMarkers, splitLines } from './commentSafety';
import { commentSyntax, type BlockSyntax, type CommentSyntax } from './commentSyntax';
import { protectDocSyntax, type DocState } from './docSyntax';
import { displayWidth, joinLines, wrapText } from './textWrap';

export interface SplitComment {
  readonly kind: 'line' | 'block' | 'string';
  /** The text to translate. */
  readonly prose: string;
  /** The selection with its prose replaced by `translated` (the original text when `translated` is blank). */
  rebuild(translated: string): string;
}

/** One line of the selection: syntax before and after the prose. Blank and marker-only lines have no content. */
interface LayoutLine {
  readonly raw: string;
  readonly prefix: string;
  /** Prose of the line, unescaped for string literals. */
  readonly content: string;
  readonly suffix: string;
  /** Doc syntax at the start of the content (a tag, a section item) was moved into the prefix: a new paragraph starts here. */
  readonly breakBefore?: boolean;
}

interface Layout {
  readonly kind: SplitComment['kind'];
  readonly lines: readonly LayoutLine[];
  /** Makes translated prose safe inside the syntax (quote escaping for string literals). */
  readonly escape: (prose: string) => string;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

const verbatim = (raw: string): LayoutLine => ({ raw, prefix: raw, content: '', suffix: '' });
const unchanged = (s: string): string => s;

function leadingWhitespace(s: string): string {
  return /^[ \t]*/.exec(s)?.[0] ?? '';
}

/** First and last non-blank line. */
function bounds(lines: readonly string[]): Range | undefined {
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0) return undefined;
  let end = lines.length - 1;
  while (lines[end].trim() === '') end--;
  return { start, end };
}

/** Splits `rest` (a line without its prefix) into content and suffix, removing `close` at the end if given. */
function contentAndSuffix(rest: string, close?: string): { content: string; suffix: string } {
  const body = rest.trimEnd();
  const trailing = rest.slice(body.length);
  const before = close === undefined ? body : body.slice(0, body.length - close.length);
  const content = before.trimEnd();
  return { content, suffix: before.slice(content.length) + (close ?? '') + trailing };
}

function blockLine(raw: string, block: BlockSyntax, first: boolean, close: string | undefined): LayoutLine {
  const indent = leadingWhitespace(raw);
  let prefix = indent;
  let rest = raw.slice(indent.length);
  if (first) {
    prefix += block.open;
    rest = rest.slice(block.open.length);
    // JSDoc's "/**" (and "/***" banners): the extra stars belong to the marker.
    const stars = block.stars ? (/^\*+(?!\/)/.exec(rest)?.[0] ?? '') : '';
    prefix += stars;
    rest = rest.slice(stars.length);
  } else if (block.stars) {
    const star = /^\*(?!\/)/.exec(rest)?.[0] ?? '';
    prefix += star;
    rest = rest.slice(star.length);
  }
  const space = leadingWhitespace(rest);
  prefix += space;
  rest = rest.slice(space.length);
  return { raw, prefix, ...contentAndSuffix(rest, close) };
}

function parseBlock(lines: readonly string[], syntax: CommentSyntax): Layout | undefined {
  const range = bounds(lines);
  if (!range) return undefined;
  for (const block of syntax.blocks) {
    const indent = leadingWhitespace(lines[range.start]);
    if (!lines[range.start].slice(indent.length).startsWith(block.open)) continue;
    const close = block.close.find((c) => lines[range.end].trimEnd().endsWith(c));
    if (close === undefined) continue;
    const span = lines.slice(range.start, range.end + 1).join('\n').trimEnd();
    const innerStart = indent.length + block.open.length;
    const innerEnd = span.length - close.length;
    // One comment only: "/* a */ x = 1; /* b */" is code, not a comment.
    if (innerEnd < innerStart || block.close.some((c) => span.slice(innerStart, innerEnd).includes(c))) continue;
    const out = lines.map((raw, i) =>
      i < range.start || i > range.end
        ? verbatim(raw)
        : blockLine(raw, block, i === range.start, i === range.end ? close : undefined),
    );
    return { kind: 'block', lines: out, escape: (prose) => defuseBlockMarkers(prose, block) };
  }
  return undefined;
}

/** The marker a line starts with (after indentation), including repeats ("///", "##") and following spaces. */
function lineMarker(rest: string, markers: readonly string[]): string | undefined {
  // Word markers (REM) must be followed by a non-word character: "REMOVE" is not a comment.
  const marker = markers.find((m) => rest.startsWith(m) && !(/\w$/.test(m) && /^\w/.test(rest.slice(m.length))));
  // A shebang ("#!/bin/sh") is an interpreter line, not prose.
  if (marker === undefined || (marker === '#' && rest.startsWith('#!'))) return undefined;
  let end = marker.length;
  const repeat = marker[marker.length - 1];
  if (!/\w/.test(repeat)) while (rest[end] === repeat) end++;
  return rest.slice(0, end) + leadingWhitespace(rest.slice(end));
}

function parseLineComments(lines: readonly string[], syntax: CommentSyntax): Layout | undefined {
  if (syntax.line.length === 0 || !bounds(lines)) return undefined;
  const out: LayoutLine[] = [];
  for (const raw of lines) {
    if (raw.trim() === '') {
      out.push(verbatim(raw));
      continue;
    }
    const indent = leadingWhitespace(raw);
    const marker = lineMarker(raw.slice(indent.length), syntax.line);
    if (marker === undefined) return undefined;
    const prefix = indent + marker;
    out.push({ raw, prefix, ...contentAndSuffix(raw.slice(prefix.length)) });
  }
  return { kind: 'line', lines: out, escape: unchanged };
}

/** True when `inner` contains no unescaped `quote`, i.e. the selection is one literal, not `"a" + "b"`. */
function isSingleLiteral(inner: string, quote: string, doubled: boolean): boolean {
  for (let i = 0; i < inner.length; i++) {
    if (!doubled && inner[i] === '\\') i++;
    else if (inner[i] === quote) {
      if (!doubled || inner[i + 1] !== quote) return false;
      i++;
    }
  }
  return true;
}

/** Backslash-escapes every `quote` not already escaped. */
function escapeWithBackslash(text: string, quote: string): string {
  let out = '';
  let backslashes = 0;
  for (const ch of text) {
    if (ch === quote && backslashes % 2 === 0) out += '\\';
    out += ch;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return out;
}

function parseString(lines: readonly string[], syntax: CommentSyntax): Layout | undefined {
  const range = bounds(lines);
  if (!range) return undefined;
  const indent = leadingWhitespace(lines[range.start]);
  // Optional literal prefix: Python f"", r"", b""; C# @"", $"".
  const opening = /^([A-Za-z@$]{0,3})(["'`])/.exec(lines[range.start].slice(indent.length));
  if (!opening || !syntax.quotes.includes(opening[2])) return undefined;
  const quote = opening[2];
  if (range.start !== range.end && quote !== '`') return undefined; // only template literals span lines
  const span = lines.slice(range.start, range.end + 1).join('\n').trimEnd();
  const innerStart = indent.length + opening[0].length;
  if (!span.endsWith(quote) || span.length - 1 < innerStart) return undefined;
  const doubled = syntax.quoteEscape === 'double' || opening[1].includes('@');
  if (!isSingleLiteral(span.slice(innerStart, span.length - 1), quote, doubled)) return undefined;
  const unescape = (s: string): string => (doubled ? s.replaceAll(quote + quote, quote) : s.replaceAll(`\\${quote}`, quote));
  const out = lines.map((raw, i): LayoutLine => {
    if (i < range.start || i > range.end) return verbatim(raw);
    const head = i === range.start ? indent + opening[0] : leadingWhitespace(raw);
    const prefix = head + leadingWhitespace(raw.slice(head.length));
    const { content, suffix } = contentAndSuffix(raw.slice(prefix.length), i === range.end ? quote : undefined);
    return { raw, prefix, content: unescape(content), suffix };
  });
  const escape = (s: string): string => (doubled ? s.replaceAll(quote, quote + quote) : escapeWithBackslash(s, quote));
  return { kind: 'string', lines: out, escape };
}

/** A comment's layout with its doc syntax (tags and what they name, XML doc tags, TODO markers) moved out of the prose. */
function withoutDocSyntax(layout: Layout): Layout {
  const state: DocState = { inSection: false };
  const lines = layout.lines.map((line): LayoutLine => {
    if (line.content === '') return line;
    const p = protectDocSyntax(line.content, state);
    if (p.lead === '' && p.trail === '') return line;
    return { raw: line.raw, prefix: line.prefix + p.lead, content: p.prose, suffix: p.trail + line.suffix, breakBefore: p.breaks };
  });
  return { ...layout, lines };
}

const PARAGRAPH_START = /^(?:[-*+•]\s|\d+[.)]\s|@\w)/u;

/** Runs of lines with prose; a list item or doc tag starts a new run. */
function paragraphs(lines: readonly LayoutLine[]): Range[] {
  const out: Range[] = [];
  let start = -1;
  lines.forEach((line, i) => {
    const hasProse = line.content.trim() !== '';
    if (start >= 0 && (!hasProse || line.breakBefore === true || PARAGRAPH_START.test(line.content))) {
      out.push({ start, end: i });
      start = -1;
    }
    if (hasProse && start < 0) start = i;
  });
  if (start >= 0) out.push({ start, end: lines.length });
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The paragraph's lines with `text` as prose; the original lines when the text did not change. */
function renderParagraph(templates: readonly LayoutLine[], text: string, escape: (s: string) => string): string[] {
  if (squash(text) === squash(joinLines(templates.map((t) => t.content)))) return templates.map((t) => t.raw);
  const n = templates.length;
  const width = Math.max(...templates.map((t) => displayWidth(t.content)));
  const wrapped = wrapText(text, n, width);
  return wrapped.map((line, k) => {
    // Line k keeps line k's prefix (extra lines repeat the last one); the last line gets the closing suffix.
    const prefix = templates[Math.min(k, n - 1)].prefix;
    const suffix = k === wrapped.length - 1 ? templates[n - 1].suffix : '';
    return prefix + escape(line) + suffix;
  });
}

function rebuildLayout(layout: Layout, paras: readonly Range[], translated: string, eol: string, original: string): string {
  const pieces = splitLines(translated)
    .map((s) => s.trim())
    .filter(Boolean);
  if (pieces.length === 0) return original;
  const raw = (lines: readonly LayoutLine[]): string[] => lines.map((l) => l.raw);
  const lines = layout.lines;
  if (pieces.length === paras.length) {
    const out: string[] = [];
    let next = 0;
    paras.forEach((p, k) => {
      out.push(...raw(lines.slice(next, p.start)), ...renderParagraph(lines.slice(p.start, p.end), pieces[k], layout.escape));
      next = p.end;
    });
    return [...out, ...raw(lines.slice(next))].join(eol);
  }
  // The translator merged or split paragraphs: pour all of it into the prose lines as one paragraph.
  const first = paras[0].start;
  const last = paras[paras.length - 1].end;
  const templates = paras.flatMap((p) => lines.slice(p.start, p.end));
  return [
    ...raw(lines.slice(0, first)),
    ...renderParagraph(templates, joinLines(pieces), layout.escape),
    ...raw(lines.slice(last)),
  ].join(eol);
}

/**
 * Splits a selection that is exactly one comment (a run of line comments, or one block comment / docstring)
 * or one string literal into prose and syntax. Returns undefined for anything else (code, several
 * comments, an empty comment), so the caller translates the selection as plain text. `syntax`: for a language
 * the table does not know, the markers a comment finder saw (commentSyntax.ts's commentSyntaxSeen).
 */
export function splitComment(text: string, languageId: string, syntax: CommentSyntax = commentSyntax(languageId)): SplitComment | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const parsed = parseBlock(lines, syntax) ?? parseLineComments(lines, syntax) ?? parseString(lines, syntax);
  if (!parsed) return undefined;
  const layout = parsed.kind === 'string' ? parsed : withoutDocSyntax(parsed);
  const paras = paragraphs(layout.lines);
  if (paras.length === 0) return undefined;
  const prose = paras.map((p) => joinLines(layout.lines.slice(p.start, p.end).map((l) => l.content))).join('\n');
  return {
    kind: layout.kind,
    prose,
    rebuild: (translated: string) => rebuildLayout(layout, paras, translated, eol, text),
  };
}
