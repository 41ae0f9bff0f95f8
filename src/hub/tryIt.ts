/**
 * The "Try it" playground's host side: turns the playground input into a TaskRequest plus the one
 * Candidate the router must use (`only`), and a TaskResult back into display text.
 */
import type { Decision } from '../core/routing/decision';
import type { Candidate } from '../core/routing/routingTypes';
import type { TaskKind, TaskRequest, TaskResult } from '../core/tasks/taskTypes';
import type { TryInput, TryResult } from '../shared/hubTypes';
import { apiFor } from '../shared/taskMapping';

export const DEFAULT_TOPIC_LABELS = ['technology', 'sports', 'politics', 'business', 'science'];

export class TryInputError extends Error {}

function required(value: string, what: string): string {
  const v = value.trim();
  if (!v) throw new TryInputError(`Enter ${what} first.`);
  return v;
}

function requestFor(task: TaskKind, input: TryInput): TaskRequest {
  switch (task) {
    case 'translate':
      return {
        task,
        text: required(input.text, 'the text to translate'),
        sourceLang: input.sourceLang.trim() || 'en',
        targetLang: input.targetLang.trim() || 'fr',
      };
    case 'summarize':
      return { task, text: required(input.text, 'the text to summarize'), style: 'paragraph', length: 'medium' };
    case 'question-answering':
      return { task, question: required(input.text, 'a question'), context: required(input.context, 'a context passage') };
    case 'sentiment':
    case 'ner':
      return { task, text: required(input.text, 'some text') };
    case 'topic': {
      const labels = input.labels.split(',').map((l) => l.trim()).filter(Boolean);
      return { task, text: required(input.text, 'some text'), labels: labels.length > 0 ? labels : DEFAULT_TOPIC_LABELS };
    }
    case 'generate-code':
      return { task, instruction: required(input.text, 'an instruction'), languageId: 'plaintext', context: '' };
    case 'chat':
      return { task, prompt: required(input.text, 'a prompt') };
  }
}

const PROVIDER = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface TryPlan {
  readonly request: TaskRequest;
  readonly candidate: Candidate;
}

/** Throws TryInputError for missing input or a malformed provider name. */
export function planTryRun(task: TaskKind, modelId: string, pipelineTag: string, provider: string, input: TryInput): TryPlan {
  const name = provider.trim() || 'auto';
  if (!PROVIDER.test(name)) throw new TryInputError(`Unknown provider "${provider}".`);
  return {
    request: requestFor(task, input),
    candidate: {
      model: modelId,
      provider: { kind: 'hf', provider: name },
      api: apiFor(task, pipelineTag),
      why: 'chosen in the Hub browser ("Try it")',
    },
  };
}

const pct = (score: number): string => `${(score * 100).toFixed(1)}%`;

export function formatTaskResult(result: TaskResult): string {
  switch (result.task) {
    case 'translate':
    case 'summarize':
    case 'generate-code':
    case 'chat':
      return result.text;
    case 'question-answering':
      return result.generative ? result.answer : `${result.answer}  (score ${pct(result.score)})`;
    case 'sentiment':
    case 'topic':
      return result.labels.map((l) => `${l.label}  ${pct(l.score)}`).join('\n');
    case 'ner':
      return result.entities.length === 0
        ? 'No entities found.'
        : result.entities.map((e) => `${e.word}  ${e.group}  ${pct(e.score)}`).join('\n');
  }
}

export function tryResult(result: TaskResult, decision: Decision, fallbackModel: string): TryResult {
  const chosen = decision.chosen;
  const where = chosen?.provider;
  const provider = where === undefined ? '' : where.kind === 'hf' ? where.provider : where.kind === 'local' ? 'this machine' : where.endpointId;
  return {
    text: formatTaskResult(result),
    model: chosen?.model ?? fallbackModel,
    provider,
    latencyMs: chosen?.latencyMs ?? decision.totalMs,
  };
}
