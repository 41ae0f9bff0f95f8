/**
 * Classifies a free-form prompt ("translate this to French", "tl;dr", "what does this do?",
 * "write a function that…") into a TaskKind, offline, with a confidence and the reasons.
 *
 * How a prompt is scored (cue tables in taskCues.ts):
 *  1. Every cue match is a hit worth its weight, adjusted by where it stands:
 *     - x1.5 for a verb/phrase at the head of a clause (after fillers like "please", "can you");
 *     - x0.35 inside the payload, when the first line or the text before ':' is an instruction
 *       ("Translate to French: What time is it?" is not a question);
 *     - x0.25 when it follows (or sits inside) a "write/create … function/class/script" request in
 *       the same sentence: "write a function that translates text" asks for code;
 *     - -0.5x when negated in its clause ("don't translate, just summarize", "rather than translate").
 *  2. A task's score is its best hit plus halving shares of the next ones, minus negations;
 *     phrase cues may suppress tasks they override (x0.3): "summarize the entities" is NER (the
 *     entities are what the user wants back), "classify the sentiment" is sentiment, "convert this
 *     to Python" is code, not translation.
 *  3. Extra evidence: a marked target language ("in French", "auf Deutsch") adds to translate;
 *     code lines in the prompt add to generate-code; a label list adds to topic.
 *  4. hasSelection === false: a bare question has no context to answer from, so it is chat.
 *  5. Highest score wins; exact ties go to TASK_PRIORITY order; below MIN_SCORE the answer is
 *     'chat' with low confidence.
 */
import { codeLineRatio } from '../language/proseExtraction';
import { extractLabels, extractTranslationLanguages } from './taskArguments';
import { TASK_CUES, type CueRole, type TaskCue } from './taskCues';
import type { TaskKind } from '../tasks/taskTypes';

export interface TaskDetection {
  readonly task: TaskKind;
  /** 0..1. */
  readonly confidence: number;
  /** Why, strongest evidence first, e.g. `translate +4.5: "translate" at the start of a clause`. */
  readonly reasons: readonly string[];
  /** For translate, when the prompt names the target language (ISO 639-1). */
  readonly targetLang?: string;
  /** For translate, when the prompt names the source language ("from German", "del inglés"). */
  readonly sourceLang?: string;
  /** For topic, when the prompt lists the labels to choose from. */
  readonly labels?: readonly string[];
}

/**
 * Tie-break order: specific transformations first (they change what the user gets back), generic
 * question answering and chat last, since nearly any prompt can be read as a question or a chat.
 */
export const TASK_PRIORITY: readonly TaskKind[] = [
  'generate-code',
  'translate',
  'summarize',
  'ner',
  'sentiment',
  'topic',
  'question-answering',
  'chat',
];

/** Below this the best task is not trusted and the prompt goes to chat. */
export const MIN_SCORE = 1.5;

const HEAD_BOOST = 1.5;
const PAYLOAD_FACTOR = 0.35;
const SUBORDINATE_FACTOR = 0.25;
const NEGATION_FACTOR = -0.5;
const SUPPRESS_FACTOR = 0.3;
const HEAD_ROLES: ReadonlySet<CueRole> = new Set<CueRole>(['verb', 'phrase', 'construct']);

