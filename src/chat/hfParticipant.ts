/**
 * The `@hf` chat participant: `/translate <language>`, `/summarize`, `/sentiment`, `/entities` on the text after
 * the command or on the editor's selection, `/routing` (why the last request went where it did), and free text to
 * the chat model the user picked. Answers go through the same router as the palette actions. Model output is data:
 * it is streamed with `appendText` (escaped), never as markdown, links or commands.
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
      result.task === 'ner' ? `${entitySummary(result.entities)}\n${result.entities.map((e) => `${e.group}: ${e.word}`).join('\n')}` :
      'text' in result ? result.text : '';
    stream.markdown(new vscode.MarkdownString().appendText(text));
    return {};
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

/** Free text: answered by the chat model the user picked (ours or any other), streamed as text. */
async function chatOnPickedModel(request: vscode.ChatRequest, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  const response = await request.model.sendRequest([vscode.LanguageModelChatMessage.User(request.prompt)], {}, token);
  for await (const chunk of response.text) stream.markdown(new vscode.MarkdownString().appendText(chunk));
  return {};
}
