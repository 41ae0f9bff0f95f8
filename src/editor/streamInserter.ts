/**
 * Inserts streamed text at a position as it arrives, as ONE undo group: the first edit opens the group
 * (undoStopBefore), the following ones extend it, the last one closes it (undoStopAfter). The inserted
 * range is followed through document changes; when the user edits inside it (or where the next chunk
 * goes), or the editor goes away, insertion stops and the caller shows the full result in a preview.
 * On cancel or error, `removeInserted` takes the inserted text out again.
 */
import * as vscode from 'vscode';
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

  constructor(
    private readonly editor: vscode.TextEditor,
    offset: number,
    /** Text put before the first chunk (a line break when inserting after a selection). */
    private readonly prefix = '',
  ) {
    this.tracked = new TrackedRange(editor.document, { start: offset, end: offset }, 'growing');
  }

  /** Why insertion stopped early, if it did. */
  get stopped(): string | undefined {
    return this.stopReason;
  }

  push(text: string): void {
    if (this.ended || this.stopReason !== undefined || text === '') return;
    this.queue += text;
    this.enqueue(() => this.flush());
  }

  /** The router moved to another attempt: what was inserted so far is discarded. */
  restart(): void {
    this.queue = '';
    this.enqueue(() => this.replaceInserted('', false));
  }

  /** Makes the inserted text exactly `finalText` (the cleaned result) and closes the undo group. */
  async finish(finalText: string): Promise<StreamOutcome> {
    this.queue = '';
    await this.chain;
    const range = this.liveRange();
    if (range === undefined) return { status: 'stopped', reason: this.stopReason ?? 'insertion stopped' };
    const want = this.prefix + finalText;
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
    return this.edit({ offset: range.start, length: range.end - range.start, text: '' }, true);
  }

  dispose(): void {
    this.tracked.dispose();
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
    // The prefix goes in front whenever nothing of ours is in the document (first chunk, or after a restart).
    const text = (range.start === range.end ? this.prefix : '') + this.queue;
    this.queue = '';
    await this.edit({ offset: range.end, length: 0, text }, false);
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
      await this.editor.edit(() => undefined, { undoStopBefore: false, undoStopAfter: true });
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
    const doc = this.editor.document;
    const range = new vscode.Range(doc.positionAt(change.offset), doc.positionAt(change.offset + change.length));
    const withdraw = this.tracked.expect(change);
    try {
      const ok = await this.editor.edit((b) => b.replace(range, change.text), { undoStopBefore: !this.opened, undoStopAfter: closeGroup });
      if (!ok) throw new Error('edit rejected');
      this.opened = true;
      return true;
    } catch {
      withdraw();
      this.stop('the editor was closed or changed while the code was being inserted');
      return false;
    }
  }

  private stop(reason: string): void {
    this.stopReason ??= reason;
  }
}