const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
const FILLERS = new RegExp(
  `${B}(?:please|pls|plz|kindly|just|now|then|also|and|so|ok|okay|quickly|hey|can you|could you|would you|will you|can u|i want you to|i need you to|i'd like you to|i would like you to|help me|let's|let us|go ahead and|por favor|puedes|podr[ií]as|quiero que|necesito que|bitte|kannst du|k[oö]nntest du|k[oö]nnen sie|k[oö]nnten sie|s'il te pla[iî]t|s'il vous pla[iî]t|peux-tu|pouvez-vous|merci de|voc[eê] pode|pode|poderia|puoi|potresti|per favore|пожалуйста|можешь|можете)${E}|请|帮我|麻烦你?|帮忙`,
  'gu',
);
const CLAUSE_BREAK = new RegExp(
  `[.!?;:\\n。！？；：,，]|${B}(?:but|just|only|pero|sino|mais|sondern|aber|nur|mas|apenas|ma|solo|но|а|только)${E}|而是|只`,
  'gu',
);
const NEGATION = new RegExp(
  `${B}(?:don'?t|do not|does not|doesn'?t|didn'?t|not|no need to|never|without|instead of|rather than|no|sin|ne|pas|sans|nicht|kein\\p{L}*|ohne|statt|anstatt|n[aã]o|sem|em vez de|non|senza|invece di|не|без|вместо|нельзя)${E}`,
  'u',
);
const CJK_NEGATION_BEFORE = /(?:不|别|不要|无需|不用|勿|不必|没有)\s*$/u;
const JA_NEGATION_AFTER = /^(?:しないで|せず|しない|するな)/u;
const JA_IMPERATIVE_AFTER = /^(?:して|しろ|しなさい|せよ|する)/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface Hit {
  readonly cue: TaskCue;
  readonly index: number;
  readonly end: number;
  readonly text: string;
}

interface ScoredHit extends Hit {
  readonly task: TaskKind;
  readonly contribution: number;
  readonly notes: readonly string[];
  readonly negated: boolean;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function findHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const cue of TASK_CUES) {
    for (const m of text.matchAll(cue.pattern)) {
      if (m[0].trim() !== '') hits.push({ cue, index: m.index, end: m.index + m[0].length, text: m[0].trim() });
    }
  }
  return hits;
}

/** The lower-cased prompt with the offsets where clauses start (after punctuation or "but", "just", "sondern"…). */
interface PromptText {
  readonly text: string;
  readonly clauseStarts: readonly number[];
}

function promptText(text: string): PromptText {
  return { text, clauseStarts: [0, ...[...text.matchAll(CLAUSE_BREAK)].map((m) => m.index + m[0].length)] };
}

/** Start of the clause containing `index`. */
function clauseStart(p: PromptText, index: number): number {
  let lo = 0;
  let hi = p.clauseStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.clauseStarts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return p.clauseStarts[lo];
}

/** A cue at the head of its clause: nothing but fillers ("please", "can you", "请") before it. */
function atHead(p: PromptText, hit: Hit): boolean {
  const prefix = p.text.slice(clauseStart(p, hit.index), hit.index).replace(FILLERS, ' ').trim();
  if (JA_IMPERATIVE_AFTER.test(p.text.slice(hit.end, hit.end + 8))) return true;
  if (CJK_CHAR.test(prefix)) return prefix.length <= 2 || /^(?:把|将)/u.test(prefix);
  return prefix === '';
}

/** Negated within its clause: a negation among the four words before the cue (or 不/别 before, しないで after). */
function negatedBy(p: PromptText, hit: Hit): string | undefined {
  const prefix = p.text.slice(Math.max(clauseStart(p, hit.index), hit.index - 60), hit.index);
  const cjk = CJK_NEGATION_BEFORE.exec(prefix) ?? JA_NEGATION_AFTER.exec(p.text.slice(hit.end, hit.end + 8));
  if (cjk) return cjk[0].trim();
  const lastWords = prefix.trim().split(/\s+/).slice(-4).join(' ');
  return NEGATION.exec(lastWords)?.[0];
}

/**
 * Where the instruction ends when a prompt is "instruction: payload" or "instruction\npayload",
 * so questions or cue words inside the payload count less. The text length when there is no split.
 */
function instructionEnd(text: string): number {
  const m = /:\s|：|\n/u.exec(text);
  return m && m.index > 0 && m.index <= 160 && text.slice(m.index + m[0].length).trim() !== '' ? m.index : text.length;
}

/** End of the sentence containing `index` (exclusive). */
function sentenceEnd(text: string, index: number): number {
  const rest = /[.!?。！？\n]/u.exec(text.slice(index));
  return rest ? index + rest.index : text.length;
}

