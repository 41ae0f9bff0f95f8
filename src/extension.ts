/**
 * Entry point, and the table of contents of the extension: build the context, then register every
 * command. Each command is a small factory in src/commands taking the Ctx, loaded with the routing core
 * on the first command (src/actions.ts). Activation does no network and loads only this shell.
 */
import type * as vscode from 'vscode';
import { Ctx } from './ctx';
import { registerHubView } from './hubView/register';
import { registerChat } from './chat/register';
import { registerHfTools } from './chat/hfTools';
import { registerCommentHover } from './editor/registerCommentHover';
import { registerCompletion } from './editor/registerCompletion';
import { registerHubFs } from './hubfs/registerHubFs';

export function activate(context: vscode.ExtensionContext): void {
  const ctx = Ctx.create(context);

  // Selection actions (each returns an ActionResult).
  ctx.registerCommand('generateCode');
  ctx.registerCommand('translateSelection');
  ctx.registerCommand('translateSelectionToPreview');
  ctx.registerCommand('summarizeSelection');
  ctx.registerCommand('askAboutSelection');
  ctx.registerCommand('classifySentiment');
  ctx.registerCommand('classifyTopic');
  ctx.registerCommand('extractEntities');
  ctx.registerCommand('translateCommentsInFile');
  // Comment translation on hover, and its links.
  context.subscriptions.push(registerCommentHover(ctx));
  ctx.registerCommand('replaceCommentWithTranslation');
  ctx.registerCommand('translateHoveredComment');
  ctx.registerCommand('toggleCommentHover');
  // Ghost-text completion (fill-in-the-middle) and its status bar menu.
  context.subscriptions.push(registerCompletion(ctx));
  ctx.registerCommand('toggleCompletion');
  ctx.registerCommand('snoozeCompletion');
  ctx.registerCommand('completionMenu');
  // The button under an @hf answer (writes it into the editor, guarded).
  ctx.registerCommand('applyChatAnswer');
  // Free-form: the task detector picks one of the actions above, or a chat model answers.
  ctx.registerCommand('runPrompt');

  // Insight into the routing core.
  ctx.registerCommand('showLastDecision');
  ctx.registerCommand('showHealth');
  ctx.registerCommand('showPinnedModels');
  ctx.registerCommand('useModelForTask');
  ctx.registerCommand('cancelRunningRequests');
  // Small task models on this machine: the downloaded ones, their sizes, removal.
  ctx.registerCommand('manageLocalModels');

  // Credentials.
  ctx.registerCommand('signIn');
  ctx.registerCommand('signOut');
  ctx.registerCommand('setEndpointKey');
  ctx.registerCommand('revokeTokenApprovals');

  // Hugging Face models in VS Code's chat model picker and the @hf participant (VS Code activates us when they are used).
  context.subscriptions.push(registerChat(ctx, context.extensionUri));
  // Hugging Face tools for agent mode (#hfSearchModels, #hfTranslate…).
  context.subscriptions.push(registerHfTools(ctx));

  // The sidebar Hub browser (webview view `huggingface.hub` and its title-bar commands).
  context.subscriptions.push(registerHubFs(ctx));
  ctx.registerCommand('openRepoInExplorer');
  ctx.registerCommand('deployFolder');
  ctx.registerCommand('uploadToRepo');
  // Spaces: live logs, runtime actions, a notification when a build started here ends.
  ctx.registerCommand('showSpaceLogs');
  ctx.registerCommand('stopFollowingSpaceLogs');
  ctx.registerCommand('restartSpace');
  ctx.registerCommand('factoryRebuildSpace');
  ctx.registerCommand('pauseSpace');
  ctx.registerCommand('setSpaceSleepTime');
  ctx.registerCommand('requestSpaceHardware');
  context.subscriptions.push(registerHubView(context, ctx.hubViewDeps(), ctx.state));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
