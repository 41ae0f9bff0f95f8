import type { TaskKind, TaskRequest } from '../../../src/core/tasks/taskTypes';

/** One request of every task kind, shared by the chain, prompt and transport tests. */
export const SAMPLE_REQUESTS: Readonly<Record<TaskKind, TaskRequest>> = {
  'generate-code': { task: 'generate-code', instruction: 'add two numbers', languageId: 'python', context: 'import math' },
  translate: { task: 'translate', text: 'Good morning', sourceLang: 'en', targetLang: 'de' },
  summarize: { task: 'summarize', text: 'Long text.', style: 'bullets', length: 'short' },
  'question-answering': { task: 'question-answering', question: 'Where did Ada live?', context: 'Ada Lovelace lived in London.' },
  sentiment: { task: 'sentiment', text: 'I love it' },
  topic: { task: 'topic', text: 'The match ended 2-1', labels: ['Sports', 'Politics'] },
  ner: { task: 'ner', text: 'Ada met Charles in London. Ada left.' },
  chat: { task: 'chat', prompt: 'Tell me a joke' },
};