function scoreHits(text: string, hits: readonly Hit[]): ScoredHit[] {
  const p = promptText(text);
  const headEnd = instructionEnd(text);
  const payloadMode = headEnd < text.length && hits.some((h) => h.index < headEnd && HEAD_ROLES.has(h.cue.role));
  const constructs = hits.filter((h) => h.cue.role === 'construct' && negatedBy(p, h) === undefined);
  return hits.map((hit) => {
    const notes: string[] = [];
    let factor = 1;
    if (payloadMode && hit.index >= headEnd) {
      factor = PAYLOAD_FACTOR;
      notes.push('inside the text to process');
    } else if (HEAD_ROLES.has(hit.cue.role) && atHead(p, hit)) {
      factor = HEAD_BOOST;
      notes.push('at the start of a clause');
    }
    const subordinate =
      hit.cue.task !== 'generate-code' && constructs.some((c) => c.index <= hit.index && hit.index < sentenceEnd(text, c.end));
    if (subordinate) {
      factor *= SUBORDINATE_FACTOR;
      notes.push('describes the code to write');
    }
    const negation = hit.cue.role === 'question' ? undefined : negatedBy(p, hit);
    if (negation !== undefined) {
      factor = NEGATION_FACTOR;
      notes.push(`negated by "${negation}"`);
    }
    return { ...hit, task: hit.cue.task, contribution: hit.cue.weight * factor, notes, negated: negation !== undefined };
  });
}

/**
 * Best hit plus halving shares of the others (repeating "translate" three times is not three times
 * as sure), minus negations; then suppressions. Suppressions are explained in `reasons`.
 */
function aggregate(hits: readonly ScoredHit[], reasons: string[]): Map<TaskKind, number> {
  const scores = new Map<TaskKind, number>();
  for (const task of TASK_PRIORITY) {
    const mine = hits.filter((h) => h.task === task);
    const positive = mine.map((h) => h.contribution).filter((c) => c > 0).sort((a, b) => b - a);
    const negative = mine.map((h) => h.contribution).filter((c) => c < 0);
    const score = positive.reduce((acc, c, i) => acc + c * 0.5 ** i, 0) + negative.reduce((a, c) => a + c, 0);
    scores.set(task, score);
  }
  for (const hit of hits) {
    if (hit.negated || hit.contribution <= 0) continue;
    for (const task of hit.cue.suppresses ?? []) {
      const score = scores.get(task) ?? 0;
      if (score <= 0) continue;
      scores.set(task, score * SUPPRESS_FACTOR);
      reasons.push(`${task} x${SUPPRESS_FACTOR}: overridden by ${hit.task} "${hit.text.slice(0, 40)}"`);
    }
  }
  return scores;
}

function add(scores: Map<TaskKind, number>, task: TaskKind, amount: number): void {
  scores.set(task, (scores.get(task) ?? 0) + amount);
}

