/**
 * Model output written into a comment must stay inside it. Two ways out exist: a line break the editor
 * or the language counts that the code did not expect (a lone "\r", U+2028 and U+2029 end a line in
 * JavaScript; U+0085 in others), which would put the rest of the text on a live line, and the
 * comment's own closer ("*\/", "-->", '"""', "]]"…) or, where comments nest, its opener. Every writer of
 * comment text (translated comments, summaries above a selection) goes through these two functions.
 */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;

/** The lines of `text`, split at every kind of line break. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/**
 * `text` with every closer (and the opener) of `block` broken up by a space after its first character,
 * so "*\/" reads "* /": visible, harmless, and never the end of the comment.
 */
export function defuseBlockMarkers(text: string, block: { readonly open: string; readonly close: readonly string[] }): string {
  const markers = [...block.close, block.open].filter((m) => m.length >= 2).sort((a, b) => b.length - a.length);
  let out = text;
  for (const marker of markers) out = out.split(marker).join(`${marker[0]} ${marker.slice(1)}`);
  return out;
}
