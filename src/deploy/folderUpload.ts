/**
 * The folder side of a deploy, without `vscode` (the bench runs it too): the folder's files as the upload plan takes
 * them, and the planned files sent as ONE commit through @huggingface/hub's commitIter (its own preupload, regular
 * and large-file uploads), with progress events and an abort signal.
 */
import { openAsBlob } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FolderEntry, UploadPlan } from '../core/deploy/uploadPlan';
import type { HubLibrary } from '../lazyChunks';

/** The files of `folder` as the plan takes them (links resolved: one pointing outside is marked), and its .gitignore files. */
export async function readFolder(folder: string): Promise<{ entries: FolderEntry[]; gitignores: Map<string, string> }> {
  const root = await realpath(folder);
  const entries: FolderEntry[] = [];
  const gitignores = new Map<string, string>();
  // Each directory's entries are read in parallel (the plan sorts them): a folder of hundreds of files is one
  // round of stat calls, not hundreds in a row.
  const walk = async (dir: string): Promise<void> => {
    await Promise.all((await readdir(dir, { withFileTypes: true })).map(async (item) => {
      const full = join(dir, item.name);
      const rel = relative(root, full).split(sep).join('/');
      // Never descend into version control or dependency folders (the plan leaves them out anyway).
      if (item.isDirectory() && (item.name === '.git' || item.name === 'node_modules')) return;
      if (item.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        const inside = target !== undefined && (target === root || target.startsWith(root + sep));
        const stat = target ? await lstat(target) : undefined;
        if (stat?.isFile()) entries.push({ path: rel, size: stat.size, ...(inside ? {} : { outside: true }) });
        return;
      }
      if (item.isDirectory()) await walk(full);
      else if (item.isFile()) {
        entries.push({ path: rel, size: (await lstat(full)).size });
        if (item.name === '.gitignore') gitignores.set(relative(root, dir).split(sep).join('/'), await readFile(full, 'utf8'));
      }
    }));
  };
  await walk(root);
  return { entries, gitignores };
}

export type UploadEvent = { readonly kind: 'phase'; readonly text: string } | { readonly kind: 'file'; readonly path: string; readonly done: number };

/** Sends the plan's files from `folder` as one commit; resolves with the commit's oid. */
export async function uploadPlanned(
  hub: Pick<HubLibrary, 'commitIter'>,
  call: { readonly hubUrl: string; readonly accessToken: string; readonly fetch: typeof fetch },
  repo: { readonly type: 'space' | 'model' | 'dataset'; readonly name: string },
  folder: string,
  plan: UploadPlan,
  title: string,
  signal: AbortSignal,
  onEvent: (event: UploadEvent) => void = () => undefined,
): Promise<string> {
  const operations = await Promise.all(plan.send.map(async (f) => ({ operation: 'addOrUpdate' as const, path: f.path, content: await openAsBlob(join(folder, ...f.path.split('/'))) })));
  const done = new Set<string>();
  const iter = hub.commitIter({ ...call, repo, title, operations, abortSignal: signal, useXet: false });
  let step = await iter.next();
  while (!step.done) {
    const event = step.value;
    if (event.event === 'phase') onEvent({ kind: 'phase', text: event.phase === 'committing' ? 'committing…' : event.phase === 'uploadingLargeFiles' ? 'uploading large files…' : 'preparing…' });
    else if (event.event === 'fileProgress' && event.progress >= 1 && !done.has(event.path)) {
      done.add(event.path);
      onEvent({ kind: 'file', path: event.path, done: done.size });
    }
    step = await iter.next();
  }
  const oid = step.value?.commit.oid;
  if (!oid) throw new Error('the Hub did not confirm the commit');
  return oid;
}
