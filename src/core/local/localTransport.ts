/**
 * The transport of `{ kind: 'local' }` candidates: makes sure the model is on disk (the extension's consent prompt
 * and download, injected), runs it through the LocalRunner and turns the pipeline's output into a TaskResult.
 * Every failure is a CallFailure the router falls back on.
 */
import { commonSentiments } from '../routing/sentimentLabels';
import { CallFailure, type Candidate, type Transport } from '../routing/routingTypes';
import { toBullets } from '../routing/transport/taskCalls';
import type { ScoredLabel, TaskRequest, TaskResult } from '../tasks/taskTypes';
import { LOCAL_TASK, localRequest } from './localCatalog';
import type { LocalResult, LocalRunner } from './localTypes';

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
      const task = LOCAL_TASK[request.task];
      if (!task) throw new CallFailure('gone', `No on-device model does ${request.task}.`);
      const modelDir = await deps.ensureModel(candidate.model, options.signal);
      if (options.signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
      const local = localRequest(request, task, modelDir);
      if (!local) throw new CallFailure('gone', `No on-device model does ${request.task}.`);
      let result: LocalResult;
      try {
        result = await deps.runner().run(local, options.signal);
      } catch (err) {
        if (err instanceof CallFailure) throw err;
        if (options.signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
        throw new CallFailure('server', `The on-device model ${candidate.model} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      return toTaskResult(candidate, request, result);
    },
  };
}

function malformed(candidate: Candidate, what: string): CallFailure {
  return new CallFailure('malformed', `${candidate.model} (on this machine) gave an unexpected output (${what}).`);
}

/** The runtime's answer (the Inference API's task output shapes, see localTypes.ts) as the router's TaskResult. */
export function toTaskResult(candidate: Candidate, request: TaskRequest, result: LocalResult): TaskResult {
  if (request.task === 'translate' && result.task === 'translation') return { task: 'translate', text: result.output.translation_text };
  if (request.task === 'summarize' && result.task === 'summarization') {
    const text = result.output.summary_text.trim();
    return { task: 'summarize', text: request.style === 'bullets' ? toBullets(text) : text };
  }
  if (request.task === 'sentiment' && result.task === 'sentiment') {
    if (result.output.length === 0) throw malformed(candidate, 'no labels');
    return { task: 'sentiment', labels: commonSentiments(result.output.map(({ label, score }) => ({ label, score }))) };
  }
  if (request.task === 'topic' && result.task === 'zeroShot') {
    const labels: ScoredLabel[] = result.output.map(({ label, score }) => ({ label, score }));
    return { task: 'topic', labels: labels.sort((a, b) => b.score - a.score) };
  }
  if (request.task === 'ner' && result.task === 'ner') {
    const entities = result.output
      .filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.end > e.start && e.end <= request.text.length)
      .map((e) => ({ group: e.entity_group.replace(/^[BI]-/, ''), word: request.text.slice(e.start, e.end), score: e.score, start: e.start, end: e.end }));
    return { task: 'ner', entities };
  }
  if (request.task === 'question-answering' && result.task === 'qa') {
    const { answer, score, start, end } = result.output;
    if (!answer.trim() || score < MIN_QA_SCORE) throw new CallFailure('no-answer', `${candidate.model} (on this machine) found no answer in the selection.`);
    return { task: 'question-answering', answer, score, start, end, generative: false };
  }
  throw malformed(candidate, `a ${result.task} answer for ${request.task}`);
}
