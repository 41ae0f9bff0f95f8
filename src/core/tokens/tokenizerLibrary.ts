/**
 * What the extension uses of @huggingface/tokenizers (pure JavaScript, Apache-2.0). The bundle builds this
 * module as its own file (dist/tokenizers.js, see LAZY_CHUNKS in scripts/esbuild-plugins.cjs):
 * `loadTokenizerLibrary()` (src/lazyChunks.ts) brings it in on the first token count, so activation does not
 * parse the library.
 */
import { ByteLevelPreTokenizer, Tokenizer } from '@huggingface/tokenizers';
import type { CountingTokenizer } from './tokenCounter';

/** A tokenizer from a model's tokenizer.json (and tokenizer_config.json, when given); throws when it cannot be read. */
export function createTokenizer(json: string, configJson?: string): CountingTokenizer {
  const tokenizer = new Tokenizer(JSON.parse(json) as object, configJson === undefined ? {} : (JSON.parse(configJson) as object));
  speedUpByteLevel(tokenizer.pre_tokenizer);
  return { count: (text) => (text === '' ? 0 : tokenizer.tokenize(text, { add_special_tokens: false }).length) };
}

/** The fields of the library's ByteLevel pre-tokenizer (0.2.0) that its pre_tokenize_text reads. */
interface ByteLevelFields {
  add_prefix_space: boolean;
  use_regex: boolean;
  pattern: RegExp;
  byte_encoder: Readonly<Record<number, string>>;
  pre_tokenize_text(text: string): string[];
}

const MAX_MEMO = 20_000;

/**
 * The ByteLevel pre-tokenizer (Llama 3, Qwen, GPT-2 and most chat models) spends most of a count turning each
 * piece into its byte characters with a TextEncoder call per piece (about 40 ms of 55 for 100 KB of code). The
 * same mapping, with an ASCII fast path and a bounded memo of pieces, makes the count about 2.5 times faster;
 * the result is identical (test/unit/core/tokens/tokenizerLibrary.test.ts compares both on mixed text).
 */
export function speedUpByteLevel(preTokenizer: unknown): void {
  if (preTokenizer instanceof ByteLevelPreTokenizer) {
    const level = preTokenizer as unknown as ByteLevelFields;
    const table = level.byte_encoder;
    const encoder = new TextEncoder();
    const memo = new Map<string, string>();
    const bytesOf = (piece: string): string => {
      const known = memo.get(piece);
      if (known !== undefined) return known;
      let out = '';
      let ascii = true;
      for (let i = 0; i < piece.length; i++) {
        const code = piece.charCodeAt(i);
        if (code > 127) {
          ascii = false;
          break;
        }
        out += table[code];
      }
      if (!ascii) {
        out = '';
        for (const byte of encoder.encode(piece)) out += table[byte];
      }
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(piece, out);
      return out;
    };
    level.pre_tokenize_text = (text: string): string[] => {
      const input = level.add_prefix_space && !text.startsWith(' ') ? ` ${text}` : text;
      const pieces = level.use_regex ? (input.match(level.pattern) ?? []) : [input];
      return pieces.map(bytesOf);
    };
    return;
  }
  // A Sequence (Llama 3: a Split by regex, then ByteLevel without its own regex) holds its steps in `tokenizers`.
  const steps = (preTokenizer as { tokenizers?: unknown } | null)?.tokenizers;
  if (Array.isArray(steps)) steps.forEach(speedUpByteLevel);
}
