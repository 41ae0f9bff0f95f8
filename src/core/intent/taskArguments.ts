/**
 * Arguments a prompt carries besides its task: which languages a translation goes from/to
 * ("auf Deutsch", "del inglés al español", "翻译成英文", "英語に翻訳") and which labels a
 * classification should use ("classify as sports, politics or tech").
 */
import { foldName, getLanguage, languageNameEntries, type Language } from '../language/languages';

export type MentionRole = 'target' | 'source' | 'plain';

export interface LanguageMention {
  /** ISO 639-1 code. */
  readonly code: string;
  /** The name as written, folded (lower case, Latin accents removed). */
  readonly name: string;
  /** Offset in the folded prompt. */
  readonly index: number;
  readonly role: MentionRole;
  /** The marker and name, e.g. "in french", "ins deutsche", "成英文". */
  readonly phrase: string;
}

export interface TranslationLanguages {
  readonly target?: string;
  readonly source?: string;
  /** Words that named the target, for explanations. */
  readonly targetPhrase?: string;
  /** True when the target was introduced by a marker ("to", "en", "auf", "成", "に"), not just named. */
  readonly explicitTarget: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface NameIndex {
  /** Names written with spaces between words (Latin, Cyrillic, Greek, Arabic…), by folded name. */
  readonly spaced: ReadonlyMap<string, Language>;
  /** Chinese/Japanese names, longest first: found by substring, since CJK has no word breaks. */
  readonly cjk: readonly (readonly [string, Language])[];
  /** Most words in a spaced name ("norsk bokmal" = 2). */
  readonly maxWords: number;
}

let nameIndex: NameIndex | undefined;

// A lookup table rather than one big regex: a 500-way alternation costs V8 ~0.3 s to compile.
function names(): NameIndex {
  if (nameIndex) return nameIndex;
  const entries = languageNameEntries();
  const spaced = new Map(entries.filter(([name]) => !CJK.test(name)));
  const cjk = entries.filter(([name]) => CJK.test(name));
  const maxWords = Math.max(...[...spaced.keys()].map((name) => name.split(' ').length));
  nameIndex = { spaced, cjk, maxWords };
  return nameIndex;
}

interface NameMatch {
  readonly index: number;
  readonly end: number;
  readonly language: Language;
}

/** Spaced-script names: the longest run of up to `maxWords` words that is a known name. */
function spacedNames(folded: string, index: NameIndex): NameMatch[] {
  const words = [...folded.matchAll(/[\p{L}\p{M}]+/gu)];
  const found: NameMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(index.maxWords, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1];
      const name = folded.slice(words[i].index, last.index + last[0].length);
      const language = index.spaced.get(name);
      if (!language) continue;
      found.push({ index: words[i].index, end: last.index + last[0].length, language });
      i += n - 1;
      break;
    }
  }
  return found;
}

/** CJK names by substring, longest first, never overlapping ("简体中文" before "中文"). */
function cjkNames(folded: string, index: NameIndex): NameMatch[] {
  const taken: boolean[] = [];
  const found: NameMatch[] = [];
  for (const [name, language] of index.cjk) {
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let k = at; k < end; k++) taken[k] = true;
      found.push({ index: at, end, language });
    }
  }
  return found;
}

const ARTICLE = "(?:\\s+(?:the|el|la|le|l'|o|das|die|den|dem|der|lo|il)|\\s*l')?";
const TARGET_BEFORE = new RegExp(
  `(?:(?:^|[^\\p{L}])(?:to|into|in|al|all'|en|au|vers|ao|para|pra|ins|auf|nach|zu|на|в)${ARTICLE}\\s*|(?:^|[^\\p{L}])по-|(?:成|为|為|到)\\s*|(?:->|→|=>)\\s*)$`,
  'u',
);
const SOURCE_BEFORE = new RegExp(
  `(?:(?:^|[^\\p{L}])(?:from|de|del|desde|du|des|d'|aus|von|vom|da|dal|dall'|dallo|do|из|с|со)${ARTICLE}\\s*|(?:从|從|由)\\s*)$`,
  'u',
);
const TARGET_AFTER = /^\s*(?:に|へ)/u;
const SOURCE_AFTER =
  /^(?:\s*から|\s+(?:to|into|->|→|al|en|nach|ins|para|на|в)\s|\s*(?:->|→)|\s+(?:text|sentence|paragraph|document|phrase|words?|comments?|docstrings?|texto|texte|frase|testo|текст))/u;

