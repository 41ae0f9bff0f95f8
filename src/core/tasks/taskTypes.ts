/**
 * What a task is, independent of which model answers it: the task kinds, their requests and results,
 * and the wire API each kind is called through. Plain TypeScript (no `vscode`), like all of src/core.
 */
import type { OpenAiMessage, OpenAiTool, OpenAiToolChoice } from '../conversation/chatMessages';

/** What the user asked for, independent of which model answers it. */
export type TaskKind =
  | 'generate-code'
  | 'translate'
  | 'summarize'
  | 'question-answering'
  | 'sentiment'
  | 'topic'
  | 'ner'
  | 'chat';

export const TASK_KINDS: readonly TaskKind[] = [
  'generate-code',
  'translate',
  'summarize',
  'question-answering',
  'sentiment',
  'topic',
  'ner',
  'chat',
];

/** The wire API a candidate is called through (one `@huggingface/inference` method each). */
export type ApiKind =
  | 'translation'
  | 'summarization'
  | 'question-answering'
  | 'text-classification'
  | 'zero-shot-classification'
  | 'token-classification'
  | 'text-generation'
  | 'chat';

export type SummaryStyle = 'bullets' | 'paragraph';
export type SummaryLength = 'short' | 'medium' | 'long';

export type TaskRequest =
  | { readonly task: 'translate'; readonly text: string; readonly sourceLang: string; readonly targetLang: string }
  | { readonly task: 'summarize'; readonly text: string; readonly style: SummaryStyle; readonly length: SummaryLength }
  | { readonly task: 'question-answering'; readonly question: string; readonly context: string }
  | { readonly task: 'sentiment'; readonly text: string }
  | { readonly task: 'topic'; readonly text: string; readonly labels: readonly string[] }
  | { readonly task: 'ner'; readonly text: string }
  | {
      readonly task: 'generate-code';
      readonly instruction: string;
      /** VS Code language id of the target file, e.g. 'typescript'. */
      readonly languageId: string;
      /** Code around the cursor, for context (may be empty). */
      readonly context: string;
      readonly temperature?: number;
      readonly maxTokens?: number;
    }
  | {
      readonly task: 'chat';
      readonly prompt: string;
      /** A whole conversation of text turns; when given, it is sent instead of `prompt` as the one user turn. */
      readonly messages?: readonly ChatTurn[];
      /** VS Code's chat: a conversation in OpenAI's shape (tool calls and results, images) and the tools offered; wins over `messages`. */
      readonly conversation?: ChatConversation;
      readonly temperature?: number;
      readonly maxTokens?: number;
    };

/** A conversation as OpenAI-compatible chat APIs take it (core/conversation/chatMessages.ts builds it). */
export interface ChatConversation {
  readonly messages: readonly OpenAiMessage[];
  readonly tools?: readonly OpenAiTool[];
  readonly toolChoice?: OpenAiToolChoice;
}

/** One turn of a conversation, as chat models take it. */
export interface ChatTurn {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ScoredLabel {
  readonly label: string;
  readonly score: number;
}

export interface Entity {
  /** Entity group, e.g. PER, ORG, LOC, MISC. */
  readonly group: string;
  readonly word: string;
  readonly score: number;
  /** Character offsets into the request text. */
  readonly start: number;
  readonly end: number;
}

export type TaskResult =
  | { readonly task: 'translate'; readonly text: string }
  | { readonly task: 'summarize'; readonly text: string }
  | {
      readonly task: 'question-answering';
      readonly answer: string;
      readonly score: number;
      /** Offsets of the answer span in the context; -1 when the answer is generative (no span). */
      readonly start: number;
      readonly end: number;
      readonly generative: boolean;
    }
  | { readonly task: 'sentiment'; readonly labels: readonly ScoredLabel[] }
  | { readonly task: 'topic'; readonly labels: readonly ScoredLabel[] }
  | { readonly task: 'ner'; readonly entities: readonly Entity[] }
  | { readonly task: 'generate-code'; readonly text: string }
  | { readonly task: 'chat'; readonly text: string };
