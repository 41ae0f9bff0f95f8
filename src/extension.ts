/**
 * Entry point, and the table of contents of the extension: build the context, then register every
 * command. Each command is a small factory in src/commands taking the Ctx. Activation does no network
 * and creates the router only when a command first needs it.
 */
import type * as vscode from 'vscode';
import * as commands from './commands';
import { Ctx } from './ctx';
import { registerHubView } from './hubView/register';

export function activate(context: vscode.ExtensionContext): void {
  const ctx = Ctx.create(context);

  // Selection actions (each returns an ActionResult).
  ctx.registerCommand('generateCode', commands.generateCode);
  ctx.registerCommand('translateSelection', commands.translateSelection);
  ctx.registerCommand('translateSelectionToPreview', commands.translateSelectionToPreview);
  ctx.registerCommand('summarizeSelection', commands.summarizeSelection);
  ctx.registerCommand('askAboutSelection', commands.askAboutSelection);
  ctx.registerCommand('classifySentiment', commands.classifySentiment);
  ctx.registerCommand('classifyTopic', commands.classifyTopic);
  ctx.registerCommand('extractEntities', commands.extractEntities);
  // Free-form: the task detector picks one of the actions above, or a chat model answers.
  ctx.registerCommand('runPrompt', commands.runPrompt);

  // Insight into the routing core.
  ctx.registerCommand('showLastDecision', commands.showLastDecision);
  ctx.registerCommand('showHealth', commands.showHealth);
  ctx.registerCommand('cancelRunningRequests', commands.cancelRunningRequests);

  // Credentials.
  ctx.registerCommand('signIn', commands.signIn);
  ctx.registerCommand('signOut', commands.signOut);
  ctx.registerCommand('setEndpointKey', commands.setEndpointKey);

  // The sidebar Hub browser (webview view `huggingface.hub` and its title-bar commands).
  context.subscriptions.push(registerHubView(context, ctx.hubViewDeps()));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
