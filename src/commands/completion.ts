/** The completion status item's menu and its commands: on/off, snooze, choose the model. */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { completionStatus } from '../editor/registerCompletion';
import { ghostTextService } from '../editor/ghostText';
import type { ActionResult } from './actionResult';
import { argsObject } from './args';

export function toggleCompletion(ctx: Ctx) {
  return async (): Promise<ActionResult> => {
    const on = await ctx.config.toggleCompletion();
    if (!on) ghostTextService(ctx).cancel();
    const message = on ? 'Ghost-text completion is on.' : 'Ghost-text completion is off: no more requests.';
    vscode.window.setStatusBarMessage(`$(sparkle) Hugging Face: ${message}`, 4000);
    return { status: 'applied', message };
  };
}

export function snoozeCompletion(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const args = argsObject(invocation.args);
    const minutes = typeof args.minutes === 'number' && args.minutes >= 0 ? args.minutes : 15;
    completionStatus(ctx).snooze(minutes);
    ghostTextService(ctx).cancel();
    const message = minutes > 0 ? `Ghost-text completion snoozed for ${minutes} minutes.` : 'Ghost-text completion is back.';
    return { status: 'applied', message };
  };
}

export function completionMenu(ctx: Ctx) {
  return async (): Promise<ActionResult> => {
    const status = completionStatus(ctx);
    const on = ctx.config.completionEnabled(vscode.window.activeTextEditor?.document.languageId ?? '');
    const items: (vscode.QuickPickItem & { run: () => Thenable<unknown> })[] = [
      { label: on ? '$(circle-slash) Turn completion off' : '$(sparkle) Turn completion on', run: () => vscode.commands.executeCommand('huggingface.toggleCompletion') },
      status.isSnoozed()
        ? { label: '$(play) Resume now', run: () => vscode.commands.executeCommand('huggingface.snoozeCompletion', { minutes: 0 }) }
        : { label: '$(clock) Snooze for 15 minutes', run: () => vscode.commands.executeCommand('huggingface.snoozeCompletion', { minutes: 15 }) },
      { label: '$(gear) Choose the model…', description: 'huggingFace.completion.model / .endpoint', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'huggingFace.completion') },
      // The fix for the problem the status bar shows, first when there is one.
      ...(status.state === 'problem' && /401|token|Sign In/i.test(status.detail)
        ? [{ label: '$(key) Sign In (Set Token)', run: () => vscode.commands.executeCommand('huggingface.signIn') }]
        : []),
      ...(status.state === 'problem' && /quota/i.test(status.detail)
        ? [{ label: '$(gear) Raise the monthly quota…', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'huggingFace.quota.monthlyRequests') }]
        : []),
      { label: '$(pulse) Show Health (the last completion and why this model)', run: () => vscode.commands.executeCommand('huggingface.showHealth') },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Hugging Face completion', placeHolder: `${status.state}${status.detail ? `: ${status.detail.split('\n')[0]}` : ''}` });
    if (picked) await picked.run();
    return { status: picked ? 'applied' : 'cancelled', message: picked?.label };
  };
}
