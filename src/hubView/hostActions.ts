/**
 * The Hub view's editor- and window-side effects: clipboard, snippet insertion at the cursor (language
 * from the active editor, QuickPick otherwise), sign-in, and the host's mirror of the view state.
 */
import * as vscode from 'vscode';
import { isHfToken } from '../core/trust/hfToken';
import type { HostActions, HubViewDeps, SnippetLanguage } from '../hub/deps';
import { snippetLanguageFor } from '../hub/snippets';
import { indentBlock, placeBlock } from '../editor/blockPlacement';
import type { PersistentState } from '../persistentState';
import { parseViewState } from '../shared/hubValidators';
import type { ViewState } from '../shared/hubTypes';

async function pickSnippetLanguage(editor: vscode.TextEditor | undefined): Promise<SnippetLanguage | undefined> {
  const fromEditor = editor && snippetLanguageFor(editor.document.languageId);
  if (fromEditor) return fromEditor;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Python', description: 'huggingface_hub InferenceClient', language: 'python' as const },
      { label: 'JavaScript', description: '@huggingface/inference InferenceClient', language: 'javascript' as const },
    ],
    { title: 'Insert a usage snippet', placeHolder: 'Snippet language' },
  );
  return picked?.language;
}

export function createHostActions(state: PersistentState, deps: HubViewDeps): HostActions {
  return {
    async copyText(text) {
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
    },
    async insertSnippet(snippets) {
      const editor = vscode.window.activeTextEditor;
      const language = await pickSnippetLanguage(editor);
      if (!language) return { inserted: false, language: '' };
      const text = snippets[language];
      if (editor) {
        // On lines of its own with an empty line around it, never glued to the code at the cursor.
        const at = editor.selection.active;
        const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
        const place = placeBlock(editor.document.lineAt(at.line).text, at.character, eol, true);
        const block = place.prefix + indentBlock(text, place.indent) + place.suffix;
        const inserted = await editor.edit((edit) => edit.insert(at, block));
        if (inserted) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
        return { inserted, language };
      }
      const doc = await vscode.workspace.openTextDocument({ language, content: text });
      await vscode.window.showTextDocument(doc);
      return { inserted: true, language };
    },
    async openRepoInExplorer(kind, id) {
      await vscode.commands.executeCommand('huggingface.openRepoInExplorer', { repo: id, type: kind });
    },
    async signIn() {
      await vscode.commands.executeCommand('huggingface.signIn');
      return isHfToken(await deps.getToken());
    },
    runSpaceCommand(command, id) {
      void vscode.commands.executeCommand(command === 'logs' ? 'huggingface.showSpaceLogs' : 'huggingface.restartSpace', { space: id });
    },
    loadState() {
      return state.hubViewState((value) => parseViewState(value, 'state'));
    },
    async saveState(viewState: ViewState) {
      await state.saveHubViewState(viewState);
    },
  };
}
