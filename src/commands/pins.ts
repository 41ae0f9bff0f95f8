/** Show Pinned Models: every pin (task, language pair, model), and Unpin for the ones the user picks. */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { pinnedModelSetting } from '../core/routing/settings';
import { pinScope, pinsOf, type Pin } from '../shared/pins';
import { inform } from '../ui/notify';
import { argsObject, stringArrayArg } from './args';

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
