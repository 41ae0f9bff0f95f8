/**
 * The rule that keeps actions from overwriting the user's work: a result is written into the document
 * only when the text it replaces is exactly what was sent. Pure; see trackedRange.ts for the vscode side.
 */
import type { OffsetRange } from './rangeTracking';

/** What the action captured when it started. */
export interface TargetBefore {
  readonly text: string;
}

/** What the document looks like when the result arrives. */
export interface TargetNow {
  readonly documentClosed: boolean;
  /** The tracked range, undefined when an edit touched it. */
  readonly range: OffsetRange | undefined;
  /** Text currently in `range` (undefined when there is no range). */
  readonly text: string | undefined;
}

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function isTargetUnchanged(before: TargetBefore, now: TargetNow): boolean {
  return checkTarget(before, now).ok;
}

export function checkTarget(before: TargetBefore, now: TargetNow): GuardVerdict {
  if (now.documentClosed) return { ok: false, reason: 'the document was closed' };
  if (now.range === undefined) return { ok: false, reason: 'the selected text was edited while the request ran' };
  if (now.text !== before.text) return { ok: false, reason: 'the selected text changed while the request ran' };
  return { ok: true };
}
