/**
 * Builds the text that puts a result (a summary) as a comment above a selection, in the file's own
 * comment syntax and at the indentation of the selection's first line. Pure.
 */
import { defuseBlockMarkers, splitLines } from '../core/comments/commentSafety';
import { commentSyntax, type BlockSyntax, type CommentSyntax } from '../core/comments/commentSyntax';

/** Languages where a comment would break the file; the result goes to a preview instead. */
const NO_COMMENTS: ReadonlySet<string> = new Set(['json']);

/**
 * The block to insert at the start of the selection's first line, ending with `eol`; undefined when
 * the language has no comments (the caller shows a preview). Plain text gets a plain paragraph.
 */
export function commentAboveFor(text: string, languageId: string, indent: string, eol: string): string | undefined {
  if (NO_COMMENTS.has(languageId)) return undefined;
  return buildCommentAbove(text, commentSyntax(languageId), indent, eol);
}

export function buildCommentAbove(text: string, syntax: CommentSyntax, indent: string, eol: string): string {
  const lines = contentLines(text);
  const marker = plainLineMarker(syntax.line);
  if (marker !== undefined) {
    return lines.map((l) => (l === '' ? `${indent}${marker}` : `${indent}${marker} ${l}`)).join(eol) + eol;
  }
  const block = syntax.blocks[0];
  if (block === undefined) return [...lines.map((l) => (l === '' ? '' : indent + l)), ''].join(eol) + eol;
  return blockComment(lines, block, indent, eol);
}

function blockComment(lines: readonly string[], block: BlockSyntax, indent: string, eol: string): string {
  const close = block.close[block.close.length - 1];
  const safe = lines.map((l) => defuseBlockMarkers(l, block));
  const body = block.stars
    ? safe.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`))
    : safe.map((l) => (l === '' ? '' : `${indent}  ${l}`));
  const closer = block.stars ? `${indent} ${close}` : `${indent}${close}`;
  return [`${indent}${block.open}`, ...body, closer].join(eol) + eol;
}

/**
 * The ordinary line marker: the first that does not extend another one, so Rust gets `//` rather
 * than `//!` (an inner doc comment) and C# `//` rather than `///`.
 */
export function plainLineMarker(markers: readonly string[]): string | undefined {
  return markers.find((m) => !markers.some((other) => other.length < m.length && m.startsWith(other)));
}

function contentLines(text: string): string[] {
  const lines = splitLines(text.trim()).map((l) => l.trimEnd());
  return lines.length === 0 ? [''] : lines;
}

/** Leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}
