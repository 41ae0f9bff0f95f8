// Observing a document while an action streams into it, and a long chat reply to stream.
import * as vscode from 'vscode';

/** `lines` lines of valid TypeScript, one word-chunk stream of about 4 * lines chunks from the fake. */
export function longCode(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `const value${i} = ${i} + 1;`).join('\n');
}

export interface ChangeLog extends vscode.Disposable {
  /** Text insertions into the document seen so far (deletions and replacements with no text are not counted). */
  readonly insertions: number;
  /** Resolves at the first insertion. */
  readonly firstInsertion: Promise<void>;
}

export function watchInsertions(document: vscode.TextDocument): ChangeLog {
  let insertions = 0;
  let resolveFirst: () => void = () => undefined;
  const firstInsertion = new Promise<void>((resolve) => {
    resolveFirst = resolve;
  });
  const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document !== document) return;
    if (event.contentChanges.some((c) => c.text.length > 0)) {
      insertions += 1;
      resolveFirst();
    }
  });
  return {
    get insertions() {
      return insertions;
    },
    firstInsertion,
    dispose: () => subscription.dispose(),
  };
}
