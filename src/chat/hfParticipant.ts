/**
 * The `@hf` chat participant: `/translate <language>`, `/summarize`, `/ask <question>`, `/classify [labels: a, b;]`,
 * `/sentiment`, `/entities` on the text after the command or on the editor's selection, `/models`, `/datasets`,
 * `/spaces <query>` (Hub search with actions: open in the Hub view, use for a task, try it), `/routing` (why the last
 * request went where it did); free text the task detector reads as one of those on the selection runs it, any other
 * goes to the chat model the user picked. Answers go through the same router as
 * the palette actions; a translation or summary of the selection gets a button that writes it into the editor (one
 * undoable edit, never over text changed meanwhile), the file used is a reference, and follow-ups are offered. Model
 * output is data: it is streamed with `appendText` (escaped), never as markdown, links or commands.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { formatDecision } from '../core/routing/decision';
import { findLanguage, languageName } from '../core/language/languages';
import { detectLanguage } from '../core/language/languageDetection';
import type { TaskRequest } from '../core/tasks/taskTypes';
import type { TaskDetection } from '../core/intent/taskDetection';
import { loadTaskDetector } from '../lazyChunks';
import { hubService } from '../hubCalls';
import { HUB_LINK_COMMANDS, commandLink, escapeMarkdown, hubItemButtons, hubItemLine, hubResultsHeading, hubSearchQuery, type HubSearchTab } from './hubSearch';
import { callFailureOf, failureMessage } from '../ui/messages';
import { entitySummary, labelSummary } from '../ui/resultText';

/** What a `/command rest` asks for: the request to route, or why it cannot be made. */
export type ParticipantPlan = { readonly request: TaskRequest; readonly title: string } | { readonly problem: string };

/**
 * Plans a slash command. `text` is what follows the command (for /translate: the target language first), and
 * `selection` the editor's selection, used when no text follows. Pure.
 */
export function planCommand(command: string, text: string, selection: string): ParticipantPlan {
  let rest = text.trim();
  if (command === 'translate') {
    const [first = '', ...others] = rest.split(/\s+/);
    const target = findLanguage(first);
    if (!target) return { problem: 'Say the target language first, e.g. `/translate fr` or `/translate German some text`.' };
    rest = others.join(' ').trim();
    const body = rest || selection.trim();
    if (!body) return { problem: `Add the text after \`/translate ${first}\`, or select some in the editor.` };
    const detected = detectLanguage(body);
    const source = detected && detected.confidence >= 0.5 ? detected.lang : 'auto';
    if (source === target.code) return { problem: `The text is already in ${target.name}.` };
    return { request: { task: 'translate', text: body, sourceLang: source, targetLang: target.code }, title: `Translation to ${target.name}` };
  }
  const body = rest || selection.trim();
  if (!body) return { problem: `Add the text after \`/${command}\`, or select some in the editor.` };
  if (command === 'summarize') return { request: { task: 'summarize', text: body, style: 'paragraph', length: 'medium' }, title: 'Summary' };
  if (command === 'ask') {
    // The question is the text after /ask; what it is about is the selection.
    if (!rest) return { problem: 'Ask a question after `/ask`, about the text selected in the editor.' };
    if (!selection.trim()) return { problem: 'Select the text the question is about in the editor, then `/ask` again.' };
    return { request: { task: 'question-answering', question: rest, context: selection }, title: 'Answer' };
  }
  if (command === 'classify') {
    const labelled = /^(?:labels?|topics?)\s*:\s*([^;\n]+)[;\n]?\s*([\s\S]*)$/i.exec(rest);
    if (!labelled) return { request: { task: 'sentiment', text: body }, title: 'Sentiment' };
    const labels = labelled[1].split(',').map((l) => l.trim()).filter((l) => l !== '');
    const text = labelled[2].trim() || selection.trim();
    if (labels.length < 2) return { problem: 'Give at least two labels, e.g. `/classify labels: bug, feature; the text`.' };
    if (!text) return { problem: 'Add the text after the labels, or select some in the editor.' };
    return { request: { task: 'topic', text, labels }, title: 'Topics' };
  }
  if (command === 'sentiment') return { request: { task: 'sentiment', text: body }, title: 'Sentiment' };
  if (command === 'entities') return { request: { task: 'ner', text: body }, title: 'Named entities' };
  return { problem: `Unknown command /${command}.` };
}

