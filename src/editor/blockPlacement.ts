/**
 * Where a block of text (generated code, a usage snippet) goes when it is inserted at the cursor: on lines of
 * its own, never glued to the text already on the cursor's line, and indented like that line. Pure: the
 * callers insert `prefix + indented block + suffix` at the cursor.
 */
export interface BlockPlacement {
  /** Put before the block: a line break (after the text before the cursor), or the rest of the indentation. */
  readonly prefix: string;
  /** Put after the block: a line break and the indentation of the text that followed the cursor. */
  readonly suffix: string;
  /** Every line of the block after the first starts with this. */
  readonly indent: string;
}

/**
 * `lineText` is the cursor's line, `column` the cursor's offset in it. `blankLines` (snippets) keeps an
 * empty line between the block and the code around it.
 */
export function placeBlock(lineText: string, column: number, eol: string, blankLines = false): BlockPlacement {
  const before = lineText.slice(0, column);
  const after = lineText.slice(column);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const gap = blankLines ? eol : '';
  const prefix = before.trim() !== '' ? eol + gap + indent : before.length >= indent.length ? '' : indent.slice(before.length);
  const suffix = after.trim() !== '' ? eol + gap + (before.trim() !== '' ? indent : before) : blankLines && before.trim() !== '' ? eol : '';
  return { prefix, suffix, indent };
}

/** `text` with every line after the first indented by `indent` (empty lines stay empty), without a final line break. */
export function indentBlock(text: string, indent: string): string {
  return text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n');
}
