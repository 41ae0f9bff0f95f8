/**
 * Registers the chat surfaces at activation, cheaply: the model provider (src/chat/languageModelProvider.ts) and the
 * `@hf` participant, whose handler lives in the actions chunk and is loaded on its first request.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { loadActions } from '../lazyChunks';
import { HfLanguageModelProvider, LM_VENDOR } from './languageModelProvider';

export const PARTICIPANT_ID = 'sarvanom.hf';

export function registerChat(ctx: Ctx, extensionUri: vscode.Uri): vscode.Disposable {
  const models = new HfLanguageModelProvider(ctx);
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, _context, stream, token) =>
    loadActions().participant.handleHfRequest(ctx, request, stream, token),
  );
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  participant.followupProvider = { provideFollowups: (result) => loadActions().participant.followupsFor(result.metadata as { command?: string } | undefined) };
  return vscode.Disposable.from(models, vscode.lm.registerLanguageModelChatProvider(LM_VENDOR, models), participant);
}
