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
    const document = await this.open(content, options);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return document.uri;
  }

  /** Shows `after` against `before` in a diff editor (both read-only previews in `languageId`). */
  async showDiff(before: string, after: string, options: PreviewOptions): Promise<vscode.Uri> {
    const left = await this.open(before, { ...options, title: `${options.title} (original)` });
    const right = await this.open(after, options);
    // Beside the file, without taking the focus: the file stays the active editor (what the next action works on).
    await vscode.commands.executeCommand('vscode.diff', left.uri, right.uri, options.title, { preview: true, preserveFocus: true, viewColumn: vscode.ViewColumn.Beside });
    return right.uri;
  }

  private async open(content: string, options: PreviewOptions): Promise<vscode.TextDocument> {
    this.seq += 1;
    const ext = options.languageId === 'markdown' ? '.md' : '';
    const name = options.title.replace(/[\\/:*?"<>|]+/g, '-');
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${this.seq}/${name}${ext}` });
    this.contents.set(uri.toString(), content);
    this.forgetOldest();
    const document = await vscode.workspace.openTextDocument(uri);
    if (options.languageId && document.languageId !== options.languageId) {
      return vscode.languages.setTextDocumentLanguage(document, options.languageId);
    }
    return document;
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
