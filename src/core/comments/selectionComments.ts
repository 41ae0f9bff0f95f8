/**
 * Translating the comments of a selection that mixes code and comments: each comment (a block comment or
 * docstring, a run of whole-line comments, a comment trailing code) is split into syntax and prose by
 * commentCodec.ts; only the prose is sent, and every byte outside the comments comes back as it was. Pure.
 */
import { blocksOfSpans, type BlockOptions } from './commentBlocks';
import { findCommentSpans } from './commentSpans';
import type { CommentSyntax } from './commentSyntax';
import { commentSyntaxSeen } from './seenSyntax';
import { maskCode } from './protectedText';
import { splitComment, type SplitComment } from './commentCodec';

export interface CommentPiece {
  readonly start: number;
  readonly end: number;
  readonly split: SplitComment;
}

/**
 * The comments of `text` that have prose to translate, in order; with `strings`, also the string literals that read
 * as prose (at least two words: not keys, ids, paths or format codes).
 */
export function commentsIn(text: string, languageId: string, options: BlockOptions = {}): CommentPiece[] {
  const spans = findCommentSpans(text, languageId, options, options.finder);
  // A language the table does not know: its comments' markers are the ones the finder saw.
  const syntax = commentSyntaxSeen(languageId, options.finder ? spans : undefined);
  return blocksOfSpans(text, spans).flatMap((block) => {
    const split = splitComment(text.slice(block.start, block.end), languageId, syntax);
    if (!split || split.prose.trim() === '') return [];
    if (block.kind === 'string' && !readsAsProse(split.prose)) return [];
    return [{ start: block.start, end: block.end, split }];
  });
}

/**
 * The syntax to split `text`'s comments with: the table's, or for a language it does not know, the markers the
 * finder sees in `text` (Translate Selection of exactly one comment).
 */
export function commentSyntaxIn(text: string, languageId: string, options: BlockOptions = {}): CommentSyntax {
  return commentSyntaxSeen(languageId, options.finder ? findCommentSpans(text, languageId, { ...options, strings: true }, options.finder) : undefined);
}

/** Two words of letters with a space between, outside code, URLs and identifiers ("File not found", not "user_id" or "%s: %d"). */
function readsAsProse(content: string): boolean {
  const masked = maskCode(content);
  return masked.hasProse && (/\p{L}{2,}[\s,;:]+\p{L}{2,}/u.test(masked.text) || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]{2,}/u.test(masked.text));
}

/**
 * `text` with each piece rebuilt around its translation (`translate` maps a piece's prose to its translation);
 * the text between the pieces is copied unchanged.
 */
export function withTranslatedComments(text: string, pieces: readonly CommentPiece[], translate: (prose: string) => string): string {
  let out = '';
  let at = 0;
  for (const piece of pieces) {
    out += text.slice(at, piece.start) + piece.split.rebuild(translate(piece.split.prose));
    at = piece.end;
  }
  return out + text.slice(at);
}
