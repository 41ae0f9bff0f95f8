/**
 * Which small model runs each task on this machine (ONNX ports that transformers.js loads), how much input each
 * takes, and which of a repo's files are needed. Plain data, no `vscode`.
 */
import { baseLanguage, opusMtModel } from '../routing/modelCatalog';
import type { TaskKind, TaskRequest } from '../tasks/taskTypes';
import type { LocalInferenceRequest, LocalTask } from './localTypes';

/** The local pipeline for each task kind a small model serves (generate-code and chat have none). */
export const LOCAL_TASK: Readonly<Partial<Record<TaskKind, LocalTask>>> = {
  sentiment: 'sentiment',
  ner: 'ner',
  topic: 'zeroShot',
  translate: 'translation',
  'question-answering': 'qa',
  summarize: 'summarization',
};

/** The ONNX port used for each fixed-model task (translation picks its pair's model instead). */
export const LOCAL_MODELS: Readonly<Record<Exclude<LocalTask, 'translation'>, string>> = {
  sentiment: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english',
  ner: 'Xenova/bert-base-NER',
  zeroShot: 'Xenova/mobilebert-uncased-mnli',
  qa: 'Xenova/distilbert-base-cased-distilled-squad',
  summarization: 'Xenova/distilbart-cnn-6-6',
};

/**
 * Largest input (characters of the user's text) each local pipeline takes. The encoders read 512 tokens
 * (about 4 characters each in English); longer text would be cut, so it goes to a remote model instead.
 */
export const LOCAL_INPUT_LIMITS: Readonly<Record<LocalTask, number>> = {
  sentiment: 2000,
  ner: 2000,
  zeroShot: 2000,
  translation: 2000,
  qa: 4000,
  summarization: 4000,
};

/** The local model for a request, or why there is none. */
export type LocalModelChoice =
  | { readonly ok: true; readonly task: LocalTask; readonly model: string; readonly why: string }
  | { readonly ok: false; readonly reason: string };

/** The ONNX port of an opus-mt pair: Helsinki-NLP/opus-mt-en-fr → Xenova/opus-mt-en-fr. */
export function localTranslationModel(sourceLang: string, targetLang: string): string | undefined {
  const opus = opusMtModel(sourceLang, targetLang);
  return opus ? opus.replace(/^Helsinki-NLP\//, 'Xenova/') : undefined;
}

/** The on-device model for a request: `pinnedModel` (pinned with ":local") when given, else the catalog's. */
export function localModelFor(request: TaskRequest, pinnedModel?: string): LocalModelChoice {
  const task = LOCAL_TASK[request.task];
  if (!task) return { ok: false, reason: `no on-device model does ${request.task}` };
  if (pinnedModel) return { ok: true, task, model: pinnedModel, why: 'pinned to run on this machine' };
  if (request.task === 'translate') {
    const model = localTranslationModel(request.sourceLang, request.targetLang);
    const pair = `${baseLanguage(request.sourceLang) ?? request.sourceLang}→${baseLanguage(request.targetLang) ?? request.targetLang}`;
    if (!model) return { ok: false, reason: `no on-device model for the pair ${pair}` };
    return { ok: true, task, model, why: `on this machine: opus-mt pair ${pair}` };
  }
  const model = LOCAL_MODELS[task as Exclude<LocalTask, 'translation'>];
  return { ok: true, task, model, why: `on this machine: small ${request.task} model` };
}

/** New tokens a local summary may take, by the length asked for. */
const SUMMARY_TOKENS: Readonly<Record<string, number>> = { short: 60, medium: 120, long: 200 };

/** The runtime's request for `request` on the model in `modelDir` (see localTypes.ts); undefined when the task does not fit. */
export function localRequest(request: TaskRequest, task: LocalTask, modelDir: string): LocalInferenceRequest | undefined {
  if (task === 'sentiment' && request.task === 'sentiment') return { task, modelDir, text: request.text };
  if (task === 'ner' && request.task === 'ner') return { task, modelDir, text: request.text };
  if (task === 'zeroShot' && request.task === 'topic') return { task, modelDir, text: request.text, labels: [...request.labels] };
  if (task === 'translation' && request.task === 'translate') return { task, modelDir, text: request.text };
  if (task === 'qa' && request.task === 'question-answering') return { task, modelDir, question: request.question, context: request.context };
  if (task === 'summarization' && request.task === 'summarize') return { task, modelDir, text: request.text, maxNewTokens: SUMMARY_TOKENS[request.length] ?? 120 };
  return undefined;
}

/**
 * Whether a repo file is needed to run the model with transformers.js: the JSON configs and tokenizer files at the
 * root, and the quantized ONNX graphs (one for encoders; encoder + merged decoder for seq2seq models).
 */
export function isNeededFile(path: string): boolean {
  if (!path.includes('/')) return /\.(json|txt|model|spm)$/.test(path) && path !== '.gitattributes';
  return /^onnx\/(model|encoder_model|decoder_model_merged)_quantized\.onnx$/.test(path);
}
