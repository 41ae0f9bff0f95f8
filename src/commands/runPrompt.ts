/**
 * Run a Prompt…: one input box for free-form requests ("translate this to German", "what is the
 * sentiment here?", "write a function that parses ISO dates"). The task detector picks the action;
 * anything else goes to a chat model and opens in a preview.
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { cancelled, type ActionResult } from './actionResult';
import { argsObject, stringArg } from './args';
import { chatPrompt, dispatchPrompt } from './promptDispatch';
import { loadTaskDetector } from '../lazyChunks';
import { preflightFor, refuse, runRouted } from './run';
import { selectionTooLongMessage } from '../ui/messages';

export function runPrompt(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const prompt = stringArg(argsObject(invocation.args), 'prompt') ?? (await askPrompt());
    if (!prompt?.trim()) return cancelled();
    const editor = vscode.window.activeTextEditor;
    const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
    const maxChars = ctx.config.actionSettings().maxSelectionChars;
    // The prompt and the selection both go to a model: the same limit as every other action.
    if (selection.length + prompt.length > maxChars) return refuse(selectionTooLongMessage(selection.length + prompt.length, maxChars));
    const detection = loadTaskDetector().detectTask(prompt, selection !== '');
    ctx.log.info(`Run a Prompt: ${detection.task} (confidence ${detection.confidence.toFixed(2)}): ${detection.reasons.join('; ')}`);
    const dispatch = dispatchPrompt(prompt, detection, selection !== '');
    if (dispatch.kind === 'command') return (await vscode.commands.executeCommand<ActionResult>(dispatch.command, dispatch.args)) ?? cancelled();
    const problem = await preflightFor(ctx, 'chat');
    if (problem) return refuse(problem, { afterSignIn: () => invocation.rerun({ prompt }) });
    const routed = await runRouted(ctx, invocation, 'Asking Hugging Face…', { task: 'chat', prompt: chatPrompt(dispatch.prompt, selection) }, { retryArgs: { prompt } });
    if (!routed.ok) return routed.result;
    const { result, decision } = routed.value;
    await ctx.previews.show(`> ${prompt.trim()}\n\n${result.text}\n`, { title: 'Answer', languageId: 'markdown' });
    return { status: 'preview', decision, result, message: result.text };
  };
}

function askPrompt(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Hugging Face: Run a Prompt',
    prompt: 'Say what to do with the selection, or ask anything. The task is detected from your words.',
    placeHolder: 'e.g. translate this to German · summarize · who is mentioned here? · write a function that parses ISO dates',
    ignoreFocusOut: true,
  });
}