/** A fenced block, or several lines of which a quarter read as code. One prose line with "->" is not code. */
function containsCode(text: string): boolean {
  return /```/.test(text) || (/\n\s*\S/.test(text) && codeLineRatio(text) >= 0.25);
}

interface Extras {
  readonly reasons: string[];
  readonly targetLang?: string;
  readonly sourceLang?: string;
  readonly labels?: readonly string[];
}

/** Evidence that is not a fixed cue: named target language, code in the prompt, a label list, no selection. */
function applyExtras(
  text: string,
  original: string,
  hits: readonly ScoredHit[],
  scores: Map<TaskKind, number>,
  hasSelection?: boolean,
): Extras {
  const reasons: string[] = [];
  const languages = extractTranslationLanguages(text);
  const translateNegated = hits.some((h) => h.task === 'translate' && h.negated);
  if (languages.explicitTarget && !translateNegated && (scores.get('translate') ?? 0) >= 0) {
    add(scores, 'translate', 2.5);
    reasons.push(`translate +2.5: names a target language ("${languages.targetPhrase ?? ''}")`);
  }
  if (containsCode(text)) {
    add(scores, 'generate-code', 1);
    reasons.push('generate-code +1.0: the prompt contains code');
  }
  const labels = extractLabels(original);
  if (labels && (scores.get('topic') ?? 0) > 0) {
    add(scores, 'topic', 1.5);
    reasons.push(`topic +1.5: lists labels (${labels.join(', ')})`);
  }
  const qa = hits.filter((h) => h.task === 'question-answering' && h.contribution > 0);
  if (hasSelection === false && qa.length > 0 && qa.every((h) => h.cue.role === 'question')) {
    scores.set('question-answering', (scores.get('question-answering') ?? 0) * SUPPRESS_FACTOR);
    add(scores, 'chat', MIN_SCORE);
    reasons.push('chat: a general question with no selection to answer from');
  }
  return { reasons, targetLang: languages.target, sourceLang: languages.source, labels };
}

function describeHit(hit: ScoredHit): string {
  const sign = hit.contribution >= 0 ? '+' : '';
  const notes = hit.notes.length > 0 ? ` (${hit.notes.join(', ')})` : '';
  return `${hit.task} ${sign}${hit.contribution.toFixed(1)}: ${hit.cue.role} "${hit.text.slice(0, 40)}"${notes}`;
}

function rank(scores: ReadonlyMap<TaskKind, number>): { task: TaskKind; score: number }[] {
  return TASK_PRIORITY.map((task) => ({ task, score: round(scores.get(task) ?? 0, 6) })).sort(
    (a, b) => b.score - a.score || TASK_PRIORITY.indexOf(a.task) - TASK_PRIORITY.indexOf(b.task),
  );
}

/** Strength of the winner (saturating) times its lead over the runner-up. */
function confidenceOf(best: number, second: number): number {
  const strength = 1 - Math.exp(-best / 3);
  const margin = (best - Math.max(second, 0)) / best;
  return round(0.25 + 0.7 * strength * (0.35 + 0.65 * margin));
}

/** Intent sits at the start or the end of a prompt; a long pasted middle only costs time. */
const MAX_HEAD_CHARS = 2000;
const MAX_TAIL_CHARS = 1000;

function boundLength(text: string): string {
  if (text.length <= MAX_HEAD_CHARS + MAX_TAIL_CHARS) return text;
  return `${text.slice(0, MAX_HEAD_CHARS)}\n…\n${text.slice(-MAX_TAIL_CHARS)}`;
}

/**
 * Classifies `prompt` into a TaskKind. `hasSelection` tells whether the user selected text the
 * prompt refers to (undefined: unknown). See the file comment for how scoring works.
 */
export function detectTask(prompt: string, hasSelection?: boolean): TaskDetection {
  const original = boundLength(prompt.normalize('NFC').trim());
  // Cues are matched on lower-cased text (see taskCues.ts); labels keep the user's spelling.
  const text = original.toLowerCase();
  if (text === '') return { task: 'chat', confidence: 0.1, reasons: ['empty prompt: chat'] };
  const hits = scoreHits(text, findHits(text));
  const ruleReasons: string[] = [];
  const scores = aggregate(hits, ruleReasons);
  const extras = applyExtras(text, original, hits, scores, hasSelection);
  const [first, second] = rank(scores);
  const hitReasons = [...hits].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, 6).map(describeHit);
  const reasons = [...hitReasons, ...ruleReasons, ...extras.reasons];
  if (first.score < MIN_SCORE) {
    const confidence = first.score <= 0 ? 0.3 : 0.25;
    return { task: 'chat', confidence, reasons: [...reasons, `no task scored ${MIN_SCORE} or more: chat`] };
  }
  if (first.score === second.score) reasons.push(`tie with ${second.task}: broken by priority`);
  const result: { -readonly [K in keyof TaskDetection]: TaskDetection[K] } = {
    task: first.task,
    confidence: confidenceOf(first.score, second.score),
    reasons,
  };
  if (first.task === 'translate') {
    if (extras.targetLang !== undefined) result.targetLang = extras.targetLang;
    if (extras.sourceLang !== undefined) result.sourceLang = extras.sourceLang;
  }
  if (first.task === 'topic' && extras.labels) result.labels = extras.labels;
  return result;
}
