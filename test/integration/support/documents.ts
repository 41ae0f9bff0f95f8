// Real documents in the real editor: each case opens a fresh untitled document with known text, selects part of
// it, and leaves no editor behind (reverted and closed, so no "save changes?" dialog can block the suite).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { PREVIEW_SCHEME } from '../../../src/editor/preview';
import { waitFor } from './waits';

/** Opens `content` as a new untitled document of `languageId`, focused in the first editor group. */
export async function openDocument(content: string, languageId = 'plaintext'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: languageId, content });
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false });
  assert.equal(document.getText(), content);
  return editor;
}

/** Selects the first occurrence of `text` (the whole document when omitted); returns the selection. */
export function select(editor: vscode.TextEditor, text?: string): vscode.Selection {
  const all = editor.document.getText();
  const start = text === undefined ? 0 : all.indexOf(text);
  assert.ok(start >= 0, `"${text}" is not in the document`);
  const end = text === undefined ? all.length : start + text.length;
  const selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = selection;
  return selection;
}

/** Puts the cursor at `offset` (end of the document when omitted) with nothing selected. */
export function placeCursor(editor: vscode.TextEditor, offset?: number): void {
  const position = editor.document.positionAt(offset ?? editor.document.getText().length);
  editor.selection = new vscode.Selection(position, position);
}

/**
 * One `undo`, exactly as Ctrl+Z on the editor (focused first, so the command reaches it). When the action edited
 * the document, waits until the undo's change arrived in this host (the editor applies it in the renderer).
 */
export async function undoOnce(editor: vscode.TextEditor, expectChange: boolean): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  const before = editor.document.version;
  await vscode.commands.executeCommand('undo');
  if (expectChange) await waitFor('the undo to change the document', () => editor.document.version !== before, { timeoutMs: 10_000 });
}

/** Text of every open preview document (the product's read-only `huggingface-preview:` documents). */
export function previewTexts(): string[] {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === PREVIEW_SCHEME).map((d) => d.getText());
}

/**
 * Closes every editor without saving: untitled ones are reverted first (closing a dirty untitled editor would open
 * a modal "save?" dialog that nobody answers in a test run).
 */
export async function closeAllEditors(): Promise<void> {
  for (let guard = 0; guard < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); guard++) {
    const group = vscode.window.tabGroups.all.find((g) => g.tabs.length > 0);
    const tab = group?.activeTab ?? group?.tabs[0];
    if (!group || !tab) break;
    const input = tab.input;
    if (input instanceof vscode.TabInputText) {
      // Revert and close in one command, dirty or not: a tab found clean here may be dirty by the time a plain close
      // runs (an undo landing late), and that close would then ask to save in a modal dialog that blocks the window.
      await vscode.window.showTextDocument(input.uri, { viewColumn: group.viewColumn, preserveFocus: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } else {
      await vscode.window.tabGroups.close(tab, true);
    }
  }
  if (!vscode.workspace.textDocuments.some((d) => d.isDirty)) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
