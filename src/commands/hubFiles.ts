/** Open Repo in Explorer: adds `hf://{models|datasets|spaces}/owner/name` as a workspace folder. */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { formatHfUri, HF_SCHEME, parseHfUri } from '../core/hubfs/hfUri';
import { inform } from '../ui/notify';
import { argsObject } from './args';

const TYPE_WORDS: Readonly<Record<string, string>> = { model: 'models', models: 'models', dataset: 'datasets', datasets: 'datasets', space: 'spaces', spaces: 'spaces' };

/** "owner/name" (a model), "datasets/owner/name", "spaces/owner/name" or an hf:// URI → the repo root's URI. */
export function repoRootUri(text: string, typeHint?: string): vscode.Uri | string {
  const trimmed = text.trim().replace(/^hf:\/\//, '').replace(/^https?:\/\/[^/]+\//, '');
  const segs = trimmed.split('/').filter((s) => s !== '');
  const typeWord = TYPE_WORDS[segs[0] ?? ''] && segs.length >= 3 ? TYPE_WORDS[segs[0]] : TYPE_WORDS[typeHint ?? 'model'];
  const rest = TYPE_WORDS[segs[0] ?? ''] && segs.length >= 3 ? segs.slice(1, 3) : segs.slice(0, 2);
  const loc = parseHfUri(typeWord ?? '', `/${rest.join('/')}`);
  if ('error' in loc) return loc.error;
  const { authority, path } = formatHfUri({ ...loc, path: '' });
  return vscode.Uri.from({ scheme: HF_SCHEME, authority, path });
}

/** Args `{ repo: 'owner/name', type?: 'model' | 'dataset' | 'space' }` (the Hub view, tests); asks otherwise. */
export function openRepoInExplorer(ctx: Ctx) {
  return async (invocation: Invocation): Promise<string | undefined> => {
    const args = argsObject(invocation.args);
    const given = typeof args?.repo === 'string' ? args.repo : undefined;
    const text =
      given ??
      (await vscode.window.showInputBox({
        title: 'Open Hub Repo in Explorer',
        prompt: 'A repo id: owner/name for a model, datasets/owner/name or spaces/owner/name',
        validateInput: (v) => {
          const r = repoRootUri(v);
          return typeof r === 'string' ? r : undefined;
        },
      }));
    if (text === undefined) return undefined;
    const uri = repoRootUri(text, typeof args?.type === 'string' ? args.type : undefined);
    if (typeof uri === 'string') {
      inform(uri);
      return undefined;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.some((f) => f.uri.toString() === uri.toString())) {
      vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri, name: `${uri.authority}/${uri.path.slice(1)}` });
    }
    ctx.log.info(`Opened ${uri.toString()} in the Explorer.`);
    return uri.toString();
  };
}
