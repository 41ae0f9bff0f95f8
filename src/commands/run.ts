/**
 * The steps every selection action shares: capture and check the selection, refuse what cannot
 * succeed before sending anything, run the routed request under a cancellable progress notification,
 * and turn failures into actionable messages.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { RouteOutcome } from '../core/routing/router';
import { CallFailure } from '../core/routing/routingTypes';
import { RoutingError } from '../core/routing/routingError';
import type { TaskKind, TaskRequest } from '../core/tasks/taskTypes';
import { selectionTarget, type SelectionTarget } from '../editor/selection';
import { failureMessage, callFailureOf, plainMessage, type UserMessage } from '../ui/messages';
import { notify } from '../ui/notify';
import { withCancellableProgress } from '../ui/progress';
import { refused, type ActionResult } from './actionResult';
import { checkSelection } from './preflight';

export type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly result: ActionResult };

export function done<T>(value: T): Step<T> {
  return { ok: true, value };
}

export function stop<T>(result: ActionResult): Step<T> {
  return { ok: false, result };
}

/** Shows why the action will not run and returns the matching 'refused' result. */
export function refusal(message: UserMessage): ActionResult {
  notify(message);
  return refused(message.text);
}

export function refuse<T>(message: UserMessage): Step<T> {
  return stop(refusal(message));
}

/** The active editor, or a refusal. */
export function activeEditor(): Step<vscode.TextEditor> {
  const editor = vscode.window.activeTextEditor;
  return editor ? done(editor) : refuse(plainMessage('Open a file and select some text first.'));
}

/** The selection of the active editor, checked (not empty, not too long) and preflighted for `task`. */
export async function startSelectionAction(ctx: Ctx, task: TaskKind): Promise<Step<SelectionTarget>> {
  const editor = activeEditor();
  if (!editor.ok) return editor;
  const target = selectionTarget(editor.value);
  const problem = checkSelection(target.text, ctx.config.actionSettings().maxSelectionChars) ?? (await ctx.preflight(task));
  return problem ? refuse(problem) : done(target);
}

export interface RunRoutedOptions {
  readonly onToken?: (text: string) => void;
  readonly onRestart?: () => void;
  /** What "Retry" on a failure message does. */
  readonly retry?: () => unknown;
}

/**
 * Runs `request` through the router under a progress notification whose Cancel aborts it. A result
 * that arrives after Cancel was pressed counts as cancelled, so a cancelled action never writes.
 */
export async function runRouted(ctx: Ctx, title: string, request: TaskRequest, options: RunRoutedOptions = {}): Promise<Step<RouteOutcome>> {
  try {
    const outcome = await withCancellableProgress(title, async (signal) => {
      const result = await ctx.router.run(request, { signal, onToken: options.onToken, onRestart: options.onRestart });
      if (signal.aborted) throw new CallFailure('cancelled', 'Cancelled.');
      return result;
    });
    return done(outcome);
  } catch (err) {
    const { kind, message } = callFailureOf(err);
    const decision = err instanceof RoutingError ? err.decision : undefined;
    if (kind === 'cancelled') return stop({ status: 'cancelled', message: 'Cancelled.', decision });
    const userMessage = failureMessage(kind, message, await ctx.messageContext());
    ctx.log.warn(`${request.task} failed (${kind}): ${message}`);
    notify(userMessage, { retry: options.retry });
    return stop({ status: 'failed', message: userMessage.text, decision });
  }
}

/** Re-runs a command with the same arguments (the "Retry" button). */
export function retryCommand(id: string, args: unknown): () => unknown {
  return () => vscode.commands.executeCommand(id, args);
}
