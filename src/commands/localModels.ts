/**
 * Manage On-Device Models: the downloaded models with their sizes; remove one, remove all, or allow/decline
 * downloads again. Args (tests, other commands) act without asking: `{ remove: 'owner/name' }`, `{ removeAll: true }`,
 * `{ download: 'owner/name' }` (the same consent prompt and progress as a request's first use). Returns the
 * models on disk after the command.
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import type { ManifestEntry } from '../core/local/modelStore';
import { formatBytes } from '../core/units/bytes';
import { settingId } from '../core/routing/settings';
import { inform } from '../ui/notify';
import { argsObject, stringArg } from './args';

type Pick = vscode.QuickPickItem & { readonly action: 'remove' | 'removeAll' | 'resetConsent'; readonly model?: string };

export function manageLocalModels(ctx: Ctx) {
  return async (invocation: Invocation): Promise<readonly ManifestEntry[]> => {
    const local = ctx.localModels;
    const models = await local.list();
    const args = argsObject(invocation.args);
    // `{ list: true }`: the models and their sizes, without the QuickPick (for tests and other commands).
    if (args.list === true) return models;
    const download = stringArg(args, 'download');
    if (download) {
      try {
        await local.ensureModel(download, undefined);
      } catch (err) {
        inform(`${download} was not downloaded: ${err instanceof Error ? err.message : String(err)}`);
      }
      return local.list();
    }
    const remove = stringArg(args, 'remove');
    if (remove || args.removeAll === true) {
      const freed = remove ? await local.store.remove(remove) : await local.store.removeAll();
      ctx.log.info(`Removed ${remove ?? 'every on-device model'} (${formatBytes(freed)} freed).`);
      return local.list();
    }
    const used = models.reduce((n, m) => n + m.bytes, 0);
    const cap = ctx.config.routingSettings().localMaxDiskMB;
    const items: Pick[] = [
      ...models.map((m): Pick => ({ label: m.model, description: formatBytes(m.bytes), detail: `Downloaded ${new Date(m.downloadedAt).toLocaleString()} · pick to remove`, action: 'remove', model: m.model })),
      ...(models.length > 1 ? [{ label: 'Remove all', description: formatBytes(used), action: 'removeAll' } satisfies Pick] : []),
      ...(local.consent() !== 'unasked' ? [{ label: 'Ask again before the next download', description: `downloads are now ${local.consent() === 'granted' ? 'allowed' : 'declined'}`, action: 'resetConsent' } satisfies Pick] : []),
    ];
    if (items.length === 0) {
      inform(`No on-device model is downloaded. One is downloaded (after you agree) the first time a small model can answer a request (setting ${settingId('local.enabled')}).`);
      return models;
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: 'On-Device Models',
      placeHolder: `${formatBytes(used)} used of ${cap} MB (setting ${settingId('local.maxDiskMB')}). Pick one to remove`,
    });
    if (!picked) return models;
    if (picked.action === 'resetConsent') {
      await local.setConsent('unasked');
      inform('The next on-device model download will ask first.');
      return models;
    }
    const freed = picked.action === 'remove' && picked.model ? await local.store.remove(picked.model) : await local.store.removeAll();
    inform(`Removed ${picked.model ?? 'every on-device model'}: ${formatBytes(freed)} freed.`);
    return local.list();
  };
}
