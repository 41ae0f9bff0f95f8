/** The selection an action works on, captured once at the start. */
import * as vscode from 'vscode';
import type { OffsetRange } from './rangeTracking';
import { TrackedRange } from './trackedRange';

export interface SelectionTarget {
  readonly editor: vscode.TextEditor;
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly offsets: OffsetRange;
  /** The text sent with the request; also what the guard compares against before writing. */
  readonly text: string;
}

export function selectionTarget(editor: vscode.TextEditor): SelectionTarget {
  const document = editor.document;
  const range = new vscode.Range(editor.selection.start, editor.selection.end);
  return {
    editor,
    document,
    range,
    offsets: { start: document.offsetAt(range.start), end: document.offsetAt(range.end) },
    text: document.getText(range),
  };
}

/** Starts following the selection through edits made while the request runs. */
export function trackSelection(target: SelectionTarget): TrackedRange {
  return new TrackedRange(target.document, target.offsets, 'target');
}
