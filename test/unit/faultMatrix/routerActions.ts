// The router-level columns of the matrix: each editor action as the request its command sends, with a
// two-model chain (the faulted primary, then a healthy fallback of the kind the real chain falls back
// to), and "Try it" as the Hub browser plans it (src/hub/tryIt.ts): one candidate, no fallback, streamed.
import type { Candidate } from '../../../src/core/routing/routingTypes';
import type { ApiKind, TaskRequest } from '../../../src/core/tasks/taskTypes';
import { planTryRun } from '../../../src/hub/tryIt';
import type { ActionId } from './matrixReport';

export interface RouterAction {
  readonly id: ActionId;
  readonly request: TaskRequest;
  /** The candidate every fault is aimed at. */
  readonly primary: Candidate;
  /** The healthy next candidate; undefined for "Try it" (only the chosen model is tried). */
  readonly fallback?: Candidate;
  /** Streams its answer (onToken/onRestart), like Generate Code and the Try it playground. */
  readonly streams: boolean;
}

const onHfInference = (model: string, api: ApiKind, why: string): Candidate => ({ model, provider: { kind: 'hf', provider: 'hf-inference' }, api, why });
const onAuto = (model: string, why: string): Candidate => ({ model, provider: { kind: 'hf', provider: 'auto' }, api: 'chat', why });

const CODE_MODEL = 'Qwen/Qwen2.5-Coder-32B-Instruct';
const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
const TOPIC_CHAT_MODEL = 'deepseek-ai/DeepSeek-V3-0324';
const NER_CHAT_MODEL = 'HuggingFaceTB/SmolLM3-3B';
const TRY_MODEL = 'Qwen/Qwen2.5-72B-Instruct';

/**
 * Chat replies per model, set before every cell (the fake forgets them on reset). Each model has its
 * own, so an answer shows which candidate produced it; the chat fallbacks of topic and NER answer the
 * JSON their parsers read.
 */
export const CHAT_REPLIES: Readonly<Record<string, string>> = {
  [CODE_MODEL]: 'def add(a, b):\n    """Add two numbers."""\n    return a + b',
  [LLAMA]: 'def add(a, b):\n    return a + b',
  [TOPIC_CHAT_MODEL]: '{"labels": [{"label": "Sports", "score": 0.93}, {"label": "Politics", "score": 0.07}]}',
  [NER_CHAT_MODEL]: '[{"word": "Ada", "group": "PER"}, {"word": "London", "group": "LOC"}]',
  [TRY_MODEL]: 'A joke walks into a bar and orders a punchline.',
};

const tryPlan = planTryRun('chat', TRY_MODEL, 'text-generation', '', { text: 'Tell me a joke', context: '', labels: '', sourceLang: '', targetLang: '' });

export const ROUTER_ACTIONS: readonly RouterAction[] = [
  {
    id: 'code',
    request: { task: 'generate-code', instruction: 'add two numbers', languageId: 'python', context: '' },
    primary: onAuto(CODE_MODEL, 'matrix: code chat model'),
    fallback: onAuto(LLAMA, 'matrix: next chat model'),
    streams: true,
  },
  {
    id: 'translate',
    request: { task: 'translate', text: 'Hello world', sourceLang: 'en', targetLang: 'fr' },
    primary: onHfInference('Helsinki-NLP/opus-mt-en-fr', 'translation', 'matrix: opus-mt pair'),
    fallback: onHfInference('facebook/nllb-200-distilled-600M', 'translation', 'matrix: many-to-many model'),
    streams: false,
  },
  {
    id: 'summarize',
    request: { task: 'summarize', text: 'Alice flew from Paris to Berlin for Google. It was a great trip.', style: 'paragraph', length: 'short' },
    primary: onHfInference('facebook/bart-large-cnn', 'summarization', 'matrix: summarizer'),
    fallback: onHfInference('sshleifer/distilbart-cnn-12-6', 'summarization', 'matrix: next summarizer'),
    streams: false,
  },
  {
    id: 'ask',
    request: { task: 'question-answering', question: 'Who went to Berlin?', context: 'Alice flew from Paris to Berlin for Google.' },
    primary: onHfInference('deepset/roberta-base-squad2', 'question-answering', 'matrix: extractive QA'),
    fallback: onHfInference('distilbert/distilbert-base-cased-distilled-squad', 'question-answering', 'matrix: next extractive QA'),
    streams: false,
  },
  {
    id: 'sentiment',
    request: { task: 'sentiment', text: 'I love this, it was a great trip.' },
    primary: onHfInference('distilbert/distilbert-base-uncased-finetuned-sst-2-english', 'text-classification', 'matrix: sentiment model'),
    fallback: onHfInference('cardiffnlp/twitter-roberta-base-sentiment-latest', 'text-classification', 'matrix: next sentiment model'),
    streams: false,
  },
  {
    id: 'topic',
    request: { task: 'topic', text: 'The match ended 2-1 after extra time.', labels: ['Sports', 'Politics'] },
    primary: onHfInference('facebook/bart-large-mnli', 'zero-shot-classification', 'matrix: zero-shot model'),
    fallback: onAuto(TOPIC_CHAT_MODEL, 'matrix: chat fallback'),
    streams: false,
  },
  {
    id: 'ner',
    request: { task: 'ner', text: 'Ada met Charles in London.' },
    primary: onHfInference('dslim/bert-base-NER', 'token-classification', 'matrix: NER model'),
    fallback: onAuto(NER_CHAT_MODEL, 'matrix: chat fallback'),
    streams: false,
  },
  {
    id: 'prompt',
    request: { task: 'chat', prompt: 'What is a monad, in one sentence?' },
    primary: onAuto('openai/gpt-oss-120b', 'matrix: chat model'),
    fallback: onAuto(LLAMA, 'matrix: next chat model'),
    streams: false,
  },
  { id: 'try-it', request: tryPlan.request, primary: tryPlan.candidate, streams: true },
];
