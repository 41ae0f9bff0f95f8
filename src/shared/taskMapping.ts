/**
 * Which of the extension's tasks a Hub model can serve, from its pipeline tag. Shared so the host
 * (details, "Try it") and the webview (the "Use for task" picker) agree.
 */
import { fixedLanguagePair } from '../core/language/languagePairs';
import { TASK_API } from '../core/tasks/taskApi';
import type { ApiKind, TaskKind } from '../core/tasks/taskTypes';

/** Pipeline tags of chat-capable models: these can serve every task through the chat API. */
const CHAT_PIPELINES = new Set(['text-generation', 'image-text-to-text', 'text2text-generation', 'conversational']);

const TASK_PIPELINES: Readonly<Record<string, readonly TaskKind[]>> = {
  translation: ['translate'],
  summarization: ['summarize'],
  'question-answering': ['question-answering'],
  'text-classification': ['sentiment'],
  'zero-shot-classification': ['topic'],
  'token-classification': ['ner'],
};

/** Chat models list chat and code first: those are what a user most likely pins them for. */
const CHAT_TASKS: readonly TaskKind[] = [
  'chat',
  'generate-code',
  'summarize',
  'translate',
  'question-answering',
  'sentiment',
  'topic',
  'ner',
];

export function tasksForPipeline(pipelineTag: string): readonly TaskKind[] {
  if (CHAT_PIPELINES.has(pipelineTag)) return CHAT_TASKS;
  return TASK_PIPELINES[pipelineTag] ?? [];
}

export function isChatPipeline(pipelineTag: string): boolean {
  return CHAT_PIPELINES.has(pipelineTag);
}

/** The wire API a model is called through for a task: its own task API, or chat for chat models. */
export function apiFor(task: TaskKind, pipelineTag: string): ApiKind {
  if (isChatPipeline(pipelineTag) || task === 'chat' || task === 'generate-code') return 'chat';
  return TASK_API[task];
}

export const TASK_LABELS: Readonly<Record<TaskKind, string>> = {
  'generate-code': 'Generate code',
  translate: 'Translate',
  summarize: 'Summarize',
  'question-answering': 'Question answering',
  sentiment: 'Sentiment',
  topic: 'Topic classification',
  ner: 'Named entities',
  chat: 'Chat',
};

export { fixedLanguagePair };

/** The tasks this extension runs on the user's machine (core/local: transformers.js, ONNX). */
const LOCAL_TASKS: readonly TaskKind[] = ['translate', 'summarize', 'question-answering', 'sentiment', 'topic', 'ner'];

/**
 * The task a Hub model can run on this machine for: it has ONNX weights (the `onnx` tag or the `transformers.js`
 * library, as the Hub marks them) and a pipeline the on-device runtime serves; undefined otherwise.
 */
export function localTaskFor(model: { readonly task: string; readonly library: string; readonly tags: readonly string[] }): TaskKind | undefined {
  const onnx = model.library === 'transformers.js' || model.tags.includes('onnx') || model.tags.includes('transformers.js');
  if (!onnx || isChatPipeline(model.task)) return undefined;
  return tasksForPipeline(model.task).find((t) => LOCAL_TASKS.includes(t));
}

/** The pin suffix that runs a model on this machine (core/routing/router.ts LOCAL_PIN_SUFFIX). */
export const LOCAL_PIN = ':local';
