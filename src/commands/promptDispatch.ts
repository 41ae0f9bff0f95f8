/**
 * "Run a Prompt…": which action a free-form prompt asks for, and with which arguments. The task
 * detector (src/core/intent/taskDetection.ts) reads the prompt; this maps its verdict onto our commands.
 * Pure, so the mapping is tested in plain node.
 */
import type { TaskDetection } from '../core/intent/taskDetection';

export type PromptDispatch =
  | { readonly kind: 'command'; readonly command: string; readonly args: Readonly<Record<string, unknown>> }
  /** Nothing task-shaped: ask a chat model, with the selection (if any) as context. */
  | { readonly kind: 'chat'; readonly prompt: string };

/** Tasks that work on the selection: without one there is nothing to translate, classify… */
const NEEDS_SELECTION = new Set(['translate', 'summarize', 'question-answering', 'sentiment', 'topic', 'ner']);

export function dispatchPrompt(prompt: string, detection: TaskDetection, hasSelection: boolean): PromptDispatch {
  const text = prompt.trim();
  if (NEEDS_SELECTION.has(detection.task) && !hasSelection) return { kind: 'chat', prompt: text };
  switch (detection.task) {
    case 'generate-code':
      return { kind: 'command', command: 'huggingface.generateCode', args: { instruction: text } };
    case 'translate':
      return {
        kind: 'command',
        command: 'huggingface.translateSelection',
        args: { ...(detection.targetLang ? { targetLang: detection.targetLang } : {}), ...(detection.sourceLang ? { sourceLang: detection.sourceLang } : {}) },
      };
    case 'summarize':
      return { kind: 'command', command: 'huggingface.summarizeSelection', args: {} };
    case 'question-answering':
      return { kind: 'command', command: 'huggingface.askAboutSelection', args: { question: text } };
    case 'sentiment':
      return { kind: 'command', command: 'huggingface.classifySentiment', args: {} };
    case 'topic':
      return { kind: 'command', command: 'huggingface.classifyTopic', args: detection.labels?.length ? { labels: detection.labels } : {} };
    case 'ner':
      return { kind: 'command', command: 'huggingface.extractEntities', args: {} };
    case 'chat':
      return { kind: 'chat', prompt: text };
  }
}

/** The chat prompt: the user's words, then the selection they refer to. */
export function chatPrompt(prompt: string, selection: string): string {
  return selection.trim() ? `${prompt}\n\n---\n${selection}` : prompt;
}
