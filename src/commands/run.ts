/**
 * The steps every action shares: capture and check the selection, refuse what cannot succeed before
 * sending anything, run the routed request under a cancellable progress notification, and turn
 * failures into actionable messages with a "Retry" that runs the same command again.
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { CallFailure } from '../core/routing/routingTypes';
import { RoutingError } from '../core/routing/routingError';
import type { TaskKind, TaskRequest } from '../core/tasks/taskTypes';
import { selectionTarget, trackSelection, type SelectionTarget } from '../editor/selection';
import type { TrackedRange } from '../editor/trackedRange';
import { answeredByFallback } from '../ui/resultText';
import { failureMessage, callFailureOf, plainMessage, type MessageContext, type UserMessage } from '../ui/messages';
import { notify, type NotifyHandlers } from '../ui/notify';
import { withCancellableProgress } from '../ui/progress';
import { done, routedAs, stop, type ActionResult, type Routed, type Step } from './actionResult';
import { argsObject } from './args';
import { checkSelection, preflight } from './preflight';
import { textUnderCursor, type UnderCursorKind } from '../core/comments/textUnderCursor';

/**
 * The result could not be put where it belongs (`reason`: the document was closed, the text changed): it
 * opens in a preview instead, and the user is told why. Returns the message (the action's result message).
 */
export async function showInPreviewInstead(
  ctx: Ctx,
  notDone: string,
  reason: string,
  content: string,
  options: { readonly title: string; readonly languageId: string },
): Promise<string> {
  await ctx.previews.show(content, options);
  const message = `${notDone} because ${reason}; it is in the preview.`;
  notify(plainMessage(message));
  return message;
}

/** Shows why the action will not run and returns the matching 'refused' result. */
export function refuse(message: UserMessage, handlers: NotifyHandlers = {}): ActionResult {
  notify(message, handlers);
  return { status: 'refused', message: message.text };
}

/** The active editor, or a refusal. */
export function activeEditor(): Step<vscode.TextEditor> {
  const editor = vscode.window.activeTextEditor;
  return editor ? done(editor) : stop(refuse(plainMessage('Open a file and select some text first.')));
}

/** Why a request for `task` must not be sent now (no token, quota used up), or undefined. */
export async function preflightFor(ctx: Ctx, task: TaskKind): Promise<UserMessage | undefined> {
  return preflight({
    task,
    settings: ctx.config.routingSettings(),
    hasToken: await ctx.tokens.hasToken(),
    usage: ctx.router.quotaUsage(),
    localMayServe: ctx.localModels.mayServe(task),
  });
}

/** What the action works on: the selection, or (nothing selected) what was under the cursor. */
interface StartedTarget {
  readonly target: SelectionTarget;
  readonly underCursor?: UnderCursorKind;
}

/**
 * The selection of the active editor, checked (not empty, not too long) and preflighted for `task`. With nothing
 * selected, the comment, paragraph or line under the cursor is selected and used, as editors' own commands do.
 */
async function startSelectionAction(ctx: Ctx, task: TaskKind, invocation: Invocation): Promise<Step<StartedTarget>> {
  const editor = activeEditor();
  if (!editor.ok) return editor;
  const underCursor = editor.value.selection.isEmpty ? selectUnderCursor(editor.value) : undefined;
  const target = selectionTarget(editor.value);
  const problem = checkSelection(target.text, ctx.config.actionSettings().maxSelectionChars) ?? (await preflightFor(ctx, task));
  // Signing in from the "No token" message carries on with the action (on the selection as it is then).
  if (problem) return stop(refuse(problem, { afterSignIn: () => invocation.rerun() }));
  if (underCursor) vscode.window.setStatusBarMessage(`$(selection) Hugging Face: nothing was selected, so the ${underCursor} under the cursor is used`, 6000);
  return done({ target, underCursor });
}

/** Selects the comment, paragraph or line under the cursor (nothing on a blank line); says which. */
function selectUnderCursor(editor: vscode.TextEditor): UnderCursorKind | undefined {
  const document = editor.document;
  const found = textUnderCursor(document.getText(), document.offsetAt(editor.selection.active), document.languageId);
  if (!found) return undefined;
  editor.selection = new vscode.Selection(document.positionAt(found.start), document.positionAt(found.end));
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return found.kind;
}

