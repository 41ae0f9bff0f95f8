/**
 * Generate Code: the code streams into the document at the cursor (after the selection, if any) as one
 * undoable edit. If the user edits that spot meanwhile, insertion stops and the whole result goes to a
 * preview; on cancel or error the inserted text is removed again.
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { asComment, programmingLanguageName } from '../core/comments/commentSyntax';
import { placeBlock } from '../editor/blockPlacement';
import { StreamInserter } from '../editor/streamInserter';
import { plainMessage } from '../ui/messages';
import { notify } from '../ui/notify';
import { cancelled, type ActionResult } from './actionResult';
import { argsObject, stringArg } from './args';
import { activeEditor, preflightFor, refuse, runRouted } from './run';

/** How much text before the insertion point goes with the request as context. */
const CONTEXT_CHARS = 3000;

export function generateCode(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const editor = activeEditor();
    if (!editor.ok) return editor.result;
    const problem = await preflightFor(ctx, 'generate-code');
    if (problem) return refuse(problem, { afterSignIn: () => invocation.rerun() });
    const { document, selection } = editor.value;
    const selected = document.getText(selection);
    const instruction = stringArg(argsObject(invocation.args), 'instruction') ?? (await askInstruction(document.languageId, selected));
    if (!instruction?.trim()) return cancelled();
    return generate(ctx, invocation, editor.value, instruction.trim());
  };
}

async function generate(ctx: Ctx, invocation: Invocation, editor: vscode.TextEditor, instruction: string): Promise<ActionResult> {
  const { document, selection } = editor;
  const offset = document.offsetAt(selection.end);
  // The code goes on lines of its own (after a selection, or around the text on the cursor's line), indented like that line.
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const placement = placeBlock(document.lineAt(selection.end.line).text, selection.end.character, eol);
  const settings = ctx.config.actionSettings();
  const inserter = new StreamInserter(editor, offset, placement);
  // What the attempt that ended last delivered: kept for the user when no model finished its answer. The
  // router signals a restart after every failed streamed attempt, the last one included, so the text of the
  // attempt that restarted is kept aside until another attempt streams something.
  let received = '';
  let restarted = '';
  try {
    const routed = await runRouted(
      ctx,
      invocation,
      'Generating code…',
      {
        task: 'generate-code',
        instruction,
        languageId: document.languageId,
        // The code before the cursor, within what the selection limit leaves after the instruction.
        context: document.getText().slice(Math.max(0, offset - Math.max(0, Math.min(CONTEXT_CHARS, settings.maxSelectionChars - instruction.length))), offset),
        temperature: settings.generateTemperature,
        maxTokens: settings.generateMaxTokens,
      },
      {
        onToken: (t) => {
          received += t;
          inserter.push(t);
        },
        onRestart: () => {
          if (received.trim() !== '') restarted = received;
          received = '';
          inserter.restart();
        },
        retryArgs: { instruction },
      },
    );
    if (!routed.ok) {
      const message = await undoInsertion(inserter, routed.result.message);
      const partial = received.trim() !== '' ? received : restarted;
      const cut = routed.result.decision?.outcomes.at(-1)?.failure === 'malformed' && partial.trim() !== '';
      if (!cut) return { ...routed.result, message };
      // A cut answer never passes as complete: not in the file, but not lost either.
      const note = asComment('INCOMPLETE: the answer was cut off before it ended.', document.languageId);
      await ctx.previews.show(`${partial}\n\n${note}\n`, { title: 'Generated code (incomplete)', languageId: document.languageId });
      return { ...routed.result, message: `${message} What arrived before the answer was cut off is in the preview, marked incomplete.` };
    }
    const { result, decision } = routed.value;
    if (result.text.trim() === '') {
      return { status: 'failed', message: await undoInsertion(inserter, 'The model returned no code.'), decision, result };
    }
    const outcome = inserter.isShown
      ? await inserter.finish(result.text)
      : // The user switched to another tab: the code lands (in one undo step) when the file shows again.
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `The code is ready: switch back to ${inserter.documentName} to insert it`, cancellable: true },
          (_progress, token) => inserter.finish(result.text, token),
        );
    if (outcome.status === 'applied') return { status: 'applied', message: 'Code inserted.', decision, result };
    await ctx.previews.show(result.text, { title: 'Generated code', languageId: document.languageId });
    const message = `Stopped inserting because ${outcome.reason}; the complete code is in the preview.`;
    notify(plainMessage(message));
    return { status: 'preview', message, decision, result };
  } finally {
    inserter.dispose();
  }
}

/** Takes streamed text out again after a cancel or failure, and says whether the document is as before. */
async function undoInsertion(inserter: StreamInserter, message: string | undefined): Promise<string> {
  const removed = await inserter.removeInserted();
  const base = message ?? '';
  if (removed) return base;
  return `${base} Part of the generated code was already inserted and has been edited since, so it was left in place.`.trim();
}

function askInstruction(languageId: string, selected: string): Thenable<string | undefined> {
  const oneLine = selected.trim().split(/\r?\n/).length === 1 ? selected.trim() : '';
  return vscode.window.showInputBox({
    title: 'Generate Code',
    prompt: `Describe the ${programmingLanguageName(languageId)} code to insert at the cursor.`,
    placeHolder: 'e.g. a function that parses ISO dates',
    value: oneLine,
    ignoreFocusOut: true,
  });
}
