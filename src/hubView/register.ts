/**
 * Registers the sidebar Hub browser: the webview view `huggingface.hub` and its title-bar commands.
 * The extension calls `registerHubView(context, deps, state)` once from activate().
 */
import * as vscode from 'vscode';
import { isHfToken } from '../core/trust/hfToken';
import type { HubViewDeps } from '../hub/deps';
import { loadHubBackend } from '../lazyChunks';
import type { PersistentState } from '../persistentState';
import type { RepoKind } from '../shared/hubTypes';
import { isRepoId } from '../shared/repoId';
import type { HubBackend } from './hubBackend';
import { HUB_VIEW_ID, HubViewProvider } from './hubViewProvider';

const HUB_COMMANDS = {
  refresh: 'huggingface.hub.refresh',
  clearFilters: 'huggingface.hub.clearFilters',
  focusSearch: 'huggingface.hub.focusSearch',
  showRepo: 'huggingface.hub.showRepo',
} as const;

/** `huggingface.hub.showRepo`'s argument (`{ kind, id, tryIt? }`, from the `@hf /models` buttons), checked. */
function showRepoArgs(value: unknown): { kind: RepoKind; id: string; tryIt: boolean } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, id, tryIt } = value as Record<string, unknown>;
  if ((kind !== 'model' && kind !== 'dataset' && kind !== 'space') || !isRepoId(id)) return undefined;
  return { kind, id, tryIt: tryIt === true };
}

/** `state` must have workspaceState: the view's state is kept per workspace. */
export function registerHubView(context: vscode.ExtensionContext, deps: HubViewDeps, state: PersistentState): vscode.Disposable {
  let backend: HubBackend | undefined;
  const provider = new HubViewProvider(
    context.extensionUri,
    (post) => (backend ??= loadHubBackend().createHubBackend(state, deps)).connect(post),
    async () => isHfToken(await deps.getToken()),
    () => backend?.service.clear(),
    (what, err) => deps.log(`Hub view: ${what} failed: ${err instanceof Error ? err.message : String(err)}`),
  );
  return vscode.Disposable.from(
    provider,
    // The card renderer's thread ends with the extension.
    { dispose: () => backend?.service.dispose() },
    deps.onDidChangeToken(() => {
      backend?.service.clear();
      void provider.checkAuth();
    }),
    deps.onDidChangePins(() => provider.sendEvent({ type: 'pins', pins: deps.pins() })),
    vscode.window.registerWebviewViewProvider(HUB_VIEW_ID, provider),
    vscode.commands.registerCommand(HUB_COMMANDS.refresh, async () => {
      backend?.service.clear();
      await provider.checkAuth();
      provider.sendCommand('refresh');
    }),
    vscode.commands.registerCommand(HUB_COMMANDS.clearFilters, () => provider.sendCommand('clearFilters')),
    vscode.commands.registerCommand(HUB_COMMANDS.showRepo, async (value: unknown) => {
      const args = showRepoArgs(value);
      if (!args) {
        void vscode.window.showWarningMessage('This works from the buttons under an @hf /models, /datasets or /spaces answer.');
        return;
      }
      await vscode.commands.executeCommand(`${HUB_VIEW_ID}.focus`);
      provider.showRepo(args.kind, args.id, args.tryIt);
    }),
    vscode.commands.registerCommand(HUB_COMMANDS.focusSearch, async () => {
      await vscode.commands.executeCommand(`${HUB_VIEW_ID}.focus`);
      provider.sendCommand('focusSearch');
    }),
  );
}
