/**
 * Comment spans from TextMate tokens (what VS Code's grammars say a text is): tokens whose scopes include
 * `comment.*` become line or block comments, `string.quoted.docstring` (Python) becomes a block comment, and
 * `string.quoted.*` / `string.template` become string spans when asked for. Consecutive tokens of one comment
 * (markers included) are one span; a line comment ends at its line's end, a block continues while the next line
 * starts inside it. Pure; imports types only (the TextMate chunk bundles it, and must not pull the table lexer in).
 */
import type { CommentSpan, SpanOptions } from './commentSpans';

/** One token of one line, as vscode-textmate's `tokenizeLine` reports it (offsets within the line). */
export interface TextMateToken {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly scopes: readonly string[];
}

type Kind = CommentSpan['kind'];

interface Classified {
  readonly kind: Kind;
  /** The scope that makes the token a comment or string, and its depth: one comment is one (scope, depth). */
  readonly scope: string;
  readonly depth: number;
  /** The token is (part of) a comment or string marker. */
  readonly punctuation: boolean;
  /** The token opens a string (`punctuation.definition.string.begin`): a new literal even right after another. */
  readonly opens: boolean;
  /** Whether a comment of this scope may continue on the next line. */
  readonly multiline: boolean;
}

function classify(scopes: readonly string[], strings: boolean): Classified | undefined {
  for (let depth = 0; depth < scopes.length; depth++) {
    const scope = scopes[depth];
    let kind: Kind | undefined;
    let multiline = true;
    if (scope.startsWith('comment.')) {
      // "comment.line.block.hlsl" is HLSL's /* */: a name with "block" or "documentation" is a block comment.
      const parts = scope.split('.');
      if (parts.includes('block') || parts.includes('documentation')) kind = 'block';
      else if (parts[1] === 'line') {
        kind = 'line';
        multiline = false;
      } else kind = 'block';
    } else if (scope.startsWith('string.quoted.docstring')) kind = 'block';
    else if (strings && (scope.startsWith('string.quoted.') || scope.startsWith('string.template'))) kind = 'string';
    else if (scope.startsWith('string.')) return undefined; // a string that is not asked for hides what is inside it
    if (!kind) continue;
    const rest = scopes.slice(depth + 1);
    return {
      kind,
      scope,
      depth,
      multiline,
      punctuation: rest.some((s) => s.startsWith('punctuation.definition.comment') || s.startsWith('punctuation.definition.string')),
      opens: rest.some((s) => s.startsWith('punctuation.definition.string.begin') || s.startsWith('punctuation.definition.string.template.begin')),
    };
  }
  return undefined;
}

/** Markers tried, longest first, when a grammar gives its markers no punctuation scope (HLSL's "//", "/*"). */
const COMMON_MARKERS = ['<!--', '"""', "'''", '--[[', '///', '//!', '//', '/*', '(*', '{-', '<#', '#=', '--', '#', ';', '%', "'", '"', '`'];

interface Open {
  readonly kind: Kind;
  readonly scope: string;
  readonly depth: number;
  readonly multiline: boolean;
  readonly start: number;
  end: number;
  /** Where the leading marker tokens (punctuation scopes) end. */
  markerEnd: number;
  /** Where the trailing run of marker tokens starts (`end` when the span does not end with one). */
  closeStart: number;
  /** Still inside the leading marker tokens. */
  inMarker: boolean;
  lastWasMarker: boolean;
  line: number;
}

/**
 * The spans of `text` from its tokens: `lines[i]` are the tokens of the text's i-th line (lines split at \r\n, \n,
 * \r, U+2028, U+2029, as VS Code splits a document).
 */
export function spansFromTokens(text: string, lines: readonly (readonly TextMateToken[])[], options: SpanOptions = {}): CommentSpan[] {
  const strings = options.strings === true;
  const spans: CommentSpan[] = [];
  let open: Open | undefined;
  const close = (): void => {
    if (!open) return;
    const body = text.slice(open.start, open.end);
    const marker = open.markerEnd > open.start ? text.slice(open.start, open.markerEnd) : guessMarker(body, open.kind);
    const closer =
      open.kind !== 'block' ? undefined : open.closeStart < open.end && open.closeStart >= open.markerEnd ? text.slice(open.closeStart, open.end) : guessCloser(body, marker);
    spans.push({ start: open.start, end: open.end, kind: open.kind, marker, ...(closer !== undefined ? { close: closer } : {}) });
    open = undefined;
  };
  const breaks = /\r\n|[\n\r\u2028\u2029]/g;
  let lineStart = 0;
  for (let line = 0; line < lines.length; line++) {
    const m = breaks.exec(text);
    const lineEnd = m ? m.index : text.length;
    const length = lineEnd - lineStart;
    for (const token of lines[line]) {
      const from = Math.min(token.startIndex, length);
      const to = Math.min(token.endIndex, length);
      const c = classify(token.scopes, strings);
      if (!c) {
        if (to > from || from === 0) close();
        continue;
      }
      const at = lineStart + from;
      const continues =
        open !== undefined &&
        open.scope === c.scope &&
        open.depth === c.depth &&
        !(c.opens && open.end > open.start) &&
        (open.line === line ? open.end === at : open.multiline && from === 0 && open.end === previousLineEnd(text, lineStart));
      if (!continues) {
        close();
        open = { kind: c.kind, scope: c.scope, depth: c.depth, multiline: c.multiline, start: at, end: at, markerEnd: at, closeStart: at, inMarker: true, lastWasMarker: false, line };
      }
      const current = open as Open;
      current.end = Math.max(current.end, lineStart + to);
      current.line = line;
      if (to === from) continue;
      if (c.punctuation) {
        if (current.inMarker) current.markerEnd = lineStart + to;
        else if (!current.lastWasMarker) current.closeStart = at;
        current.lastWasMarker = true;
      } else {
        current.inMarker = false;
        current.lastWasMarker = false;
        current.closeStart = lineStart + to;
      }
    }
    // A line comment ends with its line; a block that does not reach the line's end has ended.
    if (open && (!open.multiline || open.end < lineEnd)) close();
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  close();
  return spans;
}

/** The end of the content of the line before the one starting at `lineStart` (where a block must reach to go on). */
function previousLineEnd(text: string, lineStart: number): number {
  if (text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r') return lineStart - 2;
  return lineStart - 1;
}

function guessMarker(body: string, kind: Kind): string {
  const known = COMMON_MARKERS.find((m) => body.startsWith(m));
  if (known) return kind === 'string' ? (/^["'`]/.exec(known)?.[0] ?? known) : known;
  return /^[^\w\s]+/u.exec(body)?.[0] ?? '';
}

function guessCloser(body: string, marker: string): string | undefined {
  const trimmed = body.trimEnd();
  const pairs: Readonly<Record<string, string>> = { '/*': '*/', '<!--': '-->', '(*': '*)', '{-': '-}', '<#': '#>', '#=': '=#', '--[[': ']]' };
  const expected = pairs[marker] ?? marker;
  if (trimmed.length >= marker.length + expected.length && trimmed.endsWith(expected)) return expected;
  const tail = /[^\w\s]+$/u.exec(trimmed)?.[0];
  return tail && trimmed.length > marker.length ? tail : undefined;
}
