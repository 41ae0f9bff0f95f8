/**
 * Offline source-language detection for a selection, so "Translate" can pick the source language
 * (and the opus-mt pair) without asking. Two stages:
 *  1. Script: count letters per Unicode script in the prose (code, identifiers and URLs removed
 *     first, see proseExtraction.ts). Most scripts name the language outright (Hangul -> ko,
 *     Thai -> th, Greek -> el...); Han is Chinese unless kana appear (-> Japanese).
 *  2. Within Latin, Cyrillic and Arabic scripts: score hand-made profiles (stopwords, distinctive
 *     letters, affixes; see languageProfiles.ts) and turn scores into confidences with a softmax.
 * Returns undefined when there is too little prose or no language scores clearly.
 */
import { extractProse } from './proseExtraction';
import { ARABIC_PROFILES, CYRILLIC_PROFILES, LATIN_PROFILES, type ProfileGroup } from './languageProfiles';

/** From this confidence on a detection is taken as sure (below it, the user or a source-free route decides). */
export const CONFIDENT = 0.5;

export interface LanguageGuess {
  /** ISO 639-1 code, as in languages.ts. */
  readonly lang: string;
  /** 0..1. */
  readonly confidence: number;
}

export interface DetectedLanguage extends LanguageGuess {
  /** Other plausible languages, most likely first (at most 3). */
  readonly alternatives: readonly LanguageGuess[];
}

type ScriptBucket = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Hebrew' | 'Devanagari' | 'Bengali' | 'Thai' | 'Hangul' | 'CJK';

