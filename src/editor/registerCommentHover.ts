/**
 * Registers comment translation on hover at startup, cheaply: the provider checks the setting for the document's
 * language and skips prose documents itself; everything else (finding comments, the translations, the router) is in
 * the actions chunk (src/editor/commentHover.ts), loaded on the first hover over code with hovers on.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isProseLanguage } from '../core/comments/commentSyntax';
import { loadActions } from '../lazyChunks';

/** Documents whose comments a hover translates: files, unsaved files, remote files, Hub files (hf://). */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'hf' }];

export function registerCommentHover(ctx: Ctx): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, {
    provideHover(document, position, token) {
      // Prose documents have no comments (Translate Selection translates their text).
      if (isProseLanguage(document.languageId) || !ctx.config.hoverSettings(document.languageId).enabled) return undefined;
      return loadActions().hover.provideCommentHover(ctx, document, position, token);
    },
  });
}
