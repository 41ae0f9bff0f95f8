/**
 * The button under an @hf answer: writes the translation (replacing the selection) or the summary (below it) into
 * the editor as one undoable edit, and only if the selection is still what the answer was made from.
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import type { ChatAnswerArgs } from '../chat/hfParticipant';
import { isRememberedRange, locateUnchanged, replaceLocated } from '../editor/guardedReplace';
import { plainMessage } from '../ui/messages';
import { notify } from '../ui/notify';
import type { ActionResult } from './actionResult';
import { argsObject } from './args';
import { refuse } from './run';

function answerArgs(value: unknown): ChatAnswerArgs | undefined {
  const a = argsObject(value);
  return isRememberedRange(a) && typeof a.text === 'string' && (a.mode === 'replace' || a.mode === 'insertBelow') ? (a as unknown as ChatAnswerArgs) : undefined;
}

export function applyChatAnswer(_ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const args = answerArgs(invocation.args);
    if (!args) return refuse(plainMessage('This works from the button under an @hf answer in the chat view.'));
    const found = locateUnchanged(args, 'selection');
    if (typeof found === 'string') return refuse(plainMessage(found));
    const eol = found.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const edit = await replaceLocated(found, args.original, async () => (args.mode === 'replace' ? args.text : `${args.original}${eol}${args.text}`));
    if ('refused' in edit || !edit.applied) {
      const message = `The answer was not written: ${'refused' in edit ? edit.refused : edit.reason}.`;
      notify(plainMessage(message));
      return { status: 'refused', message };
    }
    return { status: 'applied', message: args.mode === 'replace' ? 'Replaced the selection with the answer.' : 'Inserted the answer below the selection.' };
  };
}
