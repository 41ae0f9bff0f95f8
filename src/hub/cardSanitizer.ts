/**
 * Renders a repo card (README.md) to HTML that is safe to insert into the webview, in the host.
 *
 * Safety by construction: every renderer that emits markup emits fixed tag names with escaped
 * attribute values, and every piece of source text is escaped, so
 * - raw HTML in the card (block or inline, including comments) becomes visible text,
 * - links survive only as http(s)/mailto (relative ones resolve against the repo on the Hub),
 * - images render only from hosts the webview CSP allows (none by default); others become links,
 * - no event-handler attribute can appear, because no attribute name comes from the card.
 * A final allow-list check of the output (tags and attribute names) backs this up: any surprise and
 * the whole card is shown as escaped plain text instead.
 */
import { Marked, type Tokens } from 'marked';
import { safeLinkUrl } from './safeUrl';

export const DEFAULT_CARD_MAX_CHARS = 200_000;

export interface CardRenderOptions {
  /** Base for relative links, e.g. "https://huggingface.co/org/model/blob/main/". */
  readonly baseUrl: string;
  /** Hosts images may load from (must match the webview CSP img-src). Default: none. */
  readonly allowedImageHosts?: readonly string[];
  /** The card is cut to this many characters before rendering. */
  readonly maxChars?: number;
  /** The caller already cut the source (it downloaded only the first part): add the truncation note. */
  readonly sourceTruncated?: boolean;
}

export interface RenderedCard {
  readonly html: string;
  readonly truncated: boolean;
}

/** Escapes text for HTML; existing character references (&amp; &#39;) are kept, as marked does. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&(?!#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes an attribute value completely (no entity passes through). */
function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const IMAGE_PROTOCOLS = new Set(['https:']);

function stripFrontMatter(markdown: string): string {
  return markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '');
}

function createMarked(options: CardRenderOptions): Marked {
  const imageHosts = new Set((options.allowedImageHosts ?? []).map((h) => h.toLowerCase()));
  return new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      // Raw HTML is shown as its source text: a block as a preformatted snippet, inline as plain text.
      html: ({ text, block }: Tokens.HTML | Tokens.Tag) =>
        block ? `<pre class="card-raw-html">${escapeHtml(text)}</pre>` : escapeHtml(text),
      // marked leaves text inside inline <pre>/<code>/<script> unescaped ("escaped": true): never trust that.
      text(token: Tokens.Text | Tokens.Escape) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : escapeHtml(token.text);
      },
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        const url = safeLinkUrl(token.href, options.baseUrl);
        if (!url) return inner;
        const title = escapeAttr(token.title || url);
        return `<a href="${escapeAttr(url)}" title="${title}" class="card-link" rel="noopener noreferrer">${inner}</a>`;
      },
      image(token: Tokens.Image) {
        const alt = token.text || 'image';
        const url = safeLinkUrl(token.href, options.baseUrl, IMAGE_PROTOCOLS);
        if (!url) return escapeHtml(alt);
        if (imageHosts.has(new URL(url).hostname.toLowerCase())) {
          return `<img src="${escapeAttr(url)}" alt="${escapeAttr(alt)}" loading="lazy" class="card-image">`;
        }
        return `<a href="${escapeAttr(url)}" title="${escapeAttr(url)}" class="card-link card-image-link" rel="noopener noreferrer">[image: ${escapeHtml(alt)}]</a>`;
      },
    },
  });
}

const ALLOWED_TAGS = new Set(
  'p a img h1 h2 h3 h4 h5 h6 ul ol li em strong del code pre blockquote table thead tbody tr th td hr br input'.split(' '),
);
const ALLOWED_ATTRS = new Set('href title class rel src alt loading align start type checked disabled'.split(' '));
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g;
const ATTR = /\s+([a-zA-Z-]+)(?:="[^"<>]*")?/gy;

/** True when the output only uses the tags and attribute names the renderers above can produce. */
export function usesOnlyAllowedMarkup(html: string): boolean {
  // A "<" that does not start an allowed tag would be an escaping bug: allowed text has none.
  if (/<(?![a-zA-Z/])/.test(html)) return false;
  for (const m of html.matchAll(TAG)) {
    const [, closing, name, attrs] = m;
    if (!ALLOWED_TAGS.has(name.toLowerCase())) return false;
    if (closing && attrs.trim() !== '') return false;
    ATTR.lastIndex = 0;
    let consumed = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTR.exec(attrs)) !== null) {
      if (!ALLOWED_ATTRS.has(a[1].toLowerCase())) return false;
      consumed = ATTR.lastIndex;
    }
    if (attrs.slice(consumed).trim() !== '') return false;
  }
  // A tag split across the scan (e.g. "<img" without ">") cannot hide: every "<" above starts a full match.
  return (html.match(/</g) ?? []).length === [...html.matchAll(TAG)].length;
}

function plainTextCard(markdown: string): string {
  return `<pre>${escapeHtml(markdown)}</pre>`;
}

export function renderCard(markdown: string, options: CardRenderOptions): RenderedCard {
  const maxChars = options.maxChars ?? DEFAULT_CARD_MAX_CHARS;
  const truncated = markdown.length > maxChars || options.sourceTruncated === true;
  const source = stripFrontMatter(markdown.slice(0, maxChars));
  let html: string;
  try {
    html = createMarked(options).parse(source, { async: false });
  } catch {
    html = plainTextCard(source);
  }
  if (!usesOnlyAllowedMarkup(html)) html = plainTextCard(source);
  if (truncated) {
    html += `<p class="card-truncated"><em>Card truncated: showing the first ${Math.round(maxChars / 1000)} KB.</em></p>`;
  }
  return { html, truncated };
}
