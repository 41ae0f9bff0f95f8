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