function mentionRole(folded: string, index: number, end: number): { role: MentionRole; marker: string } {
  const before = folded.slice(Math.max(0, index - 24), index);
  const after = folded.slice(end, end + 16);
  const targetBefore = TARGET_BEFORE.exec(before);
  if (targetBefore) return { role: 'target', marker: targetBefore[0].replace(/^[^\p{L}\p{N}>→-]+/u, '') };
  if (TARGET_AFTER.test(after)) return { role: 'target', marker: '' };
  if (SOURCE_BEFORE.test(before) || SOURCE_AFTER.test(after)) return { role: 'source', marker: '' };
  return { role: 'plain', marker: '' };
}

/** Every language named in the prompt, in order, with whether it reads as the target or the source. */
export function findLanguageMentions(prompt: string): LanguageMention[] {
  const folded = foldName(prompt);
  const index = names();
  const matches = [...spacedNames(folded, index), ...cjkNames(folded, index)].sort((a, b) => a.index - b.index);
  return matches.map(({ index: at, end, language }) => {
    const { role, marker } = mentionRole(folded, at, end);
    const particle = TARGET_AFTER.exec(folded.slice(end))?.[0].trim() ?? '';
    const name = folded.slice(at, end);
    return { code: language.code, name, index: at, role, phrase: `${marker}${name}${role === 'target' ? particle : ''}` };
  });
}

/** ISO codes that are also everyday English words; never read as a language code in prose. */
const AMBIGUOUS_CODES: ReadonlySet<string> = new Set(['it', 'no', 'he', 'id', 'ms', 'in', 'am', 'be', 'do', 'so']);
const CODE_PAIR = /(?<![\p{L}])([a-z]{2})\s*(?:->|→|=>)\s*([a-z]{2}(?:[-_][a-z]{2,4})?)(?![\p{L}])/u;
const CODE_TARGET = /(?<![\p{L}])(?:to|into)\s+([a-z]{2}(?:[-_][a-z]{2,4})?)(?![\p{L}])/u;

function supportedCode(code: string | undefined): string | undefined {
  if (code === undefined || AMBIGUOUS_CODES.has(code.slice(0, 2))) return undefined;
  return getLanguage(code)?.code;
}

/** "en->fr", "translate to de": languages given as ISO codes rather than names. */
function codesFromShorthand(folded: string): { target?: string; source?: string; phrase?: string } {
  const pair = CODE_PAIR.exec(folded);
  const pairTarget = supportedCode(pair?.[2]);
  if (pair && pairTarget) return { target: pairTarget, source: supportedCode(pair[1]), phrase: pair[0] };
  const single = CODE_TARGET.exec(folded);
  const target = supportedCode(single?.[1]);
  return target && single ? { target, phrase: single[0] } : {};
}

/**
 * Source and target language named in a translation prompt. A marked target wins ("into French",
 * "en français", "to fr", "en->fr"); failing that, a lone unmarked name is taken as the target
 * ("French translation please") unless it is marked as the source ("translate this French text").
 */
export function extractTranslationLanguages(prompt: string): TranslationLanguages {
  const mentions = findLanguageMentions(prompt);
  const marked = mentions.find((m) => m.role === 'target');
  const source = mentions.find((m) => m.role === 'source' && m.code !== marked?.code);
  const result: { target?: string; source?: string; targetPhrase?: string; explicitTarget: boolean } = {
    explicitTarget: marked !== undefined,
  };
  if (source) result.source = source.code;
  if (marked) return { ...result, target: marked.code, targetPhrase: marked.phrase };
  const shorthand = codesFromShorthand(foldName(prompt));
  if (shorthand.target !== undefined) {
    return { explicitTarget: true, target: shorthand.target, targetPhrase: shorthand.phrase, source: result.source ?? shorthand.source };
  }
  const plain = mentions.filter((m) => m.role === 'plain' && m.code !== source?.code);
  if (plain.length === 1) return { ...result, target: plain[0].code, targetPhrase: plain[0].phrase };
  return result;
}

