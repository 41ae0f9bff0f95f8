/**
 * The task-specific wire API of each task: what a non-chat model for the task is called through.
 * Its own module (types only besides) so the Hub's task mapping, which the webview bundles too, can
 * use it without pulling in the routing chains.
 */
import type { ApiKind, TaskKind } from './taskTypes';

export const TASK_API: Readonly<Record<TaskKind, ApiKind>> = {
  'generate-code': 'text-generation',
  translate: 'translation',
  summarize: 'summarization',
  'question-answering': 'question-answering',
  sentiment: 'text-classification',
  topic: 'zero-shot-classification',
  ner: 'token-classification',
  chat: 'chat',
};
