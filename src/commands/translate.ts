/**
 * Translate Selection (replace it) and Translate Selection to Side Preview. The source language is
 * detected offline (asked when unsure); a selected comment or string literal keeps its markers,
 * quotes and indentation because only its prose is translated.
 */
import type { Ctx } from '../ctx';
import { splitComment } from '../core/comments/commentCodec';
import { detectLanguage, type DetectedLanguage } from '../core/language/languageDetection';
import { findLanguage, getLanguage, languageName } from '../core/language/languages';
import { replaceIfUnchanged } from '../editor/guardedEdit';
import type { SelectionTarget } from '../editor/selection';
import { plainMessage } from '../ui/messages';
import { cancelled, done, stop, type Step } from './actionResult';
import { stringArg } from './args';
import { pickLanguage } from './languageQuickPick';
import { refuse, selectionAction, showInPreviewInstead } from './run';
import { chooseSource, CONFIDENT } from './sourceLanguage';

export function translateSelection(ctx: Ctx) {
  return translateAction(ctx, 'replace');
}

export function translateSelectionToPreview(ctx: Ctx) {
  return translateAction(ctx, 'preview');
}

function translateAction(ctx: Ctx, mode: 'replace' | 'preview') {
  return selectionAction(ctx, 'translate', async ({ args, target, tracked, route }) => {
    const comment = splitComment(target.text, target.document.languageId);
    const prose = comment?.prose ?? target.text;
    if (prose.trim() === '') return refuse(plainMessage('The selected comment has no text to translate.'));
    const detected = detectLanguage(prose);
    const targetLang = await chooseTarget(ctx, stringArg(args, 'targetLang'), detected);
    if (!targetLang.ok) return targetLang.result;
    const sourceLang = await chooseSourceLang(stringArg(args, 'sourceLang'), detected, targetLang.value);
    if (!sourceLang.ok) return sourceLang.result;
    // Not awaited: a globalState write can take a while, and the request should not wait for it.
    ctx.state.rememberTarget(targetLang.value, ctx.config.actionSettings().translateRecentLimit).catch((err) => ctx.log.warn(`Could not remember the target language: ${String(err)}`));
    const routed = await route(`Translating from ${languageName(sourceLang.value)} to ${languageName(targetLang.value)}…`, {
      task: 'translate',
      text: prose,
      sourceLang: sourceLang.value,
      targetLang: targetLang.value,
    });
    if (!routed.ok) return routed.result;
    const { result, decision } = routed.value;
    const text = comment ? comment.rebuild(result.text) : result.text;
    const base = { decision, result };
    if (mode === 'preview') {
      await showTranslation(ctx, target, text, targetLang.value);
      return { ...base, status: 'preview', message: `Translated to ${languageName(targetLang.value)} (preview).` };
    }
    const edit = await replaceIfUnchanged(tracked, target, text);
    if (edit.applied) return { ...base, status: 'applied', message: `Translated from ${languageName(sourceLang.value)} to ${languageName(targetLang.value)}.` };
    const message = await showInPreviewInstead(ctx, 'The translation was not written', edit.reason, text, translationPreview(target, targetLang.value));
    return { ...base, status: 'preview', message };
  });
}

async function chooseTarget(ctx: Ctx, requested: string | undefined, detected: DetectedLanguage | undefined): Promise<Step<string>> {
  if (requested !== undefined) {
    const language = findLanguage(requested);
    return language
      ? done(language.code)
      : stop(refuse(plainMessage(`Unknown target language "${requested}". Use a code such as "es" or a name such as "Spanish".`)));
  }
  // The language the text is already in is never the default target (Enter would translate it into itself).
  const source = detected && detected.confidence >= CONFIDENT ? getLanguage(detected.lang) : undefined;
  const code = await pickLanguage(ctx.state.recentTargets(), {
    title: 'Translate Selection',
    placeHolder: source ? `Translate to… (the selection looks like ${source.name})` : 'Translate to…',
    firstLabel: 'Recently used',
    last: source?.code,
  });
  return code ? done(code) : stop(cancelled());
}

async function chooseSourceLang(requested: string | undefined, detected: DetectedLanguage | undefined, targetLang: string): Promise<Step<string>> {
  if (requested !== undefined) {
    const language = findLanguage(requested);
    if (!language) return stop(refuse(plainMessage(`Unknown source language "${requested}". Use a code such as "en" or a name such as "English".`)));
    return language.code === targetLang ? stop(refuse(sameLanguage(targetLang))) : done(language.code);
  }
  const choice = chooseSource(detected, targetLang);
  if (choice.kind === 'known') return done(choice.lang);
  if (choice.kind === 'same') return stop(refuse(sameLanguage(targetLang)));
  const code = await pickLanguage(choice.suggestions, {
    title: 'Translate Selection: source language',
    placeHolder: 'The language of the selection could not be detected for sure. Which language is it?',
    firstLabel: 'Likely',
    exclude: targetLang,
  });
  return code ? done(code) : stop(cancelled());
}

function sameLanguage(lang: string) {
  return plainMessage(`The selection is already in ${languageName(lang)}. Pick another target language.`);
}

function translationPreview(target: SelectionTarget, targetLang: string): { title: string; languageId: string } {
  return { title: `Translation (${languageName(targetLang)})`, languageId: target.document.languageId };
}

async function showTranslation(ctx: Ctx, target: SelectionTarget, text: string, targetLang: string): Promise<void> {
  await ctx.previews.show(text, translationPreview(target, targetLang));
}