/** Free text the task detector reads as a task on the selection, with this confidence or more, becomes that command. */
const FREE_TEXT_MIN_CONFIDENCE = 0.5;

/**
 * The slash command (and its text) free text stands for: a task on the selected text when the detector is confident
 * and something is selected (a translation also needs the target language); undefined means "chat with the picked
 * model". Pure.
 */
export function planFreeText(prompt: string, detection: TaskDetection, selection: string): { readonly command: string; readonly text: string } | undefined {
  if (!selection.trim() || detection.confidence < FREE_TEXT_MIN_CONFIDENCE) return undefined;
  switch (detection.task) {
    case 'translate':
      return detection.targetLang ? { command: 'translate', text: detection.targetLang } : undefined;
    case 'summarize':
      return { command: 'summarize', text: '' };
    case 'question-answering':
      return { command: 'ask', text: prompt };
    case 'sentiment':
      return { command: 'sentiment', text: '' };
    case 'topic':
      return detection.labels && detection.labels.length >= 2 ? { command: 'classify', text: `labels: ${detection.labels.join(', ')};` } : undefined;
    case 'ner':
      return { command: 'entities', text: '' };
    default:
      return undefined;
  }
}

/** `/models`, `/datasets`, `/spaces`: the Hub's top results as lines, with buttons under the first ones. */
async function answerHubSearch(ctx: Ctx, tab: HubSearchTab, text: string, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  const query = hubSearchQuery(tab, text);
  // No `progress` and no `button`s here: the chat view folds the parts before them into a collapsed "Completed N
  // steps", which would hide the results; each result carries its actions as command links instead.
  try {
    const page = await hubService(ctx).list(query, 0, HUB_RESULTS);
    if (token.isCancellationRequested) return {};
    const items = page.items.slice(0, HUB_RESULTS);
    stream.markdown(new vscode.MarkdownString().appendText(hubResultsHeading(query, items.length)));
    const list = new vscode.MarkdownString('', true);
    // Only our two commands may run from these links, with arguments the commands check again.
    list.isTrusted = { enabledCommands: [...HUB_LINK_COMMANDS] };
    for (const [i, item] of items.entries()) {
      list.appendMarkdown(`\n${i + 1}. ${escapeMarkdown(hubItemLine(item))} — ${hubItemButtons(item).map(commandLink).join(' · ')}`);
    }
    stream.markdown(list);
    return { metadata: { command: tab } };
  } catch (err) {
    return failureAnswer(ctx, err, stream);
  }
}

const HUB_RESULTS = 10;

/** A failed request said in the answer (sign in, the wait, the setting); a cancellation says nothing. */
async function failureAnswer(ctx: Ctx, err: unknown, stream: vscode.ChatResponseStream): Promise<vscode.ChatResult> {
  const { kind, message } = callFailureOf(err);
  if (kind === 'cancelled') return {};
  const settings = ctx.config.routingSettings();
  const user = failureMessage(kind, message, { hasToken: await ctx.tokens.hasToken(), hubUrl: settings.hubUrl, routerUrl: settings.routerUrl });
  stream.markdown(new vscode.MarkdownString().appendText(user.text));
  return { errorDetails: { message: user.text } };
}

