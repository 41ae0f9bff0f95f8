/**
 * The commands behind the hover's links (src/editor/commentHover.ts): Replace with translation (one guarded,
 * undoable edit of the hovered comment), Translate this comment (the on-demand hover: translate, then show the
 * hover again), and the on/off toggle.
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { splitComment } from '../core/comments/commentCodec';
import { languageName } from '../core/language/languages';
import { AUTO_SOURCE } from '../core/routing/prompts';
import { commentHoverService, translateComment, whyNotNow, type HoverCommentArgs } from '../editor/commentHover';
import { isRememberedRange, locateUnchanged, replaceLocated } from '../editor/guardedReplace';
import { callFailureOf, failureMessage, plainMessage } from '../ui/messages';
import { notify } from '../ui/notify';
import { withCancellableProgress } from '../ui/progress';
import type { ActionResult } from './actionResult';
import { argsObject } from './args';
import { refuse } from './run';

/** The hover link's arguments, checked (a link can be run from anywhere, e.g. the command palette). */
function hoverArgs(value: unknown): HoverCommentArgs | undefined {
  const a = argsObject(value);
  const ok = isRememberedRange(a) && typeof a.sourceLang === 'string' && typeof a.targetLang === 'string' && (a.end as number) > (a.start as number);
  return ok ? (a as unknown as HoverCommentArgs) : undefined;
}

/**
 * The comment a hover link names, as it is now, split into syntax and prose; or the refusal to return (bad
 * arguments, the file closed, the comment changed since the hover: a changed comment is never written over).
 */
function hoveredComment(ctx: Ctx, invocation: Invocation, link: string) {
  const args = hoverArgs(invocation.args);
  if (!args) return refuse(plainMessage(`${link} works from the hover of a comment: hover a comment and click the link.`));
  const found = locateUnchanged(args, 'comment');
  if (typeof found === 'string') return refuse(plainMessage(found.replace('changed since,', 'changed since it was hovered,')));
  const split = splitComment(args.original, found.document.languageId, commentHoverService(ctx).syntaxOf(found.document));
  if (!split) return refuse(plainMessage('That is not a comment any more, so nothing was written.'));
  return { args, found, split };
}

export function replaceCommentWithTranslation(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const hovered = hoveredComment(ctx, invocation, 'Replace with translation');
    if ('status' in hovered) return hovered;
    const { args, found, split } = hovered;
    // The translation from the hover's cache, or requested again (the comment is followed meanwhile).
    const edit = await replaceLocated(found, args.original, async () => {
      const translation = await translated(ctx, split, args);
      return typeof translation === 'string' ? { refused: translation } : split.rebuild(translation.text);
    });
    if ('refused' in edit) return refuse(plainMessage(edit.refused));
    if (!edit.applied) {
      const message = `The translation was not written: ${edit.reason}.`;
      notify(plainMessage(message));
      return { status: 'refused', message };
    }
    return { status: 'applied', message: `Replaced the comment with its translation into ${languageName(args.targetLang)}.` };
  };
}

/** The translation from the hover's cache, else requested again under a cancellable progress; a string says why not. */
async function translated(ctx: Ctx, split: NonNullable<ReturnType<typeof splitComment>>, args: HoverCommentArgs) {
  const cached = commentHoverService(ctx).translations.cached(split.prose, args.targetLang);
  if (cached) return cached;
  const blocked = await whyNotNow(ctx);
  if (blocked) return blocked.text;
  try {
    return await withCancellableProgress(`Translating the comment into ${languageName(args.targetLang)}…`, async (signal) => {
      const result = await translateComment(ctx, { split }, args);
      if (signal.aborted) throw new Error('Cancelled.');
      return result;
    });
  } catch (err) {
    const { kind, message } = callFailureOf(err);
    const settings = ctx.config.routingSettings();
    return failureMessage(kind, message, { hasToken: await ctx.tokens.hasToken(), hubUrl: settings.hubUrl, routerUrl: settings.routerUrl }).text;
  }
}

/** The on-demand hover's link: translate the comment, then show the hover (now answered from the cache) again. */
export function translateHoveredComment(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const hovered = hoveredComment(ctx, invocation, 'Translate this comment');
    if ('status' in hovered) return hovered;
    const { args, found, split } = hovered;
    const translation = await translated(ctx, split, args);
    if (typeof translation === 'string') return refuse(plainMessage(translation));
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === found.document);
    if (editor) {
      const at = found.document.positionAt(found.start + Math.min(found.end - found.start - 1, args.original.search(/\p{L}/u)));
      if (!editor.selection.contains(at)) editor.selection = new vscode.Selection(at, at);
      await vscode.window.showTextDocument(found.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      await vscode.commands.executeCommand('editor.action.showHover');
    }
    const from = args.sourceLang === AUTO_SOURCE ? '' : ` from ${languageName(args.sourceLang)}`;
    return { status: 'preview', message: `Translated the comment${from} into ${languageName(args.targetLang)}: ${translation.text}` };
  };
}

export function toggleCommentHover(ctx: Ctx) {
  return async (): Promise<ActionResult> => {
    const on = await ctx.config.toggleHover();
    const message = on ? 'Comment translation on hover is on.' : 'Comment translation on hover is off.';
    vscode.window.setStatusBarMessage(`$(globe) Hugging Face: ${message}`, 4000);
    return { status: 'applied', message };
  };
}
