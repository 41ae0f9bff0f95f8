/**
 * "Deploy Folder to a Space…" and "Upload Folder to a Model or Dataset Repo…": the folder's files (its .gitignore
 * files and the built-in rules applied, paths that escape it refused, a size guard said in numbers: core/deploy) go
 * to the repo as ONE commit through @huggingface/hub (its own upload logic, large files through its large-file
 * path), with progress and cancel; a Space is created first when it does not exist (SDK, private or public), and
 * the build is then followed until the Space runs or fails, with "Open Space". A commit is atomic on the Hub: a
 * failure or a cancel leaves nothing half-committed, and the message says so. Part of the actions chunk.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { planUpload, type UploadPlan } from '../core/deploy/uploadPlan';
import { describeStage } from '../core/spaces/spaceStage';
import { formatBytes } from '../core/units/bytes';
import { hubCallContext, type HubCallContext } from '../hubCalls';
import { readSpaceStage } from '../hub/spaceRuntimeApi';
import { watchBuild } from '../spaces/buildWatch';
import { loadHubLibrary } from '../lazyChunks';
import { isRepoId } from '../shared/repoId';
import { argsObject, oneOfArg, stringArg } from '../commands/args';
import { readFolder, uploadPlanned } from './folderUpload';
import { chooseSpace, type ShowLogsResult } from '../commands/spaces';

type RepoType = 'space' | 'model' | 'dataset';
/** A Hub call that writes: the token is there. */
type WriteCall = HubCallContext & { readonly accessToken: string };
const SDKS = ['gradio', 'streamlit', 'docker', 'static'] as const;
type Sdk = (typeof SDKS)[number];

/** What the command returns (tests read it; the user reads the messages). */
export interface DeployResult {
  readonly status: 'deployed' | 'uploaded' | 'refused' | 'cancelled' | 'failed';
  readonly message: string;
  readonly repo?: string;
  readonly commit?: string;
  readonly files?: readonly string[];
  /** Spaces: the stage the build ended in (RUNNING, BUILD_ERROR, …), or the last one seen. */
  readonly stage?: string;
  /** Spaces: the build log lines written to the Space's output channel while the build was followed. */
  readonly buildLogLines?: number;
}

/** A folder (or, for model and dataset repos, a single file) to upload: given, a workspace folder, or chosen. */
async function pickFolder(given: string | undefined, filesToo: boolean): Promise<string | undefined> {
  if (given) return given;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const picked = await vscode.window.showQuickPick(
    [
      ...folders.filter((f) => f.uri.scheme === 'file').map((f) => ({ label: f.name, description: f.uri.fsPath, path: f.uri.fsPath })),
      { label: filesToo ? 'Choose a folder or a file…' : 'Choose a folder…', description: '', path: '' },
    ],
    { title: 'Deploy which folder?', placeHolder: 'Its files (minus .gitignore) go to the repo as one commit' },
  );
  if (!picked) return undefined;
  if (picked.path) return picked.path;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: filesToo, canSelectMany: false, openLabel: filesToo ? 'Upload this' : 'Deploy this folder' });
  return chosen?.[0]?.fsPath;
}

async function askRepo(type: RepoType, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  const what = type === 'space' ? 'Space' : `${type} repo`;
  return vscode.window.showInputBox({
    title: `Deploy to which ${what}?`,
    prompt: `owner/name of one of your ${type === 'space' ? 'Spaces' : `${type}s`} or your organisations' (it is created when it does not exist)`,
    placeHolder: 'your-name/my-app',
    validateInput: (v) => (isRepoId(v.trim()) && v.includes('/') ? undefined : 'owner/name, letters, digits, - _ .'),
  });
}

function summary(plan: UploadPlan, folder: string, repo: string): string {
  const large = plan.send.filter((f) => f.large).length;
  return [
    `${plan.send.length} files (${formatBytes(plan.totalBytes)}) from ${basename(folder)} to ${repo} as one commit.`,
    plan.ignored.length > 0 ? `${plan.ignored.length} left out by .gitignore or the built-in rules (.git, caches, .env).` : '',
    large > 0 ? `${large} large files go through the Hub's large-file storage.` : '',
    plan.refused.length > 0 ? `Not sent: ${plan.refused.slice(0, 5).map((r) => `${r.path} (${r.reason})`).join(', ')}${plan.refused.length > 5 ? ', …' : ''}.` : '',
  ]
    .filter((l) => l !== '')
    .join(' ');
}

/** The HTTP status of a Hub error (@huggingface/hub's HubApiError), when it has one. */
function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** A Hub failure in words, with what to do; "nothing was committed" holds for any failure before the commit answered. */
function failureText(err: unknown, repo: string): string {
  const status = statusOf(err);
  const hub = err instanceof Error ? err.message : String(err);
  if (status === 401) return `The Hub did not accept your token for ${repo}: sign in again ("Hugging Face: Sign In"). Nothing was committed.`;
  if (status === 403) return `Your token cannot write to ${repo} (it may be read-only: create a write token at huggingface.co/settings/tokens). Nothing was committed. (${hub})`;
  if (status === 404) return `${repo} was not found, or your token cannot see it. Nothing was committed.`;
  if (status === 412 || status === 409) return `${repo} changed while uploading; nothing was committed. Try again. (${hub})`;
  return `The upload to ${repo} failed: ${hub}. A commit is all or nothing on the Hub, so nothing was committed; try again.`;
}

