/**
 * transformers.js pipeline outputs → LocalResult (the `@huggingface/inference` shapes). Pure: the worker
 * calls it on what the pipeline returned; unit-tested on plain objects.
 */
import type { LocalEntity, LocalInferenceRequest, LocalResult, LocalScoredLabel } from './localTypes';

/** What a pipeline returned, before it is checked. */
export type PipelineOutput = unknown;

interface RawToken {
  readonly entity: string;
  readonly score: number;
  readonly index: number;
  readonly word: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function malformed(task: string): Error {
  return new Error(`The local ${task} model gave an answer of an unexpected shape.`);
}

function scoredLabels(raw: unknown, task: string): LocalScoredLabel[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((x) => {
    if (!isRecord(x) || typeof x.label !== 'string' || typeof x.score !== 'number') throw malformed(task);
    return { label: x.label, score: x.score };
  });
}

function firstText(raw: unknown, field: 'translation_text' | 'summary_text', task: string): string {
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  if (!isRecord(first) || typeof first[field] !== 'string') throw malformed(task);
  return first[field];
}

/**
 * Token labels (B-PER, I-PER, …; 'O' already left out) → entity groups with character offsets in `text`:
 * a B- token, or an I- token that does not continue the previous token's group, starts a group; WordPiece
 * pieces (##x) join the word before them. Offsets are found by searching the text from the previous entity
 * on, ignoring case (the tokenizer may lowercase); a word not found keeps -1 offsets.
 */
export function groupEntities(text: string, tokens: readonly RawToken[]): LocalEntity[] {
  interface Group {
    group: string;
    words: string[];
    scores: number[];
    lastIndex: number;
  }
  const groups: Group[] = [];
  for (const token of tokens) {
    const match = /^([BI])-(.+)$/.exec(token.entity);
    const kind = match ? match[1] : 'B';
    const group = match ? match[2] : token.entity;
    const last = groups[groups.length - 1];
    const piece = token.word.startsWith('##');
    const continues = last && last.lastIndex === token.index - 1 && last.group === group && (kind === 'I' || piece);
    if (continues) {
      if (piece) last.words[last.words.length - 1] += token.word.slice(2);
      else last.words.push(token.word);
      last.scores.push(token.score);
      last.lastIndex = token.index;
    } else {
      groups.push({ group, words: [piece ? token.word.slice(2) : token.word], scores: [token.score], lastIndex: token.index });
    }
  }
  const lower = text.toLowerCase();
  let cursor = 0;
  return groups.map((g) => {
    const first = lower.indexOf(g.words[0].toLowerCase(), cursor);
    let start = first;
    let end = -1;
    if (first >= 0) {
      let at = first;
      for (const word of g.words) {
        const found = lower.indexOf(word.toLowerCase(), at);
        if (found < 0) break;
        at = found + word.length;
      }
      end = at;
      cursor = end;
    } else {
      start = -1;
    }
    const score = g.scores.reduce((a, b) => a + b, 0) / g.scores.length;
    return { entity_group: g.group, score, word: start >= 0 ? text.slice(start, end) : g.words.join(' '), start, end };
  });
}

function rawTokens(raw: unknown): RawToken[] {
  if (!Array.isArray(raw)) throw malformed('entity');
  return raw.map((x: unknown) => {
    if (!isRecord(x) || typeof x.entity !== 'string' || typeof x.score !== 'number' || typeof x.index !== 'number' || typeof x.word !== 'string') {
      throw malformed('entity');
    }
    return { entity: x.entity, score: x.score, index: x.index, word: x.word };
  });
}

export function toLocalResult(request: LocalInferenceRequest, raw: PipelineOutput): LocalResult {
  switch (request.task) {
    case 'sentiment':
      return { task: 'sentiment', output: scoredLabels(raw, 'sentiment') };
    case 'ner':
      return { task: 'ner', output: groupEntities(request.text, rawTokens(raw)) };
    case 'zeroShot': {
      if (!isRecord(raw) || !Array.isArray(raw.labels) || !Array.isArray(raw.scores)) throw malformed('zero-shot');
      const scores = raw.scores as unknown[];
      const output = (raw.labels as unknown[]).map((label, i) => {
        const score = scores[i];
        if (typeof label !== 'string' || typeof score !== 'number') throw malformed('zero-shot');
        return { label, score };
      });
      return { task: 'zeroShot', output };
    }
    case 'translation':
      return { task: 'translation', output: { translation_text: firstText(raw, 'translation_text', 'translation') } };
    case 'summarization':
      return { task: 'summarization', output: { summary_text: firstText(raw, 'summary_text', 'summarization') } };
    case 'qa': {
      const first: unknown = Array.isArray(raw) ? raw[0] : raw;
      if (!isRecord(first) || typeof first.answer !== 'string' || typeof first.score !== 'number') throw malformed('question-answering');
      // The answer is decoded from tokens (maybe lowercased): its span in the context gives the offsets and the original text.
      const start = first.answer ? request.context.toLowerCase().indexOf(first.answer.toLowerCase()) : -1;
      const end = start >= 0 ? start + first.answer.length : -1;
      const answer = start >= 0 ? request.context.slice(start, end) : first.answer;
      return { task: 'qa', output: { answer, score: first.score, start, end } };
    }
  }
}
