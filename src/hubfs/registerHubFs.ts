/**
 * Registers the hf:// scheme at activation with a thin stand-in: the provider itself (hubFsProvider.ts, on
 * @huggingface/hub) is created from the actions chunk on the first hf:// access, so activation stays cheap.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { loadActions } from '../lazyChunks';

const SCHEME = 'hf';

export function registerHubFs(ctx: Ctx): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  let real: vscode.FileSystemProvider | undefined;
  const impl = (): vscode.FileSystemProvider => (real ??= loadActions().hubFs.createHubFsProvider(ctx, changed));
  const provider: vscode.FileSystemProvider = {
    onDidChangeFile: changed.event,
    watch: () => new vscode.Disposable(() => undefined),
    stat: (uri) => impl().stat(uri),
    readDirectory: (uri) => impl().readDirectory(uri),
    createDirectory: (uri) => impl().createDirectory(uri),
    readFile: (uri) => impl().readFile(uri),
    writeFile: (uri, content, options) => impl().writeFile(uri, content, options),
    delete: (uri, options) => impl().delete(uri, options),
    rename: (from, to, options) => impl().rename(from, to, options),
  };
  return vscode.Disposable.from(changed, vscode.workspace.registerFileSystemProvider(SCHEME, provider, { isCaseSensitive: true }));
}
