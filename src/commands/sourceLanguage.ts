/**
 * Deciding the source language of a translation from the offline detector: use it when it is sure,
 * ask the user (with the detector's guesses first) when it is not, never fail. Pure.
 */
import { CONFIDENT, type DetectedLanguage } from '../core/language/languageDetection';
import { getLanguage } from '../core/language/languages';

export { CONFIDENT };

export type SourceChoice =
  | { readonly kind: 'known'; readonly lang: string }
  /** The selection is confidently in the target language already. */
  | { readonly kind: 'same'; readonly lang: string }
  /** Ask the user; `suggestions` (supported codes, most likely first) go on top of the list. */
  | { readonly kind: 'ask'; readonly suggestions: readonly string[] };

export function chooseSource(detected: DetectedLanguage | undefined, targetLang: string): SourceChoice {
  if (detected === undefined || !getLanguage(detected.lang)) return { kind: 'ask', suggestions: [] };
  const lang = getLanguage(detected.lang)?.code ?? detected.lang;
  const target = getLanguage(targetLang)?.code ?? targetLang;
  if (detected.confidence >= CONFIDENT) return lang === target ? { kind: 'same', lang } : { kind: 'known', lang };
  const suggestions = [detected.lang, ...detected.alternatives.map((a) => a.lang)]
    .map((code) => getLanguage(code)?.code)
    .filter((code): code is string => code !== undefined);
  return { kind: 'ask', suggestions: [...new Set(suggestions)] };
}
