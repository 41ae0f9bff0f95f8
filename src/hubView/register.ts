/**
 * Registers the sidebar Hub browser: the webview view `huggingface.hub` and its title-bar commands.
 * The extension calls `registerHubView(context, deps)` once from activate().
 */
import * as vscode from 'vscode';
import type { HubViewDeps } from '../hub/deps';
import { createHubHandlers } from '../hub/handlers';
import { HubService } from '../hub/hubService';
import { createHostActions } from './hostActions';
import { HUB_VIEW_ID, HubViewProvider } from './hubViewProvider';

export type { HubRouter, HubRunOptions, HubViewDeps } from '../hub/deps';
export { HUB_VIEW_ID } from './hubViewProvider';

export const HUB_COMMANDS = {
  refresh: 'huggingface.hub.refresh',
  clearFilters: 'huggingface.hub.clearFilters',
  focusSearch: 'huggingface.hub.focusSearch',
} as const;

export function registerHubView(context: vscode.ExtensionContext, deps: HubViewDeps): vscode.Disposable {
  const service = new HubService({
    hubUrl: deps.hubUrl,
    datasetsServerUrl: deps.datasetsServerUrl,
    getToken: deps.getToken,
    log: deps.log,
  });
  const handlers = createHubHandlers(service, deps, createHostActions(context, deps));
  const provider = new HubViewProvider(
    context.extensionUri,
    handlers,
    async () => Boolean(await deps.getToken()),
    () => service.clear(),
    deps.log,
  );
  return vscode.Disposable.from(
    provider,
    deps.onDidChangeToken(() => {
      service.clear();
      void provider.checkAuth();
    }),
    vscode.window.registerWebviewViewProvider(HUB_VIEW_ID, provider),
    vscode.commands.registerCommand(HUB_COMMANDS.refresh, async () => {
      service.clear();
      await provider.checkAuth();
      provider.sendCommand('refresh');
    }),
    vscode.commands.registerCommand(HUB_COMMANDS.clearFilters, () => provider.sendCommand('clearFilters')),
    vscode.commands.registerCommand(HUB_COMMANDS.focusSearch, async () => {
      await vscode.commands.executeCommand(`${HUB_VIEW_ID}.focus`);
      provider.sendCommand('focusSearch');
    }),
  );
}
