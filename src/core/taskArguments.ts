/**
 * Arguments a prompt carries besides its task: which languages a translation goes from/to
 * ("auf Deutsch", "del inglés al español", "翻译成英文", "英語に翻訳") and which labels a
 * classification should use ("classify as sports, politics or tech").
 */
import { foldName, languageNameEntries, type Language } from './languages';

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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface NameScanner {
  readonly pattern: RegExp;
  readonly byName: ReadonlyMap<string, Language>;
}

let scanner: NameScanner | undefined;

/** One alternation of every language name, longest first, so "简体中文" wins over "中文" and "norsk bokmal" over "norsk". */
function nameScanner(): NameScanner {
  if (scanner) return scanner;
  const entries = languageNameEntries();
  const alternatives = entries.map(([name]) =>
    CJK.test(name) ? escapeRegExp(name) : `(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`,
  );
  scanner = { pattern: new RegExp(alternatives.join('|'), 'gu'), byName: new Map(entries) };
  return scanner;
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
  const { pattern, byName } = nameScanner();
  const mentions: LanguageMention[] = [];
  for (const m of folded.matchAll(pattern)) {
    const language = byName.get(m[0]);
    if (!language) continue;
    const end = m.index + m[0].length;
    const { role, marker } = mentionRole(folded, m.index, end);
    const particle = TARGET_AFTER.exec(folded.slice(end))?.[0].trim() ?? '';
    const phrase = `${marker}${m[0]}${role === 'target' ? particle : ''}`;
    mentions.push({ code: language.code, name: m[0], index: m.index, role, phrase });
  }
  return mentions;
}

/**
 * Source and target language named in a translation prompt. A marked target wins; failing that, a
 * lone unmarked name is taken as the target ("French translation please") unless it is marked as
 * the source ("translate this French text").
 */
export function extractTranslationLanguages(prompt: string): TranslationLanguages {
  const mentions = findLanguageMentions(prompt);
  const marked = mentions.find((m) => m.role === 'target');
  const source = mentions.find((m) => m.role === 'source' && m.code !== marked?.code);
  const plain = mentions.filter((m) => m.role === 'plain' && m.code !== source?.code);
  const target = marked ?? (plain.length === 1 ? plain[0] : undefined);
  const result: { target?: string; source?: string; targetPhrase?: string; explicitTarget: boolean } = {
    explicitTarget: marked !== undefined,
  };
  if (target) [result.target, result.targetPhrase] = [target.code, target.phrase];
  if (source) result.source = source.code;
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
  new RegExp(`(?:${LABEL_NOUNS})\\s*[:：]\\s*([^\\n]+)`, 'iu'),
  new RegExp(
    `(?<![\\p{L}])(?:${CLASSIFY})(?![\\p{L}])[^.?!\\n:]{0,40}?\\s(?:${LIST_INTRO})\\s+(?:(?:one of|either|uno de|una de|l'une? de|eine[rnm]? von|um d[oa]s|uno tra)\\s+)?(?:the\\s+)?(?:following\\s+)?(?:(?:${LABEL_NOUNS})\\s*:?\\s*)?([^.?!\\n]+)`,
    'iu',
  ),
  /(?:^|\s)(?:is|are) (?:this|it|these|the \p{L}+)(?: \p{L}+)? (?:about|related to) ([^?.!\n]+)/iu,
  /(?:category|categories|topic|label|class|bucket|categoría|catégorie|kategorie|categoria|категори\p{L}*)[^:\n]{0,60}[:：]\s*([^\n]+)/iu,
  /(?:分类|分類|归类|分为|分成|归为)(?:为|成|到)?[：:]?\s*([^。！？\n]+)/u,
  /(?:classify|categori[sz]e|label)[^(\n]{0,40}\(([^()]+)\)/iu,
];
const LIST_SEPARATOR =
  /\s*(?:,|，|、|;|\/|\||\s+(?:or|and|o|u|y|ou|et|oder|und|e|ed|или|и)\s+|或者|或是|或|还是|和)\s*/iu;

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

/** Labels a classification prompt lists ("classify as sports, politics or tech" -> ['sports', 'politics', 'tech']). */
export function extractLabels(prompt: string): string[] | undefined {
  for (const anchor of LIST_ANCHORS) {
    const m = anchor.exec(prompt);
    const labels = m?.[1] === undefined ? undefined : splitLabelList(m[1]);
    if (labels) return labels;
  }
  return undefined;
}
