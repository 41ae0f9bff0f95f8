/**
 * Replacing a range of a document that a link or button remembered (a hover's comment, a chat answer's selection):
 * where it was, or (text above it was edited since) its one unchanged copy elsewhere; a changed range is never
 * written over. One undoable edit (guardedEdit.ts), followed through any request that runs before it.
 */
import * as vscode from 'vscode';
import { replaceIfUnchanged, type EditOutcome } from './guardedEdit';
import { TrackedRange } from './trackedRange';

/** What a link carries: the document, the range when the link was made, and the text that was there. */
export interface RememberedRange {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly original: string;
}

export interface LocatedRange {
  readonly document: vscode.TextDocument;
  readonly start: number;
  readonly end: number;
}

/** The remembered text in its document now, or why it cannot be written over. */
export function locateUnchanged(range: RememberedRange, what = 'text'): LocatedRange | string {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === range.uri);
  if (!document || document.isClosed) return `The file of that ${what} is not open any more.`;
  const text = document.getText();
  if (text.slice(range.start, range.end) === range.original) return { document, start: range.start, end: range.end };
  const first = text.indexOf(range.original);
  if (first >= 0 && text.indexOf(range.original, first + 1) < 0) return { document, start: first, end: first + range.original.length };
  return `The ${what} changed since, so nothing was written.`;
}

/** Checks the shape of a remembered range received as a command argument (links can be run from anywhere). */
export function isRememberedRange(a: Readonly<Record<string, unknown>>): boolean {
  return typeof a.uri === 'string' && typeof a.original === 'string' && Number.isInteger(a.start) && Number.isInteger(a.end) && (a.start as number) >= 0 && (a.end as number) >= (a.start as number);
}

/**
 * Replaces the located range with what `produce` returns (it may send a request first: the range is followed
 * meanwhile), in one undoable edit, only if the range still holds `original`.
 */
export async function replaceLocated(found: LocatedRange, original: string, produce: () => Promise<string | { readonly refused: string }>): Promise<EditOutcome | { readonly applied: false; readonly refused: string }> {
  const tracked = new TrackedRange(found.document, { start: found.start, end: found.end }, 'target');
  try {
    const text = await produce();
    if (typeof text !== 'string') return { applied: false, refused: text.refused };
    return await replaceIfUnchanged(tracked, { text: original }, text);
  } finally {
    tracked.dispose();
  }
}
