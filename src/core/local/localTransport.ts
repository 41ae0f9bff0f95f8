/**
 * The transport of `{ kind: 'local' }` candidates: makes sure the model is on disk (the extension's consent prompt
 * and download, injected), runs it through the LocalRunner and turns the pipeline's output into a TaskResult.
 * Every failure is a CallFailure the router falls back on.
 */
import { commonSentiments } from '../routing/sentimentLabels';
import { CallFailure, type Candidate, type Transport } from '../routing/routingTypes';
import { toBullets } from '../routing/transport/taskCalls';
import type { ScoredLabel, TaskRequest, TaskResult } from '../tasks/taskTypes';
import { localInput, localModelFor } from './localCatalog';
import type { LocalRunner } from './localTypes';

export interface LocalTransportDeps {
  /**
   * The model's directory, downloading it first when needed (after the one-time consent). Throws a CallFailure
   * ('gone' with the reason: declined, over the disk cap, offline) when it cannot be had.
   */
  ensureModel(model: string, signal: AbortSignal | undefined): Promise<string>;
  /** The runtime; created on first use (throws when the runtime is not available). */
  runner(): LocalRunner;
}

/** Below this score an extractive answer is noise: the chain moves on (as for the remote QA models). */
const MIN_QA_SCORE = 0.01;

export function createLocalTransport(deps: LocalTransportDeps): Transport {
  return {
    async call(candidate, request, options) {
      const choice = localModelFor(request);
      if (!choice.ok) throw new CallFailure('gone', `No on-device model: ${choice.reason}.`);
      const modelDir = await deps.ensureModel(candidate.model, options.signal);
      if (options.signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
      let output: unknown;
      try {
        output = await deps.runner().run({ task: choice.task, modelDir, input: localInput(request) }, options.signal);
      } catch (err) {
        if (err instanceof CallFailure) throw err;
        if (options.signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
        throw new CallFailure('server', `The on-device model ${candidate.model} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      return toTaskResult(candidate, request, output);
    },
  };
}

function malformed(candidate: Candidate, what: string): CallFailure {
  return new CallFailure('malformed', `${candidate.model} (on this machine) gave an unexpected output (${what}).`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A pipeline's output is an object or a one-element array of it (transformers.js returns both shapes). */
function first(value: unknown): Record<string, unknown> | undefined {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  return isRecord(v) ? v : undefined;
}

function scoredLabels(value: unknown): ScoredLabel[] | undefined {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const out: ScoredLabel[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.label !== 'string' || typeof item.score !== 'number') return undefined;
    out.push({ label: item.label, score: item.score });
  }
  return out;
}

function textField(value: unknown, field: string): string | undefined {
  const v = first(value)?.[field];
  return typeof v === 'string' ? v : undefined;
}

/** The transformers.js pipeline outputs (the same shapes as the Inference API's) as the router's TaskResult. */
export function toTaskResult(candidate: Candidate, request: TaskRequest, output: unknown): TaskResult {
  switch (request.task) {
    case 'translate': {
      const text = textField(output, 'translation_text');
      if (text === undefined) throw malformed(candidate, 'no translation_text');
      return { task: 'translate', text };
    }
    case 'summarize': {
      const text = textField(output, 'summary_text')?.trim();
      if (text === undefined) throw malformed(candidate, 'no summary_text');
      return { task: 'summarize', text: request.style === 'bullets' ? toBullets(text) : text };
    }
    case 'sentiment': {
      const labels = scoredLabels(output);
      if (!labels || labels.length === 0) throw malformed(candidate, 'no labels');
      return { task: 'sentiment', labels: commonSentiments(labels) };
    }
    case 'topic': {
      const o = first(output);
      const labels = o?.labels;
      const scores = o?.scores;
      if (!Array.isArray(labels) || !Array.isArray(scores) || labels.length !== scores.length) throw malformed(candidate, 'no labels/scores');
      const out = labels.map((label: unknown, i) => ({ label: String(label), score: Number(scores[i]) }));
      return { task: 'topic', labels: out.sort((a, b) => b.score - a.score) };
    }
    case 'ner': {
      if (!Array.isArray(output)) throw malformed(candidate, 'not a list of entities');
      const entities = (output as unknown[])
        .filter(isRecord)
        .filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && (e.end as number) > (e.start as number) && (e.end as number) <= request.text.length)
        .map((e) => {
          const start = e.start as number;
          const end = e.end as number;
          const group = typeof e.entity_group === 'string' ? e.entity_group : typeof e.entity === 'string' ? e.entity.replace(/^[BI]-/, '') : 'MISC';
          return { group, word: request.text.slice(start, end), score: typeof e.score === 'number' ? e.score : 0, start, end };
        });
      return { task: 'ner', entities };
    }
    case 'question-answering': {
      const o = first(output);
      const answer = typeof o?.answer === 'string' ? o.answer : '';
      const score = typeof o?.score === 'number' ? o.score : 0;
      if (!answer.trim() || score < MIN_QA_SCORE) throw new CallFailure('no-answer', `${candidate.model} (on this machine) found no answer in the selection.`);
      let start = typeof o?.start === 'number' ? o.start : request.context.indexOf(answer);
      let end = typeof o?.end === 'number' ? o.end : start < 0 ? -1 : start + answer.length;
      if (start < 0) end = -1;
      if (start < 0) start = -1;
      return { task: 'question-answering', answer, score, start, end, generative: false };
    }
    default:
      throw new CallFailure('gone', `No on-device model does ${request.task}.`);
  }
}
