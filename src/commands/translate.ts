/**
 * Translate Selection (replace it) and Translate Selection to Side Preview. The source language is
 * detected offline (asked when unsure); a selected comment or string literal keeps its markers,
 * quotes and indentation because only its prose is translated.
 */
import type { Ctx } from '../ctx';
import { splitComment } from '../core/comments/commentCodec';
import { isProseLanguage, programmingLanguageName } from '../core/comments/commentSyntax';
import { translateMasked } from '../core/comments/protectedText';
import { commentSyntaxIn, commentsIn, withTranslatedComments } from '../core/comments/selectionComments';
import type { CommentFinder } from '../core/comments/commentSpans';
import { commentFinderFor } from '../editor/commentFinder';
import { detectLanguage, type DetectedLanguage } from '../core/language/languageDetection';
import { findLanguage, getLanguage, languageName } from '../core/language/languages';
import { AUTO_SOURCE } from '../core/routing/prompts';
import { replaceIfUnchanged } from '../editor/guardedEdit';
import type { SelectionTarget } from '../editor/selection';
import { plainMessage } from '../ui/messages';
import { cancelled, done, stop, type ActionResult, type Routed, type Step } from './actionResult';
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

/**
 * What of the selection is translated: one comment or string literal (its prose), the comments of a selection
 * that mixes code and comments (every other byte stays), or, in prose documents, the whole text.
 */
interface TranslationPlan {
  /** The distinct texts to send, in order. */
  readonly texts: readonly string[];
  /** The selection with each text replaced by its translation. */
  rebuild(translated: ReadonlyMap<string, string>): string;
  /** "the comment", "3 comments", "" (the whole selection): for the progress title. */
  readonly what: string;
}

/** `finder`: TextMate grammars for a language the comment-syntax table lacks (editor/commentFinder.ts). */
function planTranslation(text: string, languageId: string, includeStrings: boolean, finder?: CommentFinder): TranslationPlan | undefined {
  const comment = splitComment(text, languageId, commentSyntaxIn(text, languageId, { finder }));
  if (comment) return { texts: [comment.prose], rebuild: (t) => comment.rebuild(t.get(comment.prose) ?? comment.prose), what: comment.kind === 'string' ? 'the string' : 'the comment' };
  if (isProseLanguage(languageId)) return { texts: [text], rebuild: (t) => t.get(text) ?? text, what: '' };
  const pieces = commentsIn(text, languageId, { strings: includeStrings, finder });
  if (pieces.length === 0) return undefined;
  const texts = [...new Set(pieces.map((p) => p.split.prose))];
  return {
    texts,
    rebuild: (t) => withTranslatedComments(text, pieces, (prose) => t.get(prose) ?? prose),
    what: pieces.length === 1 ? 'the comment' : `${pieces.length} comments`,
  };
}

function translateAction(ctx: Ctx, mode: 'replace' | 'preview') {
  return selectionAction(ctx, 'translate', async ({ args, target, tracked, route }) => {
    const finder = await commentFinderFor(ctx, target.document);
    const plan = planTranslation(target.text, target.document.languageId, ctx.config.actionSettings(target.document.languageId).translateIncludeStrings, finder);
    if (!plan) {
      return refuse(plainMessage(`The selection has no comments to translate: in ${programmingLanguageName(target.document.languageId)} code only comments are translated, never the code.`));
    }
    const prose = plan.texts.join('\n');
    if (prose.trim() === '') return refuse(plainMessage('The selected comment has no text to translate.'));
    const detected = detectLanguage(prose);
    const targetLang = await chooseTarget(ctx, stringArg(args, 'targetLang'), detected);
    if (!targetLang.ok) return targetLang.result;
    const sourceLang = await chooseSourceLang(stringArg(args, 'sourceLang'), detected, targetLang.value, ctx.config.actionSettings().translateAskSourceLanguage);
    if (!sourceLang.ok) return sourceLang.result;
    // Not awaited: a globalState write can take a while, and the request should not wait for it.
    ctx.state.rememberTarget(targetLang.value, ctx.config.actionSettings().translateRecentLimit).catch((err) => ctx.log.warn(`Could not remember the target language: ${String(err)}`));
    const from = sourceLang.value === AUTO_SOURCE ? 'from an undetected language' : `from ${languageName(sourceLang.value)}`;
    const title = `Translating ${plan.what ? `${plan.what} ` : ''}${from} to ${languageName(targetLang.value)}…`;
    // One request per distinct text, one after another (the rate limiter applies); any failure writes nothing.
    const translated = new Map<string, string>();
    let last: Routed<'translate'> | undefined;
    // Code in the prose (backticks, identifiers, URLs) goes as placeholders and comes back as it was.
    let stopped: ActionResult | undefined;
    for (const text of plan.texts) {
      const translation = await translateMasked(text, async (masked) => {
        const routed = await route(title, { task: 'translate', text: masked, sourceLang: sourceLang.value, targetLang: targetLang.value });
        if (!routed.ok) {
          stopped = routed.result;
          return masked;
        }
        last = routed.value;
        return routed.value.result.text;
      });
      if (stopped) return stopped;
      translated.set(text, translation);
    }
    if (!last) return refuse(plainMessage('The selected comment has no text to translate.'));
    const text = plan.rebuild(translated);
    const base = { decision: last.decision, result: last.result };
    if (mode === 'preview') {
      await showTranslation(ctx, target, text, targetLang.value);
      return { ...base, status: 'preview', message: `Translated to ${languageName(targetLang.value)} (preview).` };
    }
    const edit = await replaceIfUnchanged(tracked, target, text);
    if (edit.applied) {
      const which = plan.texts.length > 1 ? ` (${plan.what}; the code is unchanged)` : '';
      return { ...base, status: 'applied', message: `Translated ${from} to ${languageName(targetLang.value)}${which}.` };
    }
    const message = await showInPreviewInstead(ctx, 'The translation was not written', edit.reason, text, translationPreview(target, targetLang.value));
    return { ...base, status: 'preview', message };
  });
}

export async function chooseTarget(ctx: Ctx, requested: string | undefined, detected: DetectedLanguage | undefined): Promise<Step<string>> {
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

export { AUTO_SOURCE };

export async function chooseSourceLang(requested: string | undefined, detected: DetectedLanguage | undefined, targetLang: string, ask: boolean): Promise<Step<string>> {
  if (requested !== undefined) {
    const language = findLanguage(requested);
    if (!language) return stop(refuse(plainMessage(`Unknown source language "${requested}". Use a code such as "en" or a name such as "English".`)));
    return language.code === targetLang ? stop(refuse(sameLanguage(targetLang))) : done(language.code);
  }
  const choice = chooseSource(detected, targetLang);
  if (choice.kind === 'known') return done(choice.lang);
  if (choice.kind === 'same') return stop(refuse(sameLanguage(targetLang)));
  // Unsure (short text): a model that needs no source language, unless the user wants to be asked.
  if (!ask) return done(AUTO_SOURCE);
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
