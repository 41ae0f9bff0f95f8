/**
 * Writes a result into the document as ONE undoable edit, and only if the text it is based on is
 * still exactly what was sent (see targetGuard.ts); otherwise it writes nothing and says why.
 */
import * as vscode from 'vscode';
import { checkTarget, type TargetBefore } from './targetGuard';
import type { TrackedRange } from './trackedRange';

export type EditOutcome = { readonly applied: true } | { readonly applied: false; readonly reason: string };

/** Replaces the tracked range with `text`. */
export async function replaceIfUnchanged(tracked: TrackedRange, before: TargetBefore, text: string): Promise<EditOutcome> {
  const verdict = checkTarget(before, tracked.now());
  if (!verdict.ok) return { applied: false, reason: verdict.reason };
  const range = tracked.toVscodeRange();
  if (range === undefined) return { applied: false, reason: 'the selected text was edited while the request ran' };
  const edit = new vscode.WorkspaceEdit();
  edit.replace(tracked.document.uri, range, text);
  return apply(edit, tracked, before);
}

/**
 * Inserts a block at the start of the line where the tracked range begins. `build` gets that line's
 * indentation and the document's line ending, and returns the block (undefined: nothing fits).
 */
export async function insertAboveIfUnchanged(
  tracked: TrackedRange,
  before: TargetBefore,
  build: (lineText: string, eol: string) => string | undefined,
): Promise<EditOutcome> {
  const verdict = checkTarget(before, tracked.now());
  if (!verdict.ok) return { applied: false, reason: verdict.reason };
  const range = tracked.toVscodeRange();
  if (range === undefined) return { applied: false, reason: 'the selected text was edited while the request ran' };
  const line = tracked.document.lineAt(range.start.line);
  const eol = tracked.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const block = build(line.text, eol);
  if (block === undefined) return { applied: false, reason: `${tracked.document.languageId} files have no comment syntax` };
  const edit = new vscode.WorkspaceEdit();
  edit.insert(tracked.document.uri, line.range.start, block);
  return apply(edit, tracked, before);
}

/**
 * VS Code itself rejects an edit made against an older version of the document, which happens when the
 * user types in the instant between our check and the edit; the second check then names the reason.
 */
async function apply(edit: vscode.WorkspaceEdit, tracked: TrackedRange, before: TargetBefore): Promise<EditOutcome> {
  if (await vscode.workspace.applyEdit(edit)) return { applied: true };
  const verdict = checkTarget(before, tracked.now());
  return { applied: false, reason: verdict.ok ? 'VS Code did not accept the edit (is the file read-only?)' : verdict.reason };
}
