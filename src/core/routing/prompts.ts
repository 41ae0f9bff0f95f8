/**
 * How a request is put to a chat model (or a plain text-generation model) when no task model serves it.
 * Every prompt ends in "Reply with only …" so the reply can be used as is; the parsers that turn replies
 * back into TaskResults live in chatReplies.ts.
 */
import { asComment, programmingLanguageName } from '../comments/commentSyntax';
import { languageName } from '../language/languages';
import type { SummaryLength, TaskRequest } from '../tasks/taskTypes';

/** A type alias, not an interface, so it stays assignable to the client's index-signature message type. */
export type ChatMessage = {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
};

/** Sentences (or bullet points) a chat model is asked for, per summary length. */
export const SUMMARY_SENTENCES: Readonly<Record<SummaryLength, number>> = { short: 2, medium: 4, long: 7 };

/** `parameters` for summarization models (BART, Pegasus): bounds in tokens, per summary length. */
export function summarizationParameters(length: SummaryLength): { min_length: number; max_length: number } {
  switch (length) {
    case 'short':
      return { min_length: 10, max_length: 60 };
    case 'medium':
      return { min_length: 30, max_length: 130 };
    case 'long':
      return { min_length: 60, max_length: 250 };
  }
}

/** The source language of a translation whose source the model detects (a route that needs none: chains.ts). */
export const AUTO_SOURCE = 'auto';

/** True when the source language is to be detected by the model ('auto', empty). */
function unknownLanguage(code: string): boolean {
  const c = code.trim().toLowerCase();
  return c === '' || c === AUTO_SOURCE;
}

function translateMessages(request: Extract<TaskRequest, { task: 'translate' }>): ChatMessage[] {
  const target = languageName(request.targetLang);
  const from = unknownLanguage(request.sourceLang) ? 'from its original language' : `from ${languageName(request.sourceLang)}`;
  return [
    {
      role: 'system',
      content:
        `You are a professional translator. Translate the user's text ${from} to ${target}. ` +
        'Keep the meaning, the tone, the line breaks, code identifiers, URLs and placeholders unchanged. ' +
        `Reply with only the ${target} translation, without explanations, notes or quotation marks.`,
    },
    { role: 'user', content: request.text },
  ];
}

function summarizeMessages(request: Extract<TaskRequest, { task: 'summarize' }>): ChatMessage[] {
  const n = SUMMARY_SENTENCES[request.length];
  const shape =
    request.style === 'bullets'
      ? `as at most ${n} short bullet points, one per line, each starting with "- ". Reply with only the bullet points.`
      : `in one paragraph of at most ${n} sentences. Reply with only the summary paragraph.`;
  return [
    { role: 'system', content: `Summarize the user's text in the language of the text, ${shape}` },
    { role: 'user', content: request.text },
  ];
}

function questionMessages(request: Extract<TaskRequest, { task: 'question-answering' }>): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        'Answer the question about the context. Reply with only the answer: the shortest exact phrase copied word for word ' +
        'from the context. If the context does not contain the answer, reply with only a short answer in your own words.',
    },
    { role: 'user', content: `Context:\n"""\n${request.context}\n"""\n\nQuestion: ${request.question}` },
  ];
}

function sentimentMessages(request: Extract<TaskRequest, { task: 'sentiment' }>): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        "Classify the sentiment of the user's text as positive, neutral or negative. Reply with only JSON of the form " +
        '{"labels":[{"label":"positive","score":0.9},{"label":"neutral","score":0.08},{"label":"negative","score":0.02}]} ' +
        'where each score is your probability from 0 to 1, highest first.',
    },
    { role: 'user', content: request.text },
  ];
}

function topicMessages(request: Extract<TaskRequest, { task: 'topic' }>): ChatMessage[] {
  const example = request.labels[0] ?? 'topic';
  return [
    {
      role: 'system',
      content:
        `Classify the user's text into these topics: ${JSON.stringify(request.labels)}. Reply with only JSON of the form ` +
        `{"labels":[{"label":${JSON.stringify(example)},"score":0.9}]} with one entry for every topic, ` +
        'each score from 0 to 1 saying how well the topic fits, highest first.',
    },
    { role: 'user', content: request.text },
  ];
}

function nerMessages(request: Extract<TaskRequest, { task: 'ner' }>): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        "Extract the named entities from the user's text. Reply with only a JSON array like " +
        '[{"group":"PER","word":"Ada Lovelace"},{"group":"LOC","word":"London"}] where group is PER (person), ' +
        'ORG (organisation), LOC (location) or MISC (other) and word is copied exactly as it appears in the text. ' +
        'Reply with only [] when there are none.',
    },
    { role: 'user', content: request.text },
  ];
}

function codeMessages(request: Extract<TaskRequest, { task: 'generate-code' }>): ChatMessage[] {
  const lang = programmingLanguageName(request.languageId);
  const context = request.context.trim()
    ? `Code around the cursor:\n\`\`\`${request.languageId}\n${request.context}\n\`\`\`\n\n`
    : '';
  return [
    {
      role: 'system',
      content:
        `You are an expert ${lang} programmer. Write ${lang} code that does what the user asks` +
        (context ? ' and fits the code around the cursor' : '') +
        '. Reply with only the code, without explanations and without Markdown fences.',
    },
    { role: 'user', content: `${context}Instruction: ${request.instruction}` },
  ];
}

/** The chat messages that put `request` to a chat model. */
export function chatMessages(request: TaskRequest): ChatMessage[] {
  switch (request.task) {
    case 'translate':
      return translateMessages(request);
    case 'summarize':
      return summarizeMessages(request);
    case 'question-answering':
      return questionMessages(request);
    case 'sentiment':
      return sentimentMessages(request);
    case 'topic':
      return topicMessages(request);
    case 'ner':
      return nerMessages(request);
    case 'generate-code':
      return codeMessages(request);
    case 'chat':
      return request.messages && request.messages.length > 0 ? request.messages.map((m) => ({ role: m.role, content: m.content })) : [{ role: 'user', content: request.prompt }];
  }
}

/**
 * Prompt for plain (non-chat) text-generation models. For generate-code: the code around the cursor, then
 * the instruction as a comment in the target language, so the model continues with the code. Other tasks
 * (only reachable through a pinned base model) get the chat messages flattened into one prompt.
 */
export function textGenerationPrompt(request: TaskRequest): string {
  if (request.task === 'generate-code') {
    const context = request.context.trimEnd();
    const comment = asComment(request.instruction.trim(), request.languageId);
    return context ? `${context}\n${comment}\n` : `${comment}\n`;
  }
  if (request.task === 'chat') return request.prompt;
  return `${chatMessages(request)
    .map((m) => m.content)
    .join('\n\n')}\n\nAnswer:`;
}