/** A request for task `K`. */
export type RequestOf<K extends TaskKind> = TaskRequest & { readonly task: K };

export interface RunRoutedOptions {
  readonly onToken?: (text: string) => void;
  readonly onRestart?: () => void;
  /** What "Retry" on a failure runs the command with, when not this run's arguments (e.g. what the user typed, so it is not asked again). */
  readonly retryArgs?: Readonly<Record<string, unknown>>;
}

/**
 * Runs `request` through the router under a progress notification whose Cancel aborts it. A result
 * that arrives after Cancel was pressed counts as cancelled, so a cancelled action never writes.
 */
export async function runRouted<K extends TaskKind>(
  ctx: Ctx,
  invocation: Invocation,
  title: string,
  request: RequestOf<K>,
  options: RunRoutedOptions = {},
): Promise<Step<Routed<K>>> {
  try {
    const outcome = await withCancellableProgress(title, async (signal, report) => {
      // The notification says what is happening: a model loading, a rate-limit wait, the next model tried.
      const result = await ctx.router.run(request, { signal, onToken: options.onToken, onRestart: options.onRestart, onProgress: report });
      if (signal.aborted) throw new CallFailure('cancelled', 'Cancelled.');
      return result;
    });
    const fallback = answeredByFallback(outcome.decision);
    if (fallback) vscode.window.setStatusBarMessage(`$(info) ${fallback}`, 8000);
    return routedAs(request.task, outcome);
  } catch (err) {
    const { kind, message } = callFailureOf(err);
    const decision = err instanceof RoutingError ? err.decision : undefined;
    if (kind === 'cancelled') {
      // The notification is gone with the Cancel click: a short word in the status bar confirms it.
      vscode.window.setStatusBarMessage('$(circle-slash) Hugging Face: cancelled', 4000);
      return stop({ status: 'cancelled', message: 'Cancelled.', decision });
    }
    const userMessage = failureMessage(kind, message, await messageContext(ctx));
    ctx.log.warn(`${request.task} failed (${kind}): ${message}`);
    const again = () => invocation.rerun(options.retryArgs);
    notify(userMessage, { retry: again, afterSignIn: again });
    return stop({ status: 'failed', message: userMessage.text, decision });
  }
}

async function messageContext(ctx: Ctx): Promise<MessageContext> {
  const settings = ctx.config.routingSettings();
  return { hasToken: await ctx.tokens.hasToken(), hubUrl: settings.hubUrl, routerUrl: settings.routerUrl };
}

/** What a selection action's own logic works with. */
export interface SelectionRun<K extends TaskKind> {
  /** The command's args object (empty when VS Code passed a Uri or nothing). */
  readonly args: Readonly<Record<string, unknown>>;
  readonly target: SelectionTarget;
  /** Where the selection is now: edits made while the request runs move it. */
  readonly tracked: TrackedRange;
  /** Runs a request for the action's task (runRouted), its "Retry" running the command again. */
  route(title: string, request: RequestOf<K>, options?: RunRoutedOptions): Promise<Step<Routed<K>>>;
}

/**
 * The command handler of a selection action: checks the selection and preflights `task` (refusing what
 * cannot succeed), then runs `act` on it and follows the selection until `act` is done, however it ends.
 */
export function selectionAction<K extends TaskKind>(
  ctx: Ctx,
  task: K,
  act: (run: SelectionRun<K>) => Promise<ActionResult>,
): (invocation: Invocation) => Promise<ActionResult> {
  return async (invocation) => {
    const started = await startSelectionAction(ctx, task, invocation);
    if (!started.ok) return started.result;
    const { target, underCursor } = started.value;
    const tracked = trackSelection(target);
    try {
      const result = await act({
        args: argsObject(invocation.args),
        target,
        tracked,
        route: (title, request, options) => runRouted(ctx, invocation, title, request, options),
      });
      return underCursor ? { ...result, message: `${result.message} (Nothing was selected: it used the ${underCursor} under the cursor.)` } : result;
    } finally {
      tracked.dispose();
    }
  };
}
