/**
 * Which small model runs each task on this machine (ONNX ports that transformers.js loads), how much input each
 * takes, and which of a repo's files are needed. Plain data, no `vscode`.
 */
import { baseLanguage, opusMtModel } from '../routing/modelCatalog';
import type { TaskKind, TaskRequest } from '../tasks/taskTypes';
import type { LocalTask } from './localTypes';

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

export function localModelFor(request: TaskRequest): LocalModelChoice {
  const task = LOCAL_TASK[request.task];
  if (!task) return { ok: false, reason: `no on-device model does ${request.task}` };
  if (request.task === 'translate') {
    const model = localTranslationModel(request.sourceLang, request.targetLang);
    const pair = `${baseLanguage(request.sourceLang) ?? request.sourceLang}→${baseLanguage(request.targetLang) ?? request.targetLang}`;
    if (!model) return { ok: false, reason: `no on-device model for the pair ${pair}` };
    return { ok: true, task, model, why: `on this machine: opus-mt pair ${pair}` };
  }
  const model = LOCAL_MODELS[task as Exclude<LocalTask, 'translation'>];
  return { ok: true, task, model, why: `on this machine: small ${request.task} model` };
}

/** The input the local pipeline takes for a request (the runtime's contract; see localTypes.ts). */
export function localInput(request: TaskRequest): unknown {
  switch (request.task) {
    case 'question-answering':
      return { question: request.question, context: request.context };
    case 'topic':
      return { text: request.text, labels: [...request.labels] };
    case 'summarize':
      return { text: request.text, length: request.length };
    case 'generate-code':
      return { text: request.instruction };
    case 'chat':
      return { text: request.prompt };
    default:
      return { text: request.text };
  }
}

/**
 * Whether a repo file is needed to run the model with transformers.js: the JSON configs and tokenizer files at the
 * root, and the quantized ONNX graphs (one for encoders; encoder + merged decoder for seq2seq models).
 */
export function isNeededFile(path: string): boolean {
  if (!path.includes('/')) return /\.(json|txt|model|spm)$/.test(path) && path !== '.gitattributes';
  return /^onnx\/(model|encoder_model|decoder_model_merged)_quantized\.onnx$/.test(path);
}
