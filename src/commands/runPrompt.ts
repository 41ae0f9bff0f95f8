/**
 * Run a Prompt…: one input box for free-form requests ("translate this to German", "what is the
 * sentiment here?", "write a function that parses ISO dates"). The task detector picks the action;
 * anything else goes to a chat model and opens in a preview.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { cancelled, type ActionResult } from './actionResult';
import { argsObject, stringArg } from './args';
import { chatPrompt, dispatchPrompt } from './promptDispatch';
import { loadTaskDetector } from '../lazyChunks';
import { retryCommand, runRouted } from './run';

export function runPrompt(ctx: Ctx) {
  return async (rawArgs?: unknown): Promise<ActionResult> => {
    const prompt = stringArg(argsObject(rawArgs), 'prompt') ?? (await askPrompt());
    if (!prompt?.trim()) return cancelled();
    const editor = vscode.window.activeTextEditor;
    const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
    const detection = loadTaskDetector().detectTask(prompt, selection !== '');
    ctx.log.info(`Run a Prompt: ${detection.task} (confidence ${detection.confidence.toFixed(2)}): ${detection.reasons.join('; ')}`);
    const dispatch = dispatchPrompt(prompt, detection, selection !== '');
    if (dispatch.kind === 'command') return (await vscode.commands.executeCommand<ActionResult>(dispatch.command, dispatch.args)) ?? cancelled();
    const refusal = await ctx.preflight('chat');
    if (refusal) return { status: 'refused', message: refusal.text };
    const run = await runRouted(ctx, 'Asking Hugging Face…', { task: 'chat', prompt: chatPrompt(dispatch.prompt, selection) }, {
      retry: retryCommand('huggingface.runPrompt', { prompt }),
    });
    if (!run.ok) return run.result;
    const { result, decision } = run.value;
    const text = 'text' in result ? result.text : JSON.stringify(result);
    await ctx.previews.show(`> ${prompt.trim()}\n\n${text}\n`, { title: 'Answer', languageId: 'markdown' });
    return { status: 'preview', decision, result, message: text };
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
