/**
 * The languages the extension offers for translation, with the codes each model family wants:
 * ISO 639-1 for the UI, opus-mt model names and settings; NLLB (FLORES-200) codes for
 * facebook/nllb-* models. Names in other languages live in languageNames.ts.
 */
import { LANGUAGE_ALIASES } from './languageNames';

/** Writing system of a language, as detection and the UI need it. */
export type Script =
  | 'Latin'
  | 'Cyrillic'
  | 'Greek'
  | 'Arabic'
  | 'Hebrew'
  | 'Devanagari'
  | 'Bengali'
  | 'Han'
  | 'Japanese'
  | 'Hangul'
  | 'Thai';

export interface Language {
  /** ISO 639-1 code, e.g. 'en'. */
  readonly code: string;
  /** English name, e.g. 'Spanish'. */
  readonly name: string;
  /** Name in the language itself, e.g. 'Español'. */
  readonly nativeName: string;
  /** NLLB / FLORES-200 code, e.g. 'spa_Latn'. */
  readonly nllb: string;
  readonly script: Script;
  /** Written right to left. */
  readonly rtl: boolean;
}

function lang(code: string, name: string, nativeName: string, nllb: string, script: Script, rtl = false): Language {
  return { code, name, nativeName, nllb, script, rtl };
}

/** Every supported language, in the order the UI lists them (English first, then by family). */
export const LANGUAGES: readonly Language[] = [
  lang('en', 'English', 'English', 'eng_Latn', 'Latin'),
  lang('es', 'Spanish', 'Español', 'spa_Latn', 'Latin'),
  lang('fr', 'French', 'Français', 'fra_Latn', 'Latin'),
  lang('de', 'German', 'Deutsch', 'deu_Latn', 'Latin'),
  lang('it', 'Italian', 'Italiano', 'ita_Latn', 'Latin'),
  lang('pt', 'Portuguese', 'Português', 'por_Latn', 'Latin'),
  lang('ca', 'Catalan', 'Català', 'cat_Latn', 'Latin'),
  lang('nl', 'Dutch', 'Nederlands', 'nld_Latn', 'Latin'),
  lang('sv', 'Swedish', 'Svenska', 'swe_Latn', 'Latin'),
  lang('da', 'Danish', 'Dansk', 'dan_Latn', 'Latin'),
  // NLLB has Bokmål (nob) and Nynorsk (nno); plain "Norwegian" means Bokmål in practice.
  lang('no', 'Norwegian', 'Norsk', 'nob_Latn', 'Latin'),
  lang('fi', 'Finnish', 'Suomi', 'fin_Latn', 'Latin'),
  lang('pl', 'Polish', 'Polski', 'pol_Latn', 'Latin'),
  lang('cs', 'Czech', 'Čeština', 'ces_Latn', 'Latin'),
  lang('sk', 'Slovak', 'Slovenčina', 'slk_Latn', 'Latin'),
  lang('ro', 'Romanian', 'Română', 'ron_Latn', 'Latin'),
  lang('hu', 'Hungarian', 'Magyar', 'hun_Latn', 'Latin'),
  lang('el', 'Greek', 'Ελληνικά', 'ell_Grek', 'Greek'),
  lang('tr', 'Turkish', 'Türkçe', 'tur_Latn', 'Latin'),
  lang('bg', 'Bulgarian', 'Български', 'bul_Cyrl', 'Cyrillic'),
  lang('ru', 'Russian', 'Русский', 'rus_Cyrl', 'Cyrillic'),
  lang('uk', 'Ukrainian', 'Українська', 'ukr_Cyrl', 'Cyrillic'),
  // NLLB's Arabic is Modern Standard Arabic (arb), Persian is Western Persian (pes).
  lang('ar', 'Arabic', 'العربية', 'arb_Arab', 'Arabic', true),
  lang('he', 'Hebrew', 'עברית', 'heb_Hebr', 'Hebrew', true),
  lang('fa', 'Persian', 'فارسی', 'pes_Arab', 'Arabic', true),
  lang('ur', 'Urdu', 'اردو', 'urd_Arab', 'Arabic', true),
  lang('hi', 'Hindi', 'हिन्दी', 'hin_Deva', 'Devanagari'),
  lang('bn', 'Bengali', 'বাংলা', 'ben_Beng', 'Bengali'),
  lang('zh', 'Chinese', '中文', 'zho_Hans', 'Han'),
  lang('ja', 'Japanese', '日本語', 'jpn_Jpan', 'Japanese'),
  lang('ko', 'Korean', '한국어', 'kor_Hang', 'Hangul'),
  lang('vi', 'Vietnamese', 'Tiếng Việt', 'vie_Latn', 'Latin'),
  lang('th', 'Thai', 'ไทย', 'tha_Thai', 'Thai'),
  lang('id', 'Indonesian', 'Bahasa Indonesia', 'ind_Latn', 'Latin'),
  // NLLB's Malay is Standard Malay (zsm).
  lang('ms', 'Malay', 'Bahasa Melayu', 'zsm_Latn', 'Latin'),
  lang('sw', 'Swahili', 'Kiswahili', 'swh_Latn', 'Latin'),
];

