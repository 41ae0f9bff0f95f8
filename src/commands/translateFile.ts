/**
 * Translate Comments in File: every comment of the active file (never its code) is translated, one request per
 * distinct comment through the router (its rate limit applies), and the result opens as a diff against the file
 * with Apply / Discard. Apply is one undoable edit, and only if the file is exactly as it was when the
 * translation started; Cancel (or a failure) keeps what was translated so far in the diff.
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { translateMasked } from '../core/comments/protectedText';
import { commentsIn, withTranslatedComments } from '../core/comments/selectionComments';
import { commentFinderFor } from '../editor/commentFinder';
import { PREVIEW_SCHEME } from '../editor/preview';
import { detectLanguage } from '../core/language/languageDetection';
import { languageName } from '../core/language/languages';
import { callFailureOf, plainMessage } from '../ui/messages';
import { notify } from '../ui/notify';
import { withCancellableProgress } from '../ui/progress';
import type { ActionResult } from './actionResult';
import { argsObject, stringArg } from './args';
import { activeEditor, preflightFor, refuse } from './run';
import { AUTO_SOURCE, chooseSourceLang, chooseTarget } from './translate';

export function translateCommentsInFile(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const args = argsObject(invocation.args);
    const editor = activeEditor();
    if (!editor.ok) return editor.result;
    const document = editor.value.document;
    if (document.uri.scheme === PREVIEW_SCHEME) return refuse(plainMessage('This is a preview: run Translate Comments in File in the file itself.'));
    const original = document.getText();
    const version = document.version;
    const finder = await commentFinderFor(ctx, document);
    const pieces = commentsIn(original, document.languageId, { strings: ctx.config.actionSettings(document.languageId).translateIncludeStrings, finder });
    if (pieces.length === 0) return refuse(plainMessage('This file has no comments to translate (code is never translated).'));
    const problem = await preflightFor(ctx, 'translate');
    if (problem) return refuse(problem, { afterSignIn: () => invocation.rerun() });
    const texts = [...new Set(pieces.map((p) => p.split.prose))];
    const detected = detectLanguage(texts.join('\n'));
    const targetLang = await chooseTarget(ctx, stringArg(args, 'targetLang'), detected);
    if (!targetLang.ok) return targetLang.result;
    const sourceLang = await chooseSourceLang(stringArg(args, 'sourceLang'), detected, targetLang.value, ctx.config.actionSettings().translateAskSourceLanguage);
    if (!sourceLang.ok) return sourceLang.result;
    const from = sourceLang.value === AUTO_SOURCE ? '' : ` from ${languageName(sourceLang.value)}`;

    const translated = new Map<string, string>();
    let stopped: { kind: string; message: string } | undefined;
    await withCancellableProgress(`Translating the comments of ${fileName(document)}${from} to ${languageName(targetLang.value)}…`, async (signal, report) => {
      for (const [i, text] of texts.entries()) {
        report(`${i + 1} of ${texts.length}`);
        try {
          const translation = await translateMasked(text, async (masked) => {
            const { result } = await ctx.router.run({ task: 'translate', text: masked, sourceLang: sourceLang.value, targetLang: targetLang.value }, { signal });
            if (signal.aborted) throw new Error('Cancelled.');
            if (result.task !== 'translate') throw new Error(`expected a translation, got ${result.task}`);
            return result.text;
          });
          translated.set(text, translation);
        } catch (err) {
          stopped = signal.aborted ? { kind: 'cancelled', message: 'Cancelled.' } : callFailureOf(err);
          return;
        }
      }
    });
    if (translated.size === 0) {
      if (stopped?.kind === 'cancelled') return { status: 'cancelled', message: 'Cancelled: no comment was translated.' };
      return refuse(plainMessage(`No comment could be translated: ${stopped?.message ?? 'no answer.'}`));
    }
    const proposed = withTranslatedComments(original, pieces, (prose) => translated.get(prose) ?? prose);
    const partly = translated.size < texts.length ? ` (${translated.size} of ${texts.length}: ${stopped?.kind === 'cancelled' ? 'cancelled' : `stopped, ${stopped?.message ?? ''}`})` : '';
    await ctx.previews.showDiff(original, proposed, { title: `${fileName(document)}: comments in ${languageName(targetLang.value)}`, languageId: document.languageId });

    const apply = args.apply === true ? 'Apply' : args.apply === false ? 'Discard' : await vscode.window.showInformationMessage(`Translated ${translated.size} comment${translated.size === 1 ? '' : 's'}${partly}. Apply them to ${fileName(document)}?`, 'Apply', 'Discard');
    if (apply !== 'Apply') return { status: 'preview', message: `The translated comments are in the diff${partly}; the file was not changed.` };
    if (document.isClosed || document.version !== version || document.getText() !== original) {
      const message = `The file changed while its comments were translated, so nothing was written; the translation is in the diff${partly}.`;
      notify(plainMessage(message));
      return { status: 'preview', message };
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(original.length)), proposed);
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) return { status: 'preview', message: 'The editor did not accept the edit; the translation is in the diff.' };
    return { status: 'applied', message: `Translated ${translated.size} comment${translated.size === 1 ? '' : 's'}${from} to ${languageName(targetLang.value)}${partly}; the code is unchanged.` };
  };
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || 'the file';
}
