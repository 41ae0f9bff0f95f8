/**
 * Translating the comments of a selection that mixes code and comments: each comment (a block comment or
 * docstring, a run of whole-line comments, a comment trailing code) is split into syntax and prose by
 * commentCodec.ts; only the prose is sent, and every byte outside the comments comes back as it was. Pure.
 */
import { commentBlocks } from './commentBlocks';
import { splitComment, type SplitComment } from './commentCodec';

export interface CommentPiece {
  readonly start: number;
  readonly end: number;
  readonly split: SplitComment;
}

/** The comments of `text` that have prose to translate, in order. */
export function commentsIn(text: string, languageId: string): CommentPiece[] {
  return commentBlocks(text, languageId).flatMap((block) => {
    const split = splitComment(text.slice(block.start, block.end), languageId);
    return split && split.prose.trim() !== '' ? [{ start: block.start, end: block.end, split }] : [];
  });
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
