/**
 * Shows a UserMessage as a notification and runs the button the user picks. Never awaited by the
 * commands: a command returns its result at once, the notification stays until the user acts.
 */
import * as vscode from 'vscode';
import { ACTION_LABELS, type MessageAction, type UserMessage } from './messages';

export interface NotifyHandlers {
  /** What "Retry" does; without it the button is not offered. */
  readonly retry?: () => unknown;
  /** Runs after "Sign In" succeeded from this message: the action the user wanted goes on. */
  readonly afterSignIn?: () => unknown;
}

export function notify(message: UserMessage, handlers: NotifyHandlers = {}): void {
  const actions = message.actions.filter((a) => a !== 'retry' || handlers.retry !== undefined);
  const labels = actions.map((a) => ACTION_LABELS[a]);
  const show =
    message.severity === 'error'
      ? vscode.window.showErrorMessage
      : message.severity === 'warning'
        ? vscode.window.showWarningMessage
        : vscode.window.showInformationMessage;
  void Promise.resolve(show(message.text, ...labels)).then((picked) => {
    const action = actions.find((a) => ACTION_LABELS[a] === picked);
    if (action) runAction(action, message, handlers);
  });
}

function runAction(action: MessageAction, message: UserMessage, handlers: NotifyHandlers): void {
  switch (action) {
    case 'signIn':
      void Promise.resolve(vscode.commands.executeCommand<{ account?: string } | undefined>('huggingface.signIn')).then((result) => {
        if (result?.account) void handlers.afterSignIn?.();
      });
      break;
    case 'openSettings':
      void vscode.commands.executeCommand('workbench.action.openSettings', message.setting ?? '@ext:sarvanom.sarvanom-hf');
      break;
    case 'showDecision':
      void vscode.commands.executeCommand('huggingface.showLastDecision');
      break;
    case 'retry':
      void handlers.retry?.();
      break;
  }
}

/** A plain information message (no buttons), not awaited. */
export function inform(text: string): void {
  void vscode.window.showInformationMessage(text);
}
