/**
 * Follows a range of one document while a request runs, by feeding every content change through the
 * pure arithmetic of rangeTracking.ts. Edits the action makes itself are announced with `expect`, so
 * they move the range instead of invalidating it.
 */
import * as vscode from 'vscode';
import { applyChange, applyOwnChange, isExpectedChange, type OffsetRange, type TextChange, type TrackingMode } from './rangeTracking';
import type { TargetNow } from './targetGuard';

export class TrackedRange implements vscode.Disposable {
  private range: OffsetRange | undefined;
  private closed = false;
  private readonly expected: TextChange[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    readonly document: vscode.TextDocument,
    initial: OffsetRange,
    private readonly mode: TrackingMode,
  ) {
    this.range = initial;
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.onChanges(e.contentChanges);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.closed = true;
      }),
    ];
  }

  /** The range now, or undefined once an edit touched it. */
  get current(): OffsetRange | undefined {
    return this.range;
  }

  get documentClosed(): boolean {
    return this.closed || this.document.isClosed;
  }

  /** Announces an edit we are about to make; returns a function that withdraws it if the edit fails. */
  expect(change: TextChange): () => void {
    this.expected.push(change);
    return () => {
      const i = this.expected.indexOf(change);
      if (i >= 0) this.expected.splice(i, 1);
    };
  }

  toVscodeRange(range: OffsetRange | undefined = this.range): vscode.Range | undefined {
    if (range === undefined) return undefined;
    return new vscode.Range(this.document.positionAt(range.start), this.document.positionAt(range.end));
  }

  /** What the target guard needs to know about the range now. */
  now(): TargetNow {
    const closed = this.documentClosed;
    const range = closed ? undefined : this.range;
    const vsRange = this.toVscodeRange(range);
    return { documentClosed: closed, range, text: vsRange ? this.document.getText(vsRange) : undefined };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private onChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    for (const c of changes) {
      if (this.range === undefined) return;
      const change: TextChange = { offset: c.rangeOffset, length: c.rangeLength, text: c.text };
      const own = this.expected.findIndex((e) => isExpectedChange(change, e));
      if (own >= 0) {
        this.expected.splice(own, 1);
        this.range = applyOwnChange(this.range, change);
      } else {
        this.range = applyChange(this.range, change, this.mode);
      }
    }
  }
}