/** Creates the repo when it does not exist (a Space with the given SDK); resolves whether it was created. */
async function ensureRepo(call: WriteCall, type: RepoType, repo: string, sdk: Sdk | undefined, isPrivate: boolean): Promise<boolean> {
  const hub = loadHubLibrary();
  try {
    await hub.createRepo({ ...call, repo: { type, name: repo }, ...(type === 'space' ? { sdk: sdk ?? 'static' } : {}), private: isPrivate });
    return true;
  } catch (err) {
    if (statusOf(err) === 409) return false; // it exists: deploy into it
    throw err;
  }
}

async function askSdk(given: Sdk | undefined): Promise<{ sdk: Sdk; isPrivate: boolean } | undefined> {
  if (given) return { sdk: given, isPrivate: false };
  const sdk = await vscode.window.showQuickPick(
    SDKS.map((s) => ({ label: s, sdk: s })),
    { title: 'The Space does not exist yet: which SDK?', placeHolder: 'gradio, streamlit, docker or static' },
  );
  if (!sdk) return undefined;
  const visibility = await vscode.window.showQuickPick([{ label: 'Public', isPrivate: false }, { label: 'Private', isPrivate: true }], { title: 'Visibility of the new Space' });
  return visibility ? { sdk: sdk.sdk, isPrivate: visibility.isPrivate } : undefined;
}

/** "Upload Folder to a Model or Dataset Repo…": the same upload, to a model or dataset repo (no build to follow). */
export function uploadToRepo(ctx: Ctx) {
  const deploy = deployFolder(ctx);
  return async (invocation: Invocation): Promise<DeployResult> => {
    const args = argsObject(invocation.args);
    const type =
      oneOfArg(args, 'type', ['model', 'dataset'] as const) ??
      (await vscode.window.showQuickPick([{ label: 'Model repo', type: 'model' as const }, { label: 'Dataset repo', type: 'dataset' as const }], { title: 'Upload to a model or a dataset repo?' }))?.type;
    if (!type) return { status: 'cancelled', message: 'No repo type chosen.' };
    return deploy({ ...invocation, args: { ...args, type } });
  };
}

