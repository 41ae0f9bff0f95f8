/**
 * Which comment finder a document gets (`huggingFace.comments.finder`): none (the comment-syntax table, the fast
 * path) where the table knows the language, else the TextMate grammars of the installed extensions, loaded with
 * the TextMate chunk on first use. Any failure there leaves the table lexer to answer.
 */
import type * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { CommentFinder } from '../core/comments/commentSpans';
import { knownCommentSyntax } from '../core/comments/commentSyntax';
import { loadTextMate } from '../lazyChunks';

export async function commentFinderFor(ctx: Ctx, document: vscode.TextDocument): Promise<CommentFinder | undefined> {
  const mode = ctx.config.actionSettings(document.languageId).commentFinder ?? 'auto';
  if (mode === 'table' || (mode === 'auto' && knownCommentSyntax(document.languageId))) return undefined;
  try {
    return await loadTextMate().textMateComments(ctx.extensionContext.extensionUri.fsPath).finderFor(document);
  } catch (err) {
    ctx.log.warn(`TextMate comment finding is unavailable (${err instanceof Error ? err.message : String(err)}); using the comment-syntax table.`);
    return undefined;
  }
}
