/**
 * Offset arithmetic for following a range of a document while it changes (pure; the vscode side feeds
 * it `onDidChangeTextDocument` content changes). Two modes:
 * - 'target': a selection an action will replace. Edits before it shift it, edits after it do not
 *   matter, an edit touching its inside makes it unusable.
 * - 'growing': text being streamed in at `end`. Additionally, the user typing at `end` (where the
 *   next chunk goes) makes it unusable: our text and theirs would interleave.
 */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** One replacement, in offsets of the document before it: `length` characters at `offset` became `text`. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export type TrackingMode = 'target' | 'growing';

/** Where `range` is after `change`, or undefined when the change touched it. */
export function applyChange(range: OffsetRange, change: TextChange, mode: TrackingMode): OffsetRange | undefined {
  const changeStart = change.offset;
  const changeEnd = change.offset + change.length;
  const delta = change.text.length - change.length;
  if (mode === 'growing' && change.length === 0 && changeStart === range.end) return undefined;
  if (changeEnd <= range.start) return { start: range.start + delta, end: range.end + delta };
  if (changeStart >= range.end) return range;
  return undefined;
}

/**
 * Applies the changes of one document event in order. VS Code reports a multi-range edit so that
 * applying its changes one after another is valid (later ranges first).
 */
export function applyChanges(range: OffsetRange, changes: readonly TextChange[], mode: TrackingMode): OffsetRange | undefined {
  let current: OffsetRange | undefined = range;
  for (const change of changes) {
    if (current === undefined) return undefined;
    current = applyChange(current, change, mode);
  }
  return current;
}

/**
 * Where `range` is after an edit we made ourselves inside it or at its end (an appended chunk, the
 * final replacement, the removal on cancel): the start stays, the end moves by the size difference.
 */
export function applyOwnChange(range: OffsetRange, change: TextChange): OffsetRange {
  return { start: range.start, end: range.end + change.text.length - change.length };
}

/** Whether a reported change is the edit we asked for (VS Code may turn our \n into the document's \r\n). */
export function isExpectedChange(change: TextChange, expected: TextChange): boolean {
  return change.offset === expected.offset && change.length === expected.length && normalizeEol(change.text) === normalizeEol(expected.text);
}

export function normalizeEol(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
