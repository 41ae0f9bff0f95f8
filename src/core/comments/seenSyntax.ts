/**
 * A comment syntax made of the markers a comment finder saw (TextMate grammars), for languages the comment-syntax
 * table does not know: commentCodec.ts's splitComment then tells their markers from their prose. Kept out of
 * commentSyntax.ts, which activation loads (routing/prompts.ts), since only the commands and hovers need it. Pure.
 */
import { commentSyntax, knownCommentSyntax, syntax, type CommentSyntax } from './commentSyntax';

/** What a comment finder saw: a comment's kind and markers (a CommentSpan's). */
export interface SeenMarkers {
  readonly kind: 'line' | 'block' | 'string';
  readonly marker: string;
  readonly close?: string;
}

/**
 * A syntax made of the markers a finder saw (TextMate grammars, for a language the table does not know), so that a
 * comment's markers can be told from its prose. Spans without a marker add nothing.
 */
export function syntaxFromMarkers(seen: readonly SeenMarkers[]): CommentSyntax {
  const line = new Set<string>();
  const blocks = new Map<string, Set<string>>();
  const quotes = new Set<string>();
  for (const s of seen) {
    if (s.marker === '') continue;
    if (s.kind === 'line') line.add(s.marker);
    else if (s.kind === 'string') {
      if (/^["'`]$/.test(s.marker)) quotes.add(s.marker);
    } else if (s.close) {
      // JSDoc's "/**" is "/*" with a star more (commentCodec keeps extra stars with the marker).
      const open = /^\/\*+$/.test(s.marker) ? '/*' : s.marker;
      blocks.set(open, (blocks.get(open) ?? new Set()).add(s.close));
    }
  }
  const longestFirst = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => b.length - a.length);
  return syntax(
    longestFirst(line),
    longestFirst(blocks.keys()).map((open) => ({ open, close: longestFirst(blocks.get(open) ?? []), ...(open === '/*' ? { stars: true } : {}) })),
    [...quotes],
  );
}

/** The table's syntax when it knows the language, else the markers seen (when a finder saw any), else the fallback. */
export function commentSyntaxSeen(languageId: string, seen: readonly SeenMarkers[] | undefined): CommentSyntax {
  const known = knownCommentSyntax(languageId);
  if (known || !seen || !seen.some((s) => s.marker !== '')) return commentSyntax(languageId);
  return syntaxFromMarkers(seen);
}
