// The tokenizer library (@huggingface/tokenizers, the dist/tokenizers.js chunk) on the fixture's byte-level BPE.
// The expected counts follow from test/fixtures/tokenizers/make-tiny-bpe.mjs: each listed word is one token,
// alone and after a space (`Ġword`); j, k, q, x, z and digits are in no merge, so each such byte is a token;
// a space before such a letter stays a token of its own (`Ġ`); `<|end_of_text|>` is one special token.
import { strict as assert } from 'node:assert';
import { createTokenizer } from '../../../../src/core/tokens/tokenizerLibrary';
import { tinyTokenizerJson } from '../../../fake-hf/repoFiles';

describe('core/tokens/tokenizerLibrary: counting with the fixture tokenizer', () => {
  const tokenizer = createTokenizer(tinyTokenizerJson());

  it('counts vocabulary words as one token each, after a space too', () => {
    assert.equal(tokenizer.count('hello world'), 2); // hello, Ġworld
    assert.equal(tokenizer.count('Hugging Face model'), 3); // Hugging, ĠFace, Ġmodel
    assert.equal(tokenizer.count('function count() {'), 4); // function, Ġcount, (), Ġ{
  });

  it('splits unmerged letters and digits into one token per byte', () => {
    assert.equal(tokenizer.count('zqx'), 3);
    assert.equal(tokenizer.count('hello zqx'), 5); // hello, Ġ, z, q, x
    assert.equal(tokenizer.count('12345'), 5);
    assert.equal(tokenizer.count('const x = 42;'), 8); // const, Ġ, x, Ġ=, Ġ, 4, 2, ;
  });

  it('counts bytes, not characters, outside ASCII', () => {
    assert.equal(tokenizer.count('é'), 2); // two UTF-8 bytes
    assert.equal(tokenizer.count('\u{1F600}'), 4); // four UTF-8 bytes, although two UTF-16 units
  });

  it('counts a special token in the text as one token, and adds none of its own', () => {
    assert.equal(tokenizer.count('<|end_of_text|>hello'), 2);
    assert.equal(tokenizer.count(''), 0);
  });

  it('throws on a file that is not a tokenizer', () => {
    assert.throws(() => createTokenizer('{"model": 1}'));
    assert.throws(() => createTokenizer('not json'));
  });
});

describe('core/tokens/tokenizerLibrary: the faster ByteLevel step', () => {
  it('tokenizes exactly as the library does, on ASCII, accents, emoji, lone surrogates and a prefix space', async () => {
    const { Tokenizer } = await import('@huggingface/tokenizers');
    const texts = [
      'hello world',
      "const x = 42; // it's naïve café 😀 日本語 \u{1F468}\u{200D}\u{1F469}",
      'lone \uD800 surrogate \uDC00 here',
      '\n\n  indented\ttabs  and   spaces\r\n',
      'hello '.repeat(30_000),
    ];
    for (const prefixSpace of [false, true]) {
      const config = JSON.parse(tinyTokenizerJson()) as { pre_tokenizer: Record<string, unknown> };
      config.pre_tokenizer = { ...config.pre_tokenizer, add_prefix_space: prefixSpace };
      const reference = new Tokenizer(config, {});
      // A Sequence, as Llama 3 has it, so the step inside one is found too.
      const sequenced = { ...config, pre_tokenizer: { type: 'Sequence', pretokenizers: [config.pre_tokenizer] } };
      for (const json of [JSON.stringify(config), JSON.stringify(sequenced)]) {
        const fast = createTokenizer(json);
        for (const text of texts) {
          assert.equal(fast.count(text), reference.tokenize(text, { add_special_tokens: false }).length, JSON.stringify(text.slice(0, 40)));
        }
      }
    }
  });
});
