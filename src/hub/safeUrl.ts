/**
 * Link checking shared by the card renderer and the host's "open external" handler. Kept apart from
 * cardSanitizer.ts so the handler does not pull the markdown engine into the extension bundle.
 */
export const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The absolute URL of a card link, or undefined when it is not http(s)/mailto (javascript:, data:, …). */
export function safeLinkUrl(href: string, baseUrl: string, protocols: ReadonlySet<string> = LINK_PROTOCOLS): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, baseUrl);
    return protocols.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