// ── labels ──

const LABEL_NOUNS =
  'labels?|categories|categorías|catégories|kategorien|categorias|categorie|категории|options|classes|topics|temas|thèmes|themen|classi|classes possibles';
const CLASSIFY =
  'classify|categori[sz]e|label|tag|sort|bucket|clasifica\\p{L}*|categoriza\\p{L}*|classe[zr]?|classifie[zr]?|cat[eé]gorise[zr]?|klassifizier\\p{L}*|kategorisier\\p{L}*|ordne|classifique|classifica\\p{L}*|categorizza|классифицир\\p{L}*|отнеси';
const LIST_INTRO =
  'as|into|among|between|in|como|en|entre|comme|parmi|dans|als|nach|zwischen|em|come|tra|fra|как|на|к';
const LIST_ANCHORS: readonly RegExp[] = [
  new RegExp(`(?:${LABEL_NOUNS})\\s*[:：]\\s*([^\\n]+)`, 'du'),
  new RegExp(
    `(?<![\\p{L}])(?:${CLASSIFY})(?![\\p{L}])[^.?!\\n:]{0,40}?\\s(?:${LIST_INTRO})\\s+(?:(?:one of|either|uno de|una de|l'une? de|eine[rnm]? von|um d[oa]s|uno tra)\\s*:?\\s+)?(?:the\\s+)?(?:following\\s+)?(?:(?:${LABEL_NOUNS})\\s*:?\\s*)?([^.?!\\n]+)`,
    'du',
  ),
  new RegExp(`(?<![\\p{L}])(?:${CLASSIFY})(?![\\p{L}])[^.?!\\n:]{0,40}[:：]\\s*([^\\n]+)`, 'du'),
  /(?:^|\s)(?:is|are) (?:this|it|these|the \p{L}+)(?: \p{L}+)? (?:about|related to) ([^?.!\n]+)/du,
  /(?:category|categories|topic|label|class|bucket|categoría|catégorie|kategorie|categoria|категори\p{L}*)[^:\n]{0,60}[:：]\s*([^\n]+)/du,
  /(?:分类|分類|归类|分为|分成|归为)(?:为|成|到)?[：:]?\s*([^。！？\n]+)/du,
  /(?:classify|categori[sz]e|label)[^(\n]{0,40}\(([^()]+)\)/du,
];
const LIST_SEPARATOR =
  /\s*(?:,|，|、|;|\/|\||\s+(?:or|and|o|u|y|ou|et|oder|und|e|ed|или|и|OR|AND)\s+|或者|或是|或|还是|和)\s*/u;

/** Splits "sports, politics or tech" into labels; undefined unless it is a list of 2+ short items. */
function splitLabelList(segment: string): string[] | undefined {
  const trimmed = segment.replace(/[.?!。？！]+\s*$/u, '').trim();
  const items = trimmed
    .split(LIST_SEPARATOR)
    .map((s) => s.replace(/^(?:or|and|either|o|ou|oder)\s+/i, '').replace(/^["'«“‘`]+|["'»”’`]+$/gu, '').trim())
    .filter((s) => s !== '');
  if (items.length < 2) return undefined;
  if (items.some((s) => s.split(/\s+/).length > 4 || s.length > 40)) return undefined;
  return [...new Set(items)];
}

/**
 * Labels a classification prompt lists ("classify as sports, politics or tech" -> ['sports', 'politics', 'tech']),
 * spelled as the user wrote them. Anchors match the lower-cased prompt (case-insensitive Unicode
 * regexes are slow to compile); the labels are cut from the original at the same offsets.
 */
export function extractLabels(prompt: string): string[] | undefined {
  const lower = prompt.toLowerCase();
  // Lower-casing can change length (Turkish İ); then the original is matched directly.
  const haystack = lower.length === prompt.length ? lower : prompt;
  for (const anchor of LIST_ANCHORS) {
    const span = anchor.exec(haystack)?.indices?.[1];
    const labels = span === undefined ? undefined : splitLabelList(prompt.slice(span[0], span[1]));
    if (labels) return labels;
  }
  return undefined;
}
