/**
 * Inserts streamed text at a position as it arrives, as ONE undo group: the first edit opens the group
 * (undoStopBefore), the following ones extend it, the last one closes it (undoStopAfter). The inserted
 * range is followed through document changes; when the user edits inside it (or where the next chunk
 * goes), or the document is closed, insertion stops and the caller shows the full result in a preview.
 * On cancel or error, `removeInserted` takes the inserted text out again.
 *
 * The user may switch to another tab meanwhile: the stream goes on, its text waits here, and it lands in
 * the same undo group as soon as the document shows in an editor again (any editor of it, in any group).
 * A workspace edit could write into the hidden document, but VS Code makes every workspace edit its own
 * undo step, so the code would no longer undo in one step.
 */
import * as vscode from 'vscode';
import { indentBlock, type BlockPlacement } from './blockPlacement';
import { normalizeEol, type TextChange } from './rangeTracking';
import { TrackedRange } from './trackedRange';

export type StreamOutcome = { readonly status: 'applied' } | { readonly status: 'stopped'; readonly reason: string };

export class StreamInserter implements vscode.Disposable {
  private readonly tracked: TrackedRange;
  private queue = '';
  /** An edit of ours is in the document, so the undo group is open. */
  private opened = false;
  /** Set by removeInserted: later chunks are dropped. */
  private ended = false;
  private stopReason: string | undefined;
  /** Every edit runs after the previous one: chunks must land in order, at the range's current end. */
  private chain: Promise<void> = Promise.resolve();
  private readonly visibility: vscode.Disposable;
  private readonly shown = new vscode.EventEmitter<void>();

  private readonly prefix: string;
  private readonly suffix: string;
  private readonly indent: string;

  constructor(
    private editor: vscode.TextEditor,
    offset: number,
    /** Where the block goes on the cursor's line (editor/blockPlacement.ts): on lines of its own, indented like it. */
    placement: BlockPlacement = { prefix: '', suffix: '', indent: '' },
  ) {
    this.prefix = placement.prefix;
    this.suffix = placement.suffix;
    this.indent = placement.indent;
    this.tracked = new TrackedRange(editor.document, { start: offset, end: offset }, 'growing');
    this.visibility = vscode.window.onDidChangeVisibleTextEditors(() => {
      if (this.visibleEditor() === undefined) return;
      this.shown.fire();
      if (this.queue !== '') this.enqueue(() => this.flush());
    });
  }

  /** The document's file name, for "switch back to …" messages. */
  get documentName(): string {
    const path = this.editor.document.uri.path;
    return path.slice(path.lastIndexOf('/') + 1) || this.editor.document.uri.toString();
  }

  /** Whether an editor shows the document now (text can only be inserted, in one undo group, then). */
  get isShown(): boolean {
    return this.visibleEditor() !== undefined;
  }

  /** Why insertion stopped early, if it did. */
  get stopped(): string | undefined {
    return this.stopReason;
  }

  push(text: string): void {
    if (this.ended || this.stopReason !== undefined || text === '') return;
    this.queue += text.replace(/\n/g, `\n${this.indent}`);
    this.enqueue(() => this.flush());
  }

  /** The router moved to another attempt: what was inserted so far is discarded. */
  restart(): void {
    this.queue = '';
    this.enqueue(() => this.replaceInserted('', false));
  }

  /**
   * Makes the inserted text exactly `finalText` (the cleaned result) and closes the undo group. When no
   * editor shows the document, waits until one does (or the document is closed, or `cancel` fires).
   */
  async finish(finalText: string, cancel?: vscode.CancellationToken): Promise<StreamOutcome> {
    this.queue = '';
    await this.chain;
    if (!(await this.untilShown(cancel))) {
      if (this.tracked.documentClosed) return { status: 'stopped', reason: 'the document was closed' };
      const removed = await this.removeInserted();
      const partial = removed ? 'what had been inserted was taken out again' : 'what had been inserted was left in place';
      return { status: 'stopped', reason: `you cancelled while the file was in the background (${partial})` };
    }
    const range = this.liveRange();
    if (range === undefined) return { status: 'stopped', reason: this.stopReason ?? 'insertion stopped' };
    const want = this.prefix + indentBlock(finalText, this.indent) + this.suffix;
    const have = this.tracked.now().text ?? '';
    const ok = normalizeEol(have) === normalizeEol(want) ? await this.closeGroup() : await this.replaceInserted(want, true);
    return ok ? { status: 'applied' } : { status: 'stopped', reason: this.stopReason ?? 'the editor could not be edited' };
  }

