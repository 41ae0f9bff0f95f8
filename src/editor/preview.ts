/**
 * Read-only preview documents (scheme `huggingface-preview`): where results go when they must not or
 * cannot be written into the user's file, and where reports (health, decisions) are shown.
 */
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'huggingface-preview';
/** Old previews are forgotten past this many, so memory stays bounded in long sessions. */
const MAX_DOCUMENTS = 50;

export interface PreviewOptions {
  readonly title: string;
  /** Language of the preview (the source file's, or 'markdown' for reports). */
  readonly languageId?: string;
}

export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private seq = 0;

  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens `content` beside the active editor, without taking the focus from it. */
  async show(content: string, options: PreviewOptions): Promise<vscode.Uri> {
    this.seq += 1;
    const ext = options.languageId === 'markdown' ? '.md' : '';
    const name = options.title.replace(/[\\/:*?"<>|]+/g, '-');
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${this.seq}/${name}${ext}` });
    this.contents.set(uri.toString(), content);
    this.forgetOldest();
    let document = await vscode.workspace.openTextDocument(uri);
    if (options.languageId && document.languageId !== options.languageId) {
      document = await vscode.languages.setTextDocumentLanguage(document, options.languageId);
    }
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }

  private forgetOldest(): void {
    while (this.contents.size > MAX_DOCUMENTS) {
      const oldest = this.contents.keys().next().value;
      if (oldest === undefined) return;
      this.contents.delete(oldest);
    }
  }
}
