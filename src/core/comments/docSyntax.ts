/**
 * The parts of a doc comment that are syntax, not prose, and so are never sent to a translator: doc tags and what
 * they name (`@param {T} items`, `@throws Error`, `:param x:`, `:rtype: int`), the names of Google-style `Args:`
 * sections, C# XML doc tags (`<param name="x">…</param>`), and TODO/FIXME markers. Works on one line's content
 * (a comment line without its marker); the caller keeps what is cut off here next to the translated prose. Pure.
 */

export interface ProtectedLine {
  /** Syntax kept before the prose. */
  readonly lead: string;
  /** The prose to translate ('' when the whole line is syntax). */
  readonly prose: string;
  /** Syntax kept after the prose. */
  readonly trail: string;
  /** The line starts a new paragraph (a tag, a section item): it is not joined with the line before. */
  readonly breaks: boolean;
}

/** Where a Google-style docstring section ("Args:") puts the following lines. */
export interface DocState {
  inSection: boolean;
}

const NAMED_TAG = /^@(?:param|arg|argument|property|prop|template|typeparam|typeParam|field|member)\b\s*(?:\{[^}]*\}\s*)?(?:\[[^\]]*\]|[\w$.]+)?\s*(?:-\s*)?/;
const THROWS_TAG = /^@(?:throws|exception|raises)\b\s*(?:\{[^}]*\}\s*)?(?:[\w$.]+\s*)?(?:-\s*)?/;
const RETURNS_TAG = /^@(?:returns?|yields?|type|typedef)\b\s*(?:\{[^}]*\}\s*)?(?:-\s*)?/;
const WHOLE_LINE_TAG = /^@(?:see|link|since|version|author|example|internal|override|inheritDoc|inheritdoc|private|public|protected|readonly|async|abstract|static|module|namespace|license|copyright|flags|enum|callback|function|method|class|interface|extends|implements|name|memberof|default|ignore)\b/;
const OTHER_TAG = /^@\w+\s*/;
const SPHINX = /^:(?:param|parameter|arg|argument|key|keyword|type|raises?|except|exception|var|ivar|cvar|vartype|returns?|rtype|yields?|ytype)\b[^:]*:\s*/;
const SPHINX_WHOLE = /^:(?:type|rtype|vartype|ytype)\b/;
const SECTION = /^(?:Args|Arguments|Parameters|Params|Keyword Args|Keyword Arguments|Returns|Return|Yields|Raises|Attributes|Examples?|Notes?|See Also|Warns|Other Parameters)\s*:\s*$/;
const SECTION_ITEM = /^\*{0,2}[\w$.]+\s*(?:\([^)]*\))?\s*:\s*/;
const XML_TAGS_LEAD = /^(?:<\/?(?:summary|param|typeparam|returns|remarks|exception|value|example|para|list|item|description|term|inheritdoc|see|seealso|code|c)\b[^>]*>\s*)+/i;
const XML_TAGS_TRAIL = /(?:\s*<\/?(?:summary|param|typeparam|returns|remarks|exception|value|example|para|list|item|description|term|inheritdoc|see|seealso|code|c)\b[^>]*>)+$/i;
const MARKER = /^(?:TODO|FIXME|XXX|HACK|BUG|NOTE)\b(?:\([^)]*\))?:?\s*/;

export function protectDocSyntax(content: string, state: DocState): ProtectedLine {
  const whole = (breaks: boolean): ProtectedLine => ({ lead: content, prose: '', trail: '', breaks });
  if (content.trim() === '') {
    state.inSection = false;
    return { lead: '', prose: content, trail: '', breaks: false };
  }
  if (SECTION.test(content)) {
    state.inSection = true;
    return whole(true);
  }
  if (WHOLE_LINE_TAG.test(content) || SPHINX_WHOLE.test(content)) return whole(true);
  const lead =
    NAMED_TAG.exec(content)?.[0] ??
    THROWS_TAG.exec(content)?.[0] ??
    RETURNS_TAG.exec(content)?.[0] ??
    SPHINX.exec(content)?.[0] ??
    OTHER_TAG.exec(content)?.[0] ??
    (state.inSection ? SECTION_ITEM.exec(content)?.[0] : undefined) ??
    XML_TAGS_LEAD.exec(content)?.[0] ??
    MARKER.exec(content)?.[0];
  const afterLead = lead === undefined ? content : content.slice(lead.length);
  const trail = XML_TAGS_TRAIL.exec(afterLead)?.[0] ?? '';
  const prose = afterLead.slice(0, afterLead.length - trail.length);
  return { lead: lead ?? '', prose, trail, breaks: lead !== undefined };
}
