/**
 * The `@hf` chat participant: `/translate <language>`, `/summarize`, `/ask <question>`, `/classify [labels: a, b;]`,
 * `/sentiment`, `/entities` on the text after the command or on the editor's selection, `/routing` (why the last
 * request went where it did), and free text to the chat model the user picked. Answers go through the same router as
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

/** Answers one `@hf` request (loaded with the actions chunk on the first one; registered by src/chat/register.ts). */
export async function handleHfRequest(ctx: Ctx, request: vscode.ChatRequest, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  if (request.command === 'routing') {
    const decision = ctx.routerIfCreated()?.lastDecision();
    stream.markdown(decision ? 'The last routed request:\n\n' : 'No request was routed yet in this window.');
    if (decision) stream.markdown(new vscode.MarkdownString().appendCodeblock(formatDecision(decision), 'text'));
    return {};
  }
  if (!request.command) return chatOnPickedModel(request, stream, token);
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const plan = planCommand(request.command, request.prompt, selection);
  // The selection was used when the command had no text of its own (for /ask, always).
  const usedSelection = editor && selection !== '' && !('problem' in plan) && (request.command === 'ask' || textOf(plan.request) === selection.trim() || textOf(plan.request) === selection);
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
    return { metadata: { command: request.command, task: result.task } };
  } catch (err) {
    const { kind, message } = callFailureOf(err);
    if (kind === 'cancelled') return {};
    const settings = ctx.config.routingSettings();
    const user = failureMessage(kind, message, { hasToken: await ctx.tokens.hasToken(), hubUrl: settings.hubUrl, routerUrl: settings.routerUrl });
    stream.markdown(new vscode.MarkdownString().appendText(user.text));
    return { errorDetails: { message: user.text } };
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