const BY_CODE: ReadonlyMap<string, Language> = new Map(LANGUAGES.map((l) => [l.code, l]));

/** Deprecated or alternative ISO codes people still type. */
const CODE_ALIASES: Readonly<Record<string, string>> = { iw: 'he', in: 'id', nb: 'no', zsm: 'ms' };

/**
 * Lower-case, and drop accents on Latin and Greek letters so 'espanol' finds 'español' and
 * 'İngilizce' finds 'ingilizce'. Cyrillic keeps its marks: й and и, ї and і are different letters.
 */
export function foldName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

/** 'pt-BR' / 'pt_BR' / 'PT' -> 'pt'; legacy 'iw' -> 'he'. Returns undefined for anything not shaped like a tag. */
function primaryCode(tag: string): string | undefined {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(tag.trim());
  if (!m) return undefined;
  const primary = m[1].toLowerCase();
  return CODE_ALIASES[primary] ?? primary;
}

/** The supported language for an ISO code or BCP-47 tag ('es', 'es-MX', 'zh_Hans'), if any. */
export function getLanguage(code: string): Language | undefined {
  const primary = primaryCode(code);
  return primary === undefined ? undefined : BY_CODE.get(primary);
}

export function isSupportedLanguage(code: string): boolean {
  return getLanguage(code) !== undefined;
}

/** English name for a code; the code itself when unsupported, so UIs never show "undefined". */
export function languageName(code: string): string {
  return getLanguage(code)?.name ?? code;
}

/** NLLB code for an ISO code or tag. Traditional Chinese tags (zh-TW, zh-HK, zh-Hant) map to zho_Hant. */
export function nllbCode(code: string): string | undefined {
  const language = getLanguage(code);
  if (language?.code === 'zh' && /[-_](tw|hk|mo|hant)\b/i.test(code)) return 'zho_Hant';
  return language?.nllb;
}

const BY_NAME: ReadonlyMap<string, Language> = buildNameIndex();

function buildNameIndex(): Map<string, Language> {
  const index = new Map<string, Language>();
  for (const language of LANGUAGES) {
    const names = [language.name, language.nativeName, language.nllb, ...(LANGUAGE_ALIASES[language.code] ?? [])];
    for (const name of names) {
      const key = foldName(name);
      // First writer wins, so a language's own names are never shadowed by another's alias.
      if (!index.has(key)) index.set(key, language);
    }
  }
  return index;
}

/**
 * Finds a language by code/tag ('es', 'es-MX'), NLLB code ('spa_Latn'), English name ('Spanish'),
 * native name ('español', accents optional) or a name in another major language ('Spanisch', '西班牙语').
 * Case-insensitive.
 */
export function findLanguage(query: string): Language | undefined {
  const key = foldName(query);
  if (key === '') return undefined;
  return BY_NAME.get(key) ?? getLanguage(key);
}

/** Every (folded name, language) pair, longest name first: what a scanner of free text needs. */
export function languageNameEntries(): readonly (readonly [string, Language])[] {
  return [...BY_NAME.entries()]
    .filter(([name]) => !/_/.test(name)) // NLLB codes are not words people write in prose
    .sort((a, b) => b[0].length - a[0].length);
}
