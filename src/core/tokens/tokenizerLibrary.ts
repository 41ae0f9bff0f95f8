/**
 * What the extension uses of @huggingface/tokenizers (pure JavaScript, Apache-2.0). The bundle builds this
 * module as its own file (dist/tokenizers.js, see LAZY_CHUNKS in scripts/esbuild-plugins.cjs):
 * `loadTokenizerLibrary()` (src/lazyChunks.ts) brings it in on the first token count, so activation does not
 * parse the library.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import type { CountingTokenizer } from './tokenCounter';

/** A tokenizer from a model's tokenizer.json (and tokenizer_config.json, when given); throws when it cannot be read. */
export function createTokenizer(json: string, configJson?: string): CountingTokenizer {
  const tokenizer = new Tokenizer(JSON.parse(json) as object, configJson === undefined ? {} : (JSON.parse(configJson) as object));
  return { count: (text) => (text === '' ? 0 : tokenizer.tokenize(text, { add_special_tokens: false }).length) };
}
