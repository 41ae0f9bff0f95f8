/**
 * What hovering a position shows, decided offline before any request: nothing (not in a comment, or the comment
 * is already in the hover language), a note (too long for a hover), a link that translates on click, or an
 * automatic translation (one request, cached). Pure: the comment blocks come from core/comments, the language from
 * the offline detector.
 */
import type { CommentBlock } from '../comments/commentBlocks';
import { splitComment, type SplitComment } from '../comments/commentCodec';
import type { CommentSyntax } from '../comments/commentSyntax';
import { maskCode } from '../comments/protectedText';
import { CONFIDENT, detectLanguage } from '../language/languageDetection';
import { AUTO_SOURCE } from '../routing/prompts';
import { getLanguage } from '../language/languages';

export type HoverTrigger = 'automatic' | 'onDemand';

export interface HoverOptions {
  /** The language hovers translate into (a supported code, e.g. 'en'). */
  readonly targetLang: string;
  /** Longer prose is not translated in a hover (a note says how to translate it instead). */
  readonly maxChars: number;
  /** 'onDemand': nothing is sent until the user clicks the hover's "Translate" link. */
  readonly trigger: HoverTrigger;
}

/** The comment under the hover. */
export interface HoveredComment {
  /** Offsets of the whole comment (markers included) in the document. */
  readonly start: number;
  readonly end: number;
  /** The comment's text as in the document, for the never-overwrite check of "Replace with translation". */
  readonly original: string;
  readonly split: SplitComment;
}

export type HoverPlan =
  | { readonly kind: 'none'; readonly why: 'no-comment' | 'no-prose' | 'same-language' }
  | { readonly kind: 'tooLong'; readonly comment: HoveredComment; readonly length: number; readonly max: number }
  /** `automatic`: send now; otherwise show a link that sends on click. `sourceLang` may be AUTO_SOURCE. */
  | { readonly kind: 'translate'; readonly comment: HoveredComment; readonly sourceLang: string; readonly automatic: boolean };

/** The comment block containing `offset` (its markers included; the end of the block counts as outside). */
export function blockAt(blocks: readonly CommentBlock[], offset: number): CommentBlock | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid];
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end) lo = mid + 1;
    else return block;
  }
  return undefined;
}

/** `syntax`: the markers a comment finder saw, for a language the comment-syntax table lacks (commentSyntaxSeen). */
export function planCommentHover(text: string, blocks: readonly CommentBlock[], offset: number, languageId: string, options: HoverOptions, syntax?: CommentSyntax): HoverPlan {
  const block = blockAt(blocks, offset);
  if (!block) return { kind: 'none', why: 'no-comment' };
  const original = text.slice(block.start, block.end);
  const split = splitComment(original, languageId, syntax);
  const prose = split?.prose.trim() ?? '';
  // Nothing but code, URLs or markers (`// user_id`, `# https://…`): nothing a hover would translate.
  if (!split || prose === '' || !maskCode(prose).hasProse) return { kind: 'none', why: 'no-prose' };
  const comment: HoveredComment = { start: block.start, end: block.end, original, split };
  if (split.prose.length > options.maxChars) return { kind: 'tooLong', comment, length: split.prose.length, max: options.maxChars };
  const source = sourceOf(split.prose, options.targetLang);
  if (source === 'target') return { kind: 'none', why: 'same-language' };
  if (source === 'unknown') {
    // Short text in Latin letters only is most often English (and identifiers): an English hover language
    // translates it only on request, so hovering the comments of an English code base costs nothing.
    const automatic = options.trigger === 'automatic' && !(baseCode(options.targetLang) === 'en' && isPlainAscii(split.prose));
    if (!automatic && options.trigger === 'automatic') return { kind: 'none', why: 'same-language' };
    return { kind: 'translate', comment, sourceLang: AUTO_SOURCE, automatic };
  }
  return { kind: 'translate', comment, sourceLang: source.lang, automatic: options.trigger === 'automatic' };
}

/** The prose's language: the target itself, another known one, or not known for sure. */
function sourceOf(prose: string, targetLang: string): 'target' | 'unknown' | { readonly lang: string } {
  const detected = detectLanguage(prose);
  const target = baseCode(targetLang);
  if (!detected) return 'unknown';
  const lang = getLanguage(detected.lang)?.code ?? detected.lang;
  if (detected.confidence >= CONFIDENT) return baseCode(lang) === target ? 'target' : getLanguage(lang) ? { lang } : 'unknown';
  // Unsure, but the likeliest guesses include the hover language: show nothing rather than spend a request.
  const guesses = [detected.lang, ...detected.alternatives.map((a) => a.lang)].map(baseCode);
  return guesses.includes(target) ? 'target' : 'unknown';
}

function baseCode(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0];
}

function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e\s]*$/.test(text);
}