export function deployFolder(ctx: Ctx) {
  return async (invocation: Invocation): Promise<DeployResult> => {
    const args = argsObject(invocation.args);
    const type: RepoType = oneOfArg(args, 'type', ['space', 'model', 'dataset'] as const) ?? 'space';
    const confirmed = args.confirm === true;
    if (!(await ctx.tokens.hasToken())) {
      const message = 'Deploying needs a Hugging Face token that can write: run "Hugging Face: Sign In (Set Token)".';
      void vscode.window.showWarningMessage(message);
      return { status: 'refused', message };
    }
    const chosenPath = await pickFolder(stringArg(args, 'folder') ?? stringArg(args, 'file'), type !== 'space');
    if (!chosenPath) return { status: 'cancelled', message: 'No folder chosen.' };
    // One file (model and dataset repos): it goes to the repo's root under its own name.
    const single = type !== 'space' && (await stat(chosenPath).catch(() => undefined))?.isFile() === true;
    const folder = single ? dirname(chosenPath) : chosenPath;
    const given = stringArg(args, 'repo') ?? stringArg(args, 'space');
    // A Space: one of yours from a list, or typed (created when it does not exist); other repos: typed.
    const repo = (type === 'space' && given === undefined ? await chooseSpace(ctx, {}, 'Deploy to which Space? (a new name creates it)') : await askRepo(type, given))?.trim();
    if (!repo) return { status: 'cancelled', message: 'No repo chosen.' };
    if (!isRepoId(repo) || !repo.includes('/')) return { status: 'refused', message: `"${repo}" is not a repo name (owner/name).` };

    const { entries, gitignores } = single
      ? { entries: [{ path: basename(chosenPath), size: (await stat(chosenPath)).size }], gitignores: new Map<string, string>() }
      : await readFolder(folder);
    const plan = planUpload(entries, gitignores);
    if (plan.problem) {
      void vscode.window.showErrorMessage(`Nothing was uploaded: ${plan.problem}`);
      return { status: 'refused', message: plan.problem };
    }
    const what = summary(plan, folder, repo);
    if (!confirmed) {
      const go = await vscode.window.showInformationMessage(`Deploy to ${repo}?`, { modal: true, detail: what }, 'Deploy');
      if (go !== 'Deploy') return { status: 'cancelled', message: 'Not deployed.' };
    }
    const message = stringArg(args, 'message') ?? `Deploy ${basename(folder)} from VS Code`;
    const context = await hubCallContext(ctx)();
    if (!context.accessToken) return { status: 'refused', message: 'Deploying needs a Hugging Face token: run "Hugging Face: Sign In (Set Token)".' };
    const call: WriteCall = { ...context, accessToken: context.accessToken };
    const hub = loadHubLibrary();

    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Deploying to ${repo}`, cancellable: true },
      async (progress, token): Promise<DeployResult> => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        let committed: string | undefined;
        try {
          progress.report({ message: 'checking the repo…' });
          const existing = type !== 'space' || (await hub.spaceInfo({ ...call, name: repo }).then(() => true, (err: unknown) => (statusOf(err) === 404 ? false : Promise.reject(err))));
          if (!existing) {
            const choice = await askSdk(oneOfArg(args, 'sdk', SDKS));
            if (!choice) return { status: 'cancelled', message: 'Not deployed: no SDK chosen for the new Space.' };
            await ensureRepo(call, type, repo, choice.sdk, args.private === true || choice.isPrivate);
          } else if (type !== 'space') {
            await ensureRepo(call, type, repo, undefined, args.private === true);
          }
          const total = plan.send.length;
          const out = await uploadPlanned(hub, call, { type, name: repo }, folder, plan, message, controller.signal, (event) => {
            if (event.kind === 'phase') progress.report({ message: event.text });
            else progress.report({ increment: 100 / total, message: `${event.done} of ${total} files` });
          });
          committed = out;
          if (!committed) throw new Error('the Hub did not confirm the commit');
          ctx.log.info(`Deployed ${total} files from ${folder} to ${repo} (commit ${committed}).`);
          if (type !== 'space') {
            const text = `Uploaded ${total} files to ${repo} as one commit.`;
            void vscode.window.showInformationMessage(text);
            return { status: 'uploaded', message: text, repo, commit: committed, files: plan.send.map((f) => f.path) };
          }
          progress.report({ message: 'building…' });
          // The build log streams into the Space's output channel while the build is followed here.
          const logs = vscode.commands.executeCommand<ShowLogsResult | undefined>('huggingface.showSpaceLogs', { space: repo, log: 'build' });
          // The Spaces' build watch: the new build seen, then its end stage (trusted anyway after a minute without one).
          const watch = watchBuild({
            space: repo,
            startStage: undefined,
            readStage: () => readSpaceStage(call, repo, controller.signal),
            onStage: (s) => progress.report({ message: describeStage(s).label }),
            onEnd: () => undefined,
            trustEndAfterMs: 60_000,
            maxMs: 15 * 60_000,
          });
          const cancelWatch = token.onCancellationRequested(() => watch.cancel());
          const end = await watch.done.finally(() => cancelWatch.dispose());
          if (!end) {
            const text = controller.signal.aborted
              ? `The files were committed to ${repo}; following its build was cancelled.`
              : `The files were committed to ${repo}; its build did not end within 15 minutes.`;
            return { status: 'deployed', message: text, repo, commit: committed, files: plan.send.map((f) => f.path) };
          }
          const stage = end.stage;
          // The build log ends with the build: what was written to the channel (a moment's grace, never a wait).
          const followed = await Promise.race([Promise.resolve(logs).catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), 3_000))]);
          const url = `${call.hubUrl}/spaces/${repo}`;
          const ok = describeStage(stage).kind === 'ok';
          const text = ok ? `${repo} is running.` : `${repo} ended in ${describeStage(stage).label}: see its build log.`;
          void (ok ? vscode.window.showInformationMessage(text, 'Open Space', 'Show Logs') : vscode.window.showErrorMessage(text, 'Show Logs', 'Open Space')).then((c) => {
            if (c === 'Open Space') void vscode.env.openExternal(vscode.Uri.parse(url));
            if (c === 'Show Logs') void vscode.commands.executeCommand('huggingface.showSpaceLogs', { space: repo, log: ok ? 'run' : 'build' });
          });
          return { status: 'deployed', message: text, repo, commit: committed, files: plan.send.map((f) => f.path), stage, ...(followed ? { buildLogLines: followed.lines.length } : {}) };
        } catch (err) {
          if (controller.signal.aborted && !committed) return { status: 'cancelled', message: `Cancelled: nothing was committed to ${repo}.` };
          if (committed) {
            const text = `The files were committed to ${repo} (${committed.slice(0, 7)}), but following its build failed: ${err instanceof Error ? err.message : String(err)}.`;
            void vscode.window.showWarningMessage(text);
            return { status: 'deployed', message: text, repo, commit: committed, files: plan.send.map((f) => f.path) };
          }
          const text = failureText(err, repo);
          void vscode.window.showErrorMessage(text, 'Retry').then((c) => {
            if (c === 'Retry') void invocation.rerun();
          });
          return { status: 'failed', message: text, repo };
        } finally {
          cancel.dispose();
        }
      },
    );
  };
}
