/**
 * Highlights results in the document: the answer span of "Ask" and the entities of "Extract Named
 * Entities" (with a hover naming the group and score). Highlights go away at the next edit of that
 * document, since they describe the text as it was.
 */
import * as vscode from 'vscode';

export interface EntityMark {
  readonly range: vscode.Range;
  readonly hover: string;
}

export class Decorations implements vscode.Disposable {
  private answerType: vscode.TextEditorDecorationType | undefined;
  private entityType: vscode.TextEditorDecorationType | undefined;
  /** Documents that carry a highlight, with the editors showing it. */
  private readonly decorated = new Map<vscode.TextDocument, Set<vscode.TextEditor>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.decorated.has(e.document)) this.clear(e.document);
      }),
      // A closed document's editors are gone: forget them so the map holds only open documents.
      vscode.workspace.onDidCloseTextDocument((document) => this.decorated.delete(document)),
    ];
  }

  showAnswer(editor: vscode.TextEditor, range: vscode.Range, hover: string): void {
    this.answerType ??= vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
      border: '1px solid',
      borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    });
    editor.setDecorations(this.answerType, [{ range, hoverMessage: plainHover(hover) }]);
    this.remember(editor);
  }

  showEntities(editor: vscode.TextEditor, marks: readonly EntityMark[]): void {
    this.entityType ??= vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('editor.wordHighlightBackground'),
      textDecoration: 'underline dotted',
    });
    editor.setDecorations(
      this.entityType,
      marks.map((m) => ({ range: m.range, hoverMessage: plainHover(m.hover) })),
    );
    this.remember(editor);
  }

  clear(document: vscode.TextDocument): void {
    for (const editor of this.decorated.get(document) ?? []) {
      if (this.answerType) editor.setDecorations(this.answerType, []);
      if (this.entityType) editor.setDecorations(this.entityType, []);
    }
    this.decorated.delete(document);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.answerType?.dispose();
    this.entityType?.dispose();
    this.decorated.clear();
  }

  private remember(editor: vscode.TextEditor): void {
    const editors = this.decorated.get(editor.document) ?? new Set<vscode.TextEditor>();
    editors.add(editor);
    this.decorated.set(editor.document, editors);
  }
}

/** Hover markdown that can never run a command or render HTML (what it shows is escaped by its builder). */
function plainHover(markdown: string): vscode.MarkdownString {
  const hover = new vscode.MarkdownString(markdown, false);
  hover.isTrusted = false;
  hover.supportHtml = false;
  return hover;
}

/** A visible editor showing `document` (the one the action started in may have been replaced). */
export function editorFor(document: vscode.TextDocument, preferred?: vscode.TextEditor): vscode.TextEditor | undefined {
  if (preferred && vscode.window.visibleTextEditors.includes(preferred)) return preferred;
  return vscode.window.visibleTextEditors.find((e) => e.document === document);
}
