/** The target-language list of Translate: recent targets first, then every supported language. Pure. */
import { getLanguage, type Language } from '../core/language/languages';

export interface LanguagePickItem {
  readonly code: string;
  readonly label: string;
  readonly description: string;
}

export interface LanguagePickList {
  readonly recent: readonly LanguagePickItem[];
  readonly others: readonly LanguagePickItem[];
}

export function languagePickItem(language: Language): LanguagePickItem {
  const native = language.nativeName !== language.name ? `${language.nativeName} · ` : '';
  return { code: language.code, label: language.name, description: `${native}${language.code}` };
}

/** Recent codes that are still supported come first (most recent first); the rest keep the table's order. */
export function targetLanguageItems(all: readonly Language[], recentCodes: readonly string[], exclude?: string): LanguagePickList {
  const recent: LanguagePickItem[] = [];
  const seen = new Set<string>();
  for (const code of recentCodes) {
    const language = getLanguage(code);
    if (!language || seen.has(language.code) || language.code === exclude) continue;
    seen.add(language.code);
    recent.push(languagePickItem(language));
  }
  const others = all.filter((l) => !seen.has(l.code) && l.code !== exclude).map(languagePickItem);
  return { recent, others };
}