/** Answers one `@hf` request (loaded with the actions chunk on the first one; registered by src/chat/register.ts). */
export async function handleHfRequest(ctx: Ctx, request: vscode.ChatRequest, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  if (request.command === 'routing') {
    const decision = ctx.routerIfCreated()?.lastDecision();
    stream.markdown(decision ? 'The last routed request:\n\n' : 'No request was routed yet in this window.');
    if (decision) stream.markdown(new vscode.MarkdownString().appendCodeblock(formatDecision(decision), 'text'));
    return {};
  }
  if (request.command === 'models' || request.command === 'datasets' || request.command === 'spaces') return answerHubSearch(ctx, request.command, request.prompt, stream, token);
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  let command = request.command;
  let text = request.prompt;
  if (!command) {
    // Free text: the task detector may read it as one of the commands on the selection; otherwise it is a chat.
    const read = planFreeText(request.prompt, loadTaskDetector().detectTask(request.prompt, selection.trim() !== ''), selection);
    if (!read) return chatOnPickedModel(request, stream, token);
    ({ command, text } = read);
    stream.markdown(`_Read as \`/${command}\` on the selection (start with a slash command to choose another)._\n\n`);
  }
  const plan = planCommand(command, text, selection);
  // The selection was used when the command had no text of its own (for /ask, always).
  const usedSelection = editor && selection !== '' && !('problem' in plan) && (command === 'ask' || textOf(plan.request) === selection.trim() || textOf(plan.request) === selection);
  if (usedSelection && editor) stream.reference(new vscode.Location(editor.document.uri, editor.selection));
  if ('problem' in plan) {
    stream.markdown(plan.problem);
    return {};
  }
  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  stream.progress(plan.request.task === 'translate' ? `Translating to ${languageName(plan.request.targetLang)}…` : 'Asking Hugging Face…');
  try {
    const { result, decision } = await ctx.router.run(plan.request, { signal: controller.signal });
    stream.markdown(`**${plan.title}** (${decision.chosen?.model ?? 'Hugging Face'}):\n\n`);
    const text =
      result.task === 'sentiment' ? labelSummary('Sentiment', result.labels) :
      result.task === 'topic' ? labelSummary('Topics', result.labels) :
      result.task === 'ner' ? `${entitySummary(result.entities)}\n${result.entities.map((e) => `${e.group}: ${e.word}`).join('\n')}` :
      result.task === 'question-answering' ? result.answer :
      'text' in result ? result.text : '';
    stream.markdown(new vscode.MarkdownString().appendText(text));
    if (usedSelection && editor && (result.task === 'translate' || result.task === 'summarize')) {
      const args: ChatAnswerArgs = {
        uri: editor.document.uri.toString(),
        start: editor.document.offsetAt(editor.selection.start),
        end: editor.document.offsetAt(editor.selection.end),
        original: selection,
        text: result.text,
        mode: result.task === 'translate' ? 'replace' : 'insertBelow',
      };
      stream.button({ command: 'huggingface.applyChatAnswer', title: result.task === 'translate' ? 'Replace the selection' : 'Insert below the selection', arguments: [args] });
    }
    return { metadata: { command, task: result.task } };
  } catch (err) {
    return failureAnswer(ctx, err, stream);
  } finally {
    cancel.dispose();
  }
}

/** What a button under an answer writes into the editor (src/commands/chatAnswer.ts applies it, guarded). */
export interface ChatAnswerArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  /** The selection the answer was made from: nothing is written if it changed. */
  readonly original: string;
  readonly text: string;
  readonly mode: 'replace' | 'insertBelow';
}

function textOf(request: TaskRequest): string {
  return 'text' in request ? request.text : request.task === 'question-answering' ? request.context : '';
}

/** Follow-ups after an answer: the other things @hf does with the same selection. */
export function followupsFor(metadata: { readonly command?: string } | undefined): vscode.ChatFollowup[] {
  // A Hub search has nothing to do with the selection.
  if (metadata?.command === 'models' || metadata?.command === 'datasets' || metadata?.command === 'spaces') return [];
  const all: vscode.ChatFollowup[] = [
    { prompt: 'en', command: 'translate', label: 'Translate the selection into English' },
    { prompt: '', command: 'summarize', label: 'Summarize the selection' },
    { prompt: '', command: 'entities', label: 'Extract its named entities' },
  ];
  return all.filter((f) => f.command !== metadata?.command);
}

/** Free text: answered by the chat model the user picked (ours or any other), streamed as text. */
async function chatOnPickedModel(request: vscode.ChatRequest, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  const response = await request.model.sendRequest([vscode.LanguageModelChatMessage.User(request.prompt)], {}, token);
  for await (const chunk of response.text) stream.markdown(new vscode.MarkdownString().appendText(chunk));
  return {};
}
