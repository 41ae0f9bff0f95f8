/**
 * Turns a chat (or text-generation) model's reply back into a TaskResult. Models wrap replies in Markdown
 * fences, quotes and prose however often they are told not to, so the parsers are tolerant; a reply that
 * still cannot be used throws CallFailure('malformed'), which moves the router on to the next candidate.
 */
import { commonSentiments } from './sentimentLabels';
import { CallFailure } from './routingTypes';
import type { Entity, ScoredLabel, TaskRequest, TaskResult } from '../tasks/taskTypes';

const FENCE = /```[^\n`]*\n([\s\S]*?)\n?```/;

/** The reply without one fenced block around all of it ("```ts\n…\n```" -> "…"); otherwise unchanged. */
export function stripFences(text: string): string {
  const trimmed = text.trim();
  const m = /^```[^\n`]*\n([\s\S]*?)\n?```$/.exec(trimmed);
  return m ? m[1] : trimmed;
}

function malformed(what: string): CallFailure {
  return new CallFailure('malformed', `The chat model's reply was unusable (${what}).`);
}

function nonEmpty(text: string, what: string): string {
  if (text.trim() === '') throw malformed(`empty ${what}`);
  return text;
}

/** Removes one pair of quotes around the whole reply when the source text was not itself quoted. */
function unquote(reply: string, source: string): string {
  const m = /^(["“«'])([\s\S]*)(["”»'])$/.exec(reply);
  if (!m || /^["“«']/.test(source.trim())) return reply;
  return m[2].trim();
}

/** Code from a generate-code reply: the first fenced block if there is one (prose around it dropped). */
function codeFrom(reply: string): string {
  const fenced = FENCE.exec(reply);
  const code = fenced ? fenced[1] : reply;
  // Keep the first line's indentation: only blank lines and trailing whitespace go.
  return code.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

function bulletsFrom(reply: string): string {
  return reply.replace(/^[ \t]*(?:[*•·]|\d+[.)])[ \t]+/gm, '- ');
}

/** The answer's span in the context: without trailing punctuation (shortest), verbatim, then case-insensitively. */
function findSpan(context: string, answer: string): { start: number; end: number } | undefined {
  const variants = [answer.replace(/[.!?。]+$/u, '').trim(), answer].filter((v) => v !== '');
  for (const v of variants) {
    const at = context.indexOf(v);
    if (at >= 0) return { start: at, end: at + v.length };
  }
  const lower = context.toLowerCase();
  if (lower.length !== context.length) return undefined; // case folding changed offsets: no safe span
  for (const v of variants) {
    const at = lower.indexOf(v.toLowerCase());
    if (at >= 0) return { start: at, end: at + v.length };
  }
  return undefined;
}

/**
 * Chat replies carry no confidence, so `score` is 1 when the answer is quoted from the context (a
 * verifiable span) and 0 when it is generative.
 */
function answerFrom(request: Extract<TaskRequest, { task: 'question-answering' }>, reply: string): TaskResult {
  const answer = nonEmpty(unquote(stripFences(reply).replace(/^answer\s*:\s*/i, '').trim(), request.context), 'answer');
  const span = findSpan(request.context, answer);
  if (span) {
    return { task: 'question-answering', answer: request.context.slice(span.start, span.end), score: 1, ...span, generative: false };
  }
  return { task: 'question-answering', answer, score: 0, start: -1, end: -1, generative: true };
}

/** End index (exclusive) of the balanced JSON value starting at `start`, skipping brackets inside strings. */
function balancedEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first JSON object or array in a reply: the whole reply, a fenced block, or one embedded in prose. */
export function extractJson(reply: string): unknown {
  const fenced = FENCE.exec(reply);
  for (const text of fenced ? [fenced[1], reply] : [reply]) {
    const whole = tryParse(text.trim());
    if (whole !== undefined && typeof whole === 'object' && whole !== null) return whole;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '{' && text[i] !== '[') continue;
      const end = balancedEnd(text, i);
      const value = end === undefined ? undefined : tryParse(text.slice(i, end));
      if (value !== undefined && typeof value === 'object' && value !== null) return value;
    }
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toScore(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.replace(/%$/, '')) : NaN;
  if (!Number.isFinite(n) || n < 0) return undefined;
  return n > 1 && n <= 100 ? n / 100 : Math.min(n, 1);
}

/** Accepts {labels:[{label,score}]}, [{label,score}], {label,score}, {labels:[…], scores:[…]} or {"positive":0.9,…}. */
function labelsFrom(json: unknown): ScoredLabel[] {
  const list = isRecord(json) && json.labels !== undefined ? json.labels : json;
  if (isRecord(json) && Array.isArray(json.labels) && Array.isArray(json.scores)) {
    const scores = json.scores;
    return json.labels.flatMap((label, i) => {
      const score = toScore(scores[i]);
      return typeof label === 'string' && score !== undefined ? [{ label, score }] : [];
    });
  }
  const items = Array.isArray(list) ? list : [list];
  const labels = items.flatMap((item) => {
    if (!isRecord(item) || typeof item.label !== 'string') return [];
    const score = toScore(item.score);
    return score === undefined ? [] : [{ label: item.label, score }];
  });
  if (labels.length > 0 || !isRecord(json)) return labels;
  return Object.entries(json).flatMap(([label, v]) => {
    const score = toScore(v);
    return score === undefined ? [] : [{ label, score }];
  });
}

function byScore(labels: ScoredLabel[]): ScoredLabel[] {
  return [...labels].sort((a, b) => b.score - a.score);
}

function sentimentFrom(reply: string): TaskResult {
  const labels = labelsFrom(extractJson(reply)).map((l) => ({ label: l.label.trim().toLowerCase(), score: l.score }));
  if (labels.length === 0) throw malformed('no sentiment labels with scores');
  return { task: 'sentiment', labels: commonSentiments(labels) };
}

/** Keeps the requested topics only (matched case-insensitively); topics the model left out score 0. */
function topicFrom(request: Extract<TaskRequest, { task: 'topic' }>, reply: string): TaskResult {
  const scores = new Map<string, number>();
  for (const l of labelsFrom(extractJson(reply))) {
    const wanted = request.labels.find((r) => r.trim().toLowerCase() === l.label.trim().toLowerCase());
    if (wanted !== undefined && !scores.has(wanted)) scores.set(wanted, l.score);
  }
  if (scores.size === 0) throw malformed('none of the requested topics were scored');
  return { task: 'topic', labels: byScore(request.labels.map((label) => ({ label, score: scores.get(label) ?? 0 }))) };
}

const GROUP_ALIASES: Readonly<Record<string, string>> = {
  PERSON: 'PER',
  PEOPLE: 'PER',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  LOCATION: 'LOC',
  PLACE: 'LOC',
  GPE: 'LOC',
};

function firstString(item: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = item[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/** Offset of `word` in `text` at or after `from`: exact first, then case-insensitive when that is offset-safe. */
function locate(text: string, word: string, from: number): number {
  const at = text.indexOf(word, from);
  if (at >= 0) return at;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower.indexOf(word.toLowerCase(), from) : -1;
}

/**
 * Entities from a JSON list of {group, word}, located in the text so they carry offsets. A word that occurs
 * several times maps to successive occurrences; words not found in the text are dropped (invented by the
 * model). Chat replies carry no confidence: score is 1.
 */
function entitiesFrom(request: Extract<TaskRequest, { task: 'ner' }>, reply: string): TaskResult {
  const json = extractJson(reply);
  const list = isRecord(json) ? json.entities : json;
  if (!Array.isArray(list)) throw malformed('no JSON list of entities');
  const nextFrom = new Map<string, number>();
  const entities: Entity[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const word = firstString(item, ['word', 'text', 'entity', 'name']);
    const rawGroup = firstString(item, ['group', 'entity_group', 'type', 'label']);
    if (word === undefined || rawGroup === undefined) continue;
    const start = locate(request.text, word, nextFrom.get(word) ?? 0);
    if (start < 0) continue;
    nextFrom.set(word, start + word.length);
    const group = rawGroup.toUpperCase();
    entities.push({ group: GROUP_ALIASES[group] ?? group, word: request.text.slice(start, start + word.length), score: 1, start, end: start + word.length });
  }
  return { task: 'ner', entities: entities.sort((a, b) => a.start - b.start) };
}

/** Turns a chat model's reply to `chatMessages(request)` into the request's TaskResult. */
export function parseChatResult(request: TaskRequest, reply: string): TaskResult {
  switch (request.task) {
    case 'translate':
      return { task: 'translate', text: nonEmpty(unquote(stripFences(reply), request.text), 'translation') };
    case 'summarize': {
      const text = nonEmpty(stripFences(reply), 'summary');
      return { task: 'summarize', text: request.style === 'bullets' ? bulletsFrom(text) : text };
    }
    case 'generate-code':
      return { task: 'generate-code', text: nonEmpty(codeFrom(reply), 'code') };
    case 'chat':
      return { task: 'chat', text: nonEmpty(reply.trim(), 'reply') };
    case 'question-answering':
      return answerFrom(request, reply);
    case 'sentiment':
      return sentimentFrom(reply);
    case 'topic':
      return topicFrom(request, reply);
    case 'ner':
      return entitiesFrom(request, reply);
  }
}