  /** Cancel or error: removes what was inserted, so the text is as before. False when that was not possible. */
  async removeInserted(): Promise<boolean> {
    this.queue = '';
    this.ended = true;
    await this.chain;
    const range = this.tracked.current;
    if (range === undefined || this.tracked.documentClosed) return false;
    if (range.start === range.end && !this.opened) return true;
    if (this.visibleEditor() === undefined) return this.removeInBackground(range);
    return this.edit({ offset: range.start, length: range.end - range.start, text: '' }, true);
  }

  /** No editor shows the document: a workspace edit takes the partial text out (its own undo step, unavoidably). */
  private async removeInBackground(range: { start: number; end: number }): Promise<boolean> {
    const doc = this.editor.document;
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, new vscode.Range(doc.positionAt(range.start), doc.positionAt(range.end)));
    const withdraw = this.tracked.expect({ offset: range.start, length: range.end - range.start, text: '' });
    const ok = await vscode.workspace.applyEdit(edit);
    if (!ok) withdraw();
    return ok;
  }

  dispose(): void {
    this.visibility.dispose();
    this.shown.dispose();
    this.tracked.dispose();
  }

  /** Resolves true once an editor shows the document; false if it is closed or `cancel` fires first. */
  private untilShown(cancel?: vscode.CancellationToken): Promise<boolean> {
    if (this.visibleEditor()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (shown: boolean) => {
        for (const d of subscriptions) d.dispose();
        resolve(shown);
      };
      const subscriptions = [
        this.shown.event(() => done(true)),
        vscode.workspace.onDidCloseTextDocument((d) => d === this.editor.document && done(false)),
        ...(cancel ? [cancel.onCancellationRequested(() => done(false))] : []),
      ];
    });
  }

  /** The original editor if it still shows the document, else any visible editor of the document. */
  private visibleEditor(): vscode.TextEditor | undefined {
    const visible = vscode.window.visibleTextEditors;
    if (visible.includes(this.editor)) return this.editor;
    const other = visible.find((e) => e.document === this.editor.document);
    if (other) this.editor = other;
    return other;
  }

  private enqueue(step: () => Promise<unknown>): void {
    this.chain = this.chain.then(step).then(
      () => undefined,
      () => undefined,
    );
  }

  private async flush(): Promise<void> {
    if (this.ended || this.queue === '') return;
    const range = this.liveRange();
    if (range === undefined) return;
    // In the background: the text waits for the document to show again (see the class comment).
    if (this.visibleEditor() === undefined) return;
    // The prefix goes in front whenever nothing of ours is in the document (first chunk, or after a restart).
    const queued = this.queue;
    const text = (range.start === range.end ? this.prefix : '') + queued;
    this.queue = '';
    // The editor went to the background between the check and the edit: the text waits again.
    if (!(await this.edit({ offset: range.end, length: 0, text }, false)) && this.stopReason === undefined) this.queue = queued + this.queue;
  }

  private async replaceInserted(text: string, closeGroup: boolean): Promise<boolean> {
    const range = this.liveRange();
    if (range === undefined) return false;
    if (!this.opened && text === '') return true;
    return this.edit({ offset: range.start, length: range.end - range.start, text }, closeGroup);
  }

  /** An empty edit whose only effect is the undo stop after the group. */
  private async closeGroup(): Promise<boolean> {
    if (!this.opened) return true;
    try {
      await (this.visibleEditor() ?? this.editor).edit(() => undefined, { undoStopBefore: false, undoStopAfter: true });
    } catch {
      // The text is already right; only the undo grouping could not be closed.
    }
    return true;
  }

  /** The inserted range if insertion may go on; otherwise records why not and returns undefined. */
  private liveRange(): { start: number; end: number } | undefined {
    if (this.tracked.documentClosed) this.stop('the document was closed');
    else if (this.tracked.current === undefined) this.stop('the document was edited where the code was being inserted');
    return this.stopReason === undefined ? this.tracked.current : undefined;
  }

  private async edit(change: TextChange, closeGroup: boolean): Promise<boolean> {
    const editor = this.visibleEditor() ?? this.editor;
    const doc = editor.document;
    const range = new vscode.Range(doc.positionAt(change.offset), doc.positionAt(change.offset + change.length));
    const withdraw = this.tracked.expect(change);
    try {
      const ok = await editor.edit((b) => b.replace(range, change.text), { undoStopBefore: !this.opened, undoStopAfter: closeGroup });
      if (!ok) throw new Error('edit rejected');
      this.opened = true;
      return true;
    } catch {
      withdraw();
      if (!this.tracked.documentClosed && this.visibleEditor() === undefined) return false;
      this.stop('the editor was closed or changed while the code was being inserted');
      return false;
    }
  }

  private stop(reason: string): void {
    this.stopReason ??= reason;
  }
}
