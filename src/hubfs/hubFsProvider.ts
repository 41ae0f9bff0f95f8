/**
 * The hf:// FileSystemProvider (VS Code side, in the actions chunk): maps URIs to HubRepoFs calls and its errors to
 * FileSystemErrors. Saving asks for the commit message (default "Update <path> from VS Code") unless
 * `huggingFace.hubFiles.askCommitMessage` is off; a conflict offers "Compare" with the Hub's version.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { defaultCommitMessage, parseHfUri, type HfLocation } from '../core/hubfs/hfUri';
import { numberSetting } from '../core/routing/settings';
import { hubCallContext } from '../hubCalls';
import { HubFsError, HubRepoFs } from './hubRepoFs';


function locationOf(uri: vscode.Uri): HfLocation {
  const loc = parseHfUri(uri.authority, uri.path);
  if ('error' in loc) throw vscode.FileSystemError.FileNotFound(loc.error);
  return loc;
}

function toFileSystemError(err: unknown, uri: vscode.Uri): Error {
  if (!(err instanceof HubFsError)) return err instanceof Error ? err : new Error(String(err));
  switch (err.code) {
    case 'NotFound':
      return vscode.FileSystemError.FileNotFound(uri);
    case 'NoPermissions':
    case 'Conflict':
    case 'TooLarge':
      return vscode.FileSystemError.NoPermissions(err.message);
    default:
      return vscode.FileSystemError.Unavailable(err.message);
  }
}

export class HubFsProvider implements vscode.FileSystemProvider {
  readonly onDidChangeFile: vscode.Event<vscode.FileChangeEvent[]>;
  private readonly fs: HubRepoFs;

  constructor(
    private readonly ctx: Ctx,
    private readonly changed: vscode.EventEmitter<vscode.FileChangeEvent[]>,
  ) {
    this.onDidChangeFile = changed.event;
    this.fs = new HubRepoFs({
      context: hubCallContext(ctx),
      maxFileBytes: () => numberSetting('hubFiles.maxOpenBytes', vscode.workspace.getConfiguration('huggingFace').get('hubFiles.maxOpenBytes')),
    });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    try {
      const s = await this.fs.stat(locationOf(uri));
      return { type: s.type === 'directory' ? vscode.FileType.Directory : vscode.FileType.File, size: s.size, ctime: s.mtime, mtime: s.mtime };
    } catch (err) {
      throw toFileSystemError(err, uri);
    }
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    try {
      return (await this.fs.readDirectory(locationOf(uri))).map(([n, t]) => [n, t === 'directory' ? vscode.FileType.Directory : vscode.FileType.File]);
    } catch (err) {
      throw toFileSystemError(err, uri);
    }
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('The Hub has no empty folders: create a file with the folder in its name instead.');
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const loc = locationOf(uri);
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Downloading ${loc.path} from ${loc.repo}` },
        () => this.fs.readFile(loc),
      );
    } catch (err) {
      throw toFileSystemError(err, uri);
    }
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    const loc = locationOf(uri);
    const exists = await this.fs.stat(loc).then(
      () => true,
      () => false,
    );
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    const message = await this.commitMessage(defaultCommitMessage(exists ? 'Update' : 'Create', loc.path));
    try {
      await this.fs.writeFile(loc, content, message);
    } catch (err) {
      if (err instanceof HubFsError && err.code === 'Conflict') this.offerCompare(uri, err.message);
      throw toFileSystemError(err, uri);
    }
    this.changed.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri: vscode.Uri): Promise<void> {
    const loc = locationOf(uri);
    const message = await this.commitMessage(defaultCommitMessage('Delete', loc.path));
    try {
      await this.fs.delete(loc, message);
    } catch (err) {
      throw toFileSystemError(err, uri);
    }
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const from = locationOf(oldUri);
    const to = locationOf(newUri);
    if (from.type !== to.type || from.repo !== to.repo) throw vscode.FileSystemError.NoPermissions('Files move only within one Hub repo.');
    const message = await this.commitMessage(defaultCommitMessage('Rename', from.path, to.path));
    try {
      await this.fs.rename(from, to.path, message);
    } catch (err) {
      throw toFileSystemError(err, oldUri);
    }
    this.changed.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  private async commitMessage(suggested: string): Promise<string> {
    if (!vscode.workspace.getConfiguration('huggingFace.hubFiles').get<boolean>('askCommitMessage', true)) return suggested;
    const typed = await vscode.window.showInputBox({ title: 'Commit to the Hugging Face Hub', prompt: 'Commit message', value: suggested });
    if (typed === undefined) throw vscode.FileSystemError.Unavailable('Commit cancelled: nothing was saved to the Hub.');
    return typed.trim() === '' ? suggested : typed.trim();
  }

  /** Shows the refusal with "Compare": the Hub's current version (read afresh) beside the local edit. */
  private offerCompare(uri: vscode.Uri, message: string): void {
    this.ctx.log.info(message);
    void vscode.window.showErrorMessage(message, 'Compare').then(async (pick) => {
      if (pick !== 'Compare') return;
      const theirs = await vscode.workspace.openTextDocument({ content: Buffer.from(await this.fs.readFile(locationOf(uri))).toString('utf8') });
      await vscode.commands.executeCommand('vscode.diff', theirs.uri, uri, `${uri.path.split('/').pop() ?? ''} (Hub ↔ yours)`);
    });
  }
}

export function createHubFsProvider(ctx: Ctx, changed: vscode.EventEmitter<vscode.FileChangeEvent[]>): HubFsProvider {
  return new HubFsProvider(ctx, changed);
}
