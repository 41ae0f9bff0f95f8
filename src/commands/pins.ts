/** Show Pinned Models: every pin (task, language pair, model), and Unpin for the ones the user picks. */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { pinnedModelSetting } from '../core/routing/settings';
import { pinScope, pinsOf, type Pin } from '../shared/pins';
import { inform } from '../ui/notify';
import { TASK_KINDS } from '../core/tasks/taskTypes';
import { isRepoId } from '../shared/repoId';
import { TASK_LABELS } from '../shared/taskMapping';
import { plainMessage } from '../ui/messages';
import type { ActionResult } from './actionResult';
import { argsObject, oneOfArg, stringArg, stringArrayArg } from './args';
import { refuse } from './run';

/** The pins that are still set after the command (args `{ unpin: ['translate'] }` unpins those tasks without asking). */
export function showPinnedModels(ctx: Ctx) {
  return async (invocation: Invocation): Promise<readonly Pin[]> => {
    const pins = pinsOf(ctx.config.routingSettings().pinnedModels);
    if (pins.length === 0) {
      inform('No model is pinned: every action picks its model by the routing chain. "Use for task" in the Hugging Face view pins one.');
      return pins;
    }
    const given = stringArrayArg(argsObject(invocation.args), 'unpin');
    const tasks = given
      ? pins.filter((p) => given.includes(p.task)).map((p) => p.task)
      : (
          await vscode.window.showQuickPick(
            pins.map((pin) => ({ label: pinScope(pin), description: pin.model, detail: `Setting ${pinnedModelSetting(pin.task)}`, task: pin.task })),
            { title: 'Pinned Models', placeHolder: 'Pinned models answer their task first. Pick the ones to unpin', canPickMany: true },
          )
        )?.map((p) => p.task);
    if (!tasks || tasks.length === 0) return pins;
    for (const task of tasks) await ctx.config.unpinModel(task);
    const unpinned = pins.filter((p) => tasks.includes(p.task));
    ctx.log.info(`Unpinned: ${unpinned.map((p) => `${pinScope(p)} (${p.model})`).join(', ')}.`);
    inform(`Unpinned ${unpinned.map((p) => `${p.model} for ${pinScope(p)}`).join(', ')}: the routing chain picks the model again.`);
    return pinsOf(ctx.config.routingSettings().pinnedModels);
  };
}

/**
 * "Use for <task>" under an `@hf /models` result (args `{ task, modelId }`): the same pin as the Hub view's "Use for
 * task", said in a message with Undo.
 */
export function useModelForTask(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ActionResult> => {
    const args = argsObject(invocation.args);
    const task = oneOfArg(args, 'task', TASK_KINDS);
    const modelId = stringArg(args, 'modelId')?.trim() ?? '';
    if (!task || !isRepoId(modelId.split(':')[0])) return refuse(plainMessage('This works from the "Use for" button under an @hf /models answer, or "Use for task" in the Hugging Face view.'));
    const before = ctx.config.routingSettings().pinnedModels[task] ?? '';
    await ctx.config.pinModel(task, modelId);
    ctx.log.info(`Pinned ${modelId} for ${TASK_LABELS[task]}${before ? ` (was ${before})` : ''}.`);
    const message = `${TASK_LABELS[task]} now uses ${modelId} first.`;
    void vscode.window.showInformationMessage(message, 'Undo').then(async (choice) => {
      if (choice !== 'Undo') return;
      if (before) await ctx.config.pinModel(task, before);
      else await ctx.config.unpinModel(task);
    });
    return { status: 'applied', message };
  };
}
