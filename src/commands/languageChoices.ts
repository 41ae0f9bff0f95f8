/**
 * The order of Translate's language lists: the given codes first (recent targets, or the detector's
 * guesses for the source), then every other supported language. Pure.
 */
import { getLanguage, type Language } from '../core/language/languages';

export interface LanguageChoice {
  readonly code: string;
  readonly label: string;
  readonly description: string;
}

export interface LanguageChoices {
  readonly first: readonly LanguageChoice[];
  readonly others: readonly LanguageChoice[];
}

export function languageChoice(language: Language): LanguageChoice {
  const native = language.nativeName !== language.name ? `${language.nativeName} · ` : '';
  return { code: language.code, label: language.name, description: `${native}${language.code}` };
}

/**
 * Codes in `firstCodes` that are still supported come first, in their order; the rest keep the table's
 * order. `exclude` is left out; `last` (the language the text is already in) is kept reachable but moved to
 * the very end, so it is never the highlighted default.
 */
export function languageChoices(all: readonly Language[], firstCodes: readonly string[], exclude?: string, last?: string): LanguageChoices {
  const lastCode = last === undefined ? undefined : getLanguage(last)?.code;
  const first: LanguageChoice[] = [];
  const seen = new Set<string>();
  for (const code of firstCodes) {
    const language = getLanguage(code);
    if (!language || seen.has(language.code) || language.code === exclude || language.code === lastCode) continue;
    seen.add(language.code);
    first.push(languageChoice(language));
  }
  const rest = all.filter((l) => !seen.has(l.code) && l.code !== exclude);
  const others = [...rest.filter((l) => l.code !== lastCode), ...rest.filter((l) => l.code === lastCode)].map(languageChoice);
  return { first, others };
}