const SCRIPT_PATTERNS: readonly (readonly [ScriptBucket, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/** Scripts that name a single supported language. */
const SINGLE_LANGUAGE: Readonly<Partial<Record<ScriptBucket, string>>> = {
  Greek: 'el',
  Hebrew: 'he',
  Devanagari: 'hi',
  Bengali: 'bn',
  Thai: 'th',
  Hangul: 'ko',
};

/** One Han or Hangul character carries about a syllable or word; weigh them so a Latin brand name does not win. */
const SCRIPT_WEIGHT: Readonly<Partial<Record<ScriptBucket, number>>> = { CJK: 2, Hangul: 2 };

/** Only the start of a long selection is read: enough evidence, bounded cost. */
const MAX_CHARS = 4000;
/** Softmax sharpness: a score lead of ~2 (two distinctive stopwords) gives ~0.9 over a close rival. */
const SOFTMAX_K = 1.5;
/** Below this evidence (about two distinctive stopwords) or confidence, the best guess is not reported. */
const MIN_EVIDENCE = 1.2;
const MIN_CONFIDENCE = 0.3;
const LETTER_WEIGHT = 1.2;
const PER_CUE_CAP = 3;

interface CompiledProfile {
  readonly lang: string;
  readonly stopwords: ReadonlyMap<string, number>;
  readonly letters: ReadonlyMap<string, number>;
  readonly affixes: readonly (readonly [RegExp, number])[];
}

interface CompiledGroup {
  readonly profiles: readonly CompiledProfile[];
  /** Returned with modest confidence when the script is known but nothing else scores (e.g. any Cyrillic -> ru). */
  readonly fallback?: string;
}

/** Weighs each stopword and letter by 1/(number of languages in the group that share it). */
function compileGroup(group: ProfileGroup, fallback?: string): CompiledGroup {
  const entries = Object.entries(group);
  const wordDf = new Map<string, number>();
  const letterDf = new Map<string, number>();
  const wordSets = entries.map(([, p]) => new Set(p.stopwords.split(' ')));
  const letterSets = entries.map(([, p]) => new Set([...p.letters]));
  for (const set of wordSets) for (const w of set) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
  for (const set of letterSets) for (const c of set) letterDf.set(c, (letterDf.get(c) ?? 0) + 1);
  const profiles = entries.map(([lang, p], i) => ({
    lang,
    stopwords: new Map([...wordSets[i]].map((w) => [w, 1 / (wordDf.get(w) ?? 1)])),
    letters: new Map([...letterSets[i]].map((c) => [c, LETTER_WEIGHT / (letterDf.get(c) ?? 1)])),
    affixes: p.affixes,
  }));
  return fallback === undefined ? { profiles } : { profiles, fallback };
}

const GROUP_PROFILES: Readonly<Partial<Record<ScriptBucket, () => CompiledGroup>>> = {
  Latin: () => compileGroup(LATIN_PROFILES),
  Cyrillic: () => compileGroup(CYRILLIC_PROFILES, 'ru'),
  Arabic: () => compileGroup(ARABIC_PROFILES, 'ar'),
};
const compiledGroups = new Map<ScriptBucket, CompiledGroup>();

/** Compiled on first use, one script at a time: module load stays cheap, and Latin text never pays for Arabic. */
function groupOf(script: ScriptBucket): CompiledGroup | undefined {
  let group = compiledGroups.get(script);
  if (group === undefined) {
    group = GROUP_PROFILES[script]?.();
    if (group !== undefined) compiledGroups.set(script, group);
  }
  return group;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Bucket of each letter seen so far (null: not a letter, or no bucket): each character is classified once. */
const bucketCache = new Map<string, ScriptBucket | null>();

function bucketOf(ch: string): ScriptBucket | null {
  let bucket = bucketCache.get(ch);
  if (bucket === undefined) {
    bucket = /\p{L}/u.test(ch) ? (SCRIPT_PATTERNS.find(([, re]) => re.test(ch))?.[0] ?? null) : null;
    if (bucketCache.size >= 10_000) bucketCache.clear(); // bound memory on exotic input
    bucketCache.set(ch, bucket);
  }
  return bucket;
}

function countScripts(text: string): Map<ScriptBucket, number> {
  const counts = new Map<ScriptBucket, number>();
  for (const ch of text) {
    const bucket = bucketOf(ch);
    if (bucket) counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return counts;
}

/** The script with the most (weighted) letters, its raw letter count and its share of all letters. */
function dominantScript(counts: Map<ScriptBucket, number>): { script: ScriptBucket; letters: number; share: number } | undefined {
  let best: ScriptBucket | undefined;
  let bestWeighted = 0;
  let total = 0;
  for (const [script, n] of counts) {
    const weighted = n * (SCRIPT_WEIGHT[script] ?? 1);
    total += weighted;
    if (weighted > bestWeighted) [best, bestWeighted] = [script, weighted];
  }
  if (best === undefined) return undefined;
  return { script: best, letters: counts.get(best) ?? 0, share: bestWeighted / total };
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? [];
}

/** Evidence for one language: IDF-weighted stopwords, plus capped counts of distinctive letters and affixes. */
function scoreProfile(profile: CompiledProfile, tokens: readonly string[], chars: ReadonlyMap<string, number>): number {
  let score = 0;
  for (const w of tokens) score += profile.stopwords.get(w) ?? 0;
  for (const [c, weight] of profile.letters) score += weight * Math.min(PER_CUE_CAP, chars.get(c) ?? 0);
  for (const [re, weight] of profile.affixes) {
    const hits = tokens.filter((w) => w.length > 2 && re.test(w)).length;
    score += weight * Math.min(PER_CUE_CAP, hits);
  }
  if (profile.lang === 'vi') score += 1.5 * Math.min(2 * PER_CUE_CAP, chars.get('vi-tone') ?? 0);
  return score;
}

function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.toLowerCase()) {
    // Vietnamese tone-marked vowels (ạ ả ấ … ỹ) live in one block no other language uses.
    const key = ch >= '\u1ea0' && ch <= '\u1ef9' ? 'vi-tone' : ch;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Softmax over group scores; languages with no evidence still take a share, so weak evidence stays uncertain. */
function rankGroup(group: CompiledGroup, text: string, scriptShare: number): DetectedLanguage | undefined {
  const tokens = words(text);
  const chars = charCounts(text);
  const scored = group.profiles.map((p) => ({ lang: p.lang, score: scoreProfile(p, tokens, chars) }));
  const max = Math.max(...scored.map((s) => s.score));
  const exps = scored.map((s) => ({ lang: s.lang, e: Math.exp(SOFTMAX_K * (s.score - max)) }));
  const sum = exps.reduce((acc, x) => acc + x.e, 0);
  const ranked = exps
    .map((x) => ({ lang: x.lang, confidence: (x.e / sum) * scriptShare }))
    .sort((a, b) => b.confidence - a.confidence);
  const [top, ...rest] = ranked;
  const alternatives = rest
    .filter((g) => g.confidence >= 0.05)
    .slice(0, 3)
    .map((g) => ({ lang: g.lang, confidence: round2(g.confidence) }));
  // In a script with a fallback the script itself is evidence, so any positive score may decide.
  const decided = group.fallback === undefined ? max >= MIN_EVIDENCE && top.confidence >= MIN_CONFIDENCE : max > 0;
  if (!decided) {
    if (group.fallback === undefined) return undefined;
    const others = group.profiles.filter((p) => p.lang !== group.fallback).map((p) => ({ lang: p.lang, confidence: 0.2 }));
    return { lang: group.fallback, confidence: round2(0.5 * scriptShare), alternatives: others };
  }
  return { lang: top.lang, confidence: round2(top.confidence), alternatives };
}

/** Han only -> Chinese; any kana -> Japanese (Chinese never writes kana, Japanese nearly always does). */
function chineseOrJapanese(text: string, share: number): DetectedLanguage {
  const kana = (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (kana >= 2 || (kana >= 1 && kana / (kana + han) >= 0.1)) {
    return { lang: 'ja', confidence: round2(0.97 * share), alternatives: [] };
  }
  // A short all-kanji phrase can still be Japanese.
  const ja = han < 8 ? 0.15 : 0.05;
  return { lang: 'zh', confidence: round2((1 - ja) * share), alternatives: [{ lang: 'ja', confidence: round2(ja * share) }] };
}

/**
 * Detects the human language of `text` (prose, or code whose comments and messages are prose).
 * Undefined when the prose is too short, is only code/symbols/numbers, or no language scores clearly.
 */
export function detectLanguage(text: string): DetectedLanguage | undefined {
  const prose = extractProse(text.slice(0, MAX_CHARS));
  const dominant = dominantScript(countScripts(prose));
  if (dominant === undefined) return undefined;
  const { script, letters, share } = dominant;
  const compact = script === 'CJK' || script === 'Hangul';
  if (letters < (compact ? 2 : 3)) return undefined;
  if (script === 'CJK') return chineseOrJapanese(prose, share);
  const single = SINGLE_LANGUAGE[script];
  if (single !== undefined) return { lang: single, confidence: round2(0.95 * share), alternatives: [] };
  const group = groupOf(script);
  if (group === undefined) return undefined;
  if (script === 'Latin' && words(prose).length < 2) return undefined;
  return rankGroup(group, prose, share);
}
