// hf-inference task endpoints (`POST /hf-inference/models/<id>`), dispatched by the task the model is
// served for, with exactly the response shapes @huggingface/inference 4.13 checks (see answers.ts for values).
import {
  answerQuestion,
  classifySentiment,
  generateText,
  recognizeEntities,
  summarize,
  translate,
  zeroShot,
} from './answers';
import type { ModelEntry } from './catalogTypes';
import { isRecord, sendError, sendJson, type RouteContext } from './http';

type TaskHandler = (ctx: RouteContext, model: ModelEntry, inputs: unknown, params: Record<string, unknown>) => void;

function asStrings(inputs: unknown): string[] | undefined {
  if (typeof inputs === 'string') return [inputs];
  if (Array.isArray(inputs) && inputs.length > 0 && inputs.every((x) => typeof x === 'string')) return inputs;
  return undefined;
}

function withText(fn: (ctx: RouteContext, model: ModelEntry, texts: string[], params: Record<string, unknown>, batched: boolean) => void): TaskHandler {
  return (ctx, model, inputs, params) => {
    const texts = asStrings(inputs);
    if (!texts) return sendError(ctx, 400, 'Input should be a valid string');
    fn(ctx, model, texts, params, Array.isArray(inputs));
  };
}

const translation = withText((ctx, model, texts, params) => {
  const out: { translation_text: string }[] = [];
  for (const t of texts) {
    const r = translate(model.id, t, params.tgt_lang);
    if (typeof r !== 'string') return sendError(ctx, 400, r.error);
    out.push({ translation_text: r });
  }
  sendJson(ctx, 200, out);
});

const summarization = withText((ctx, _model, texts) => sendJson(ctx, 200, texts.map((t) => ({ summary_text: summarize(t) }))));

const textClassification = withText((ctx, model, texts, params) => {
  const topK = typeof params.top_k === 'number' && params.top_k > 0 ? params.top_k : undefined;
  sendJson(ctx, 200, texts.map((t) => classifySentiment(model.id, t).slice(0, topK)));
});

const tokenClassification = withText((ctx, _model, texts, _params, batched) => {
  const results = texts.map((t) => recognizeEntities(t));
  sendJson(ctx, 200, batched ? results : results[0]);
});

const zeroShotClassification = withText((ctx, _model, texts, params) => {
  const raw = params.candidate_labels;
  const labels = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string')) {
    return sendError(ctx, 400, 'parameters.candidate_labels must be a non-empty list of strings');
  }
  const results = texts.map((t) => zeroShot(t, labels, params.multi_label === true));
  sendJson(ctx, 200, results.length === 1 ? results[0] : results);
});

/** `return_full_text: false` (what fill-in-the-middle clients send) answers only the continuation, as TGI does. */
const textGeneration = withText((ctx, model, texts, params) => {
  const full = params.return_full_text !== false;
  sendJson(ctx, 200, texts.map((t) => {
    const generated = ctx.state.completionReply(model.id) ?? generateText(model.id, t);
    return { generated_text: full ? `${t}${generated}` : generated };
  }));
});

const questionAnswering: TaskHandler = (ctx, _model, inputs) => {
  if (!isRecord(inputs) || typeof inputs.question !== 'string' || typeof inputs.context !== 'string') {
    return sendError(ctx, 400, 'inputs must be an object {question: string, context: string}');
  }
  sendJson(ctx, 200, answerQuestion(inputs.question, inputs.context));
};

const TASKS: Record<string, TaskHandler> = {
  translation,
  summarization,
  'question-answering': questionAnswering,
  'text-classification': textClassification,
  'token-classification': tokenClassification,
  'zero-shot-classification': zeroShotClassification,
  'text-generation': textGeneration,
};

/** Runs the task of the model's hf-inference mapping on `{inputs, parameters?}`. */
export function handleTask(ctx: RouteContext, model: ModelEntry, task: string): void {
  const handler = TASKS[task];
  if (!handler) return sendError(ctx, 400, `Task ${task} is not supported by this fake`);
  const body = ctx.body;
  if (!isRecord(body) || !('inputs' in body)) return sendError(ctx, 400, "Missing 'inputs' in request body");
  const params = isRecord(body.parameters) ? body.parameters : {};
  handler(ctx, model, body.inputs, params);
}
