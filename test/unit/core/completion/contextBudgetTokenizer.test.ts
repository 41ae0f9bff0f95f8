import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitContext } from '../../../../src/core/completion/contextBudget';
import { createTokenizer } from '../../../../src/core/tokens/tokenizerLibrary';

// The context budget counted with a real tokenizer (the tiny byte-level BPE fixture the fake serves): the fitted
// prefix and suffix stay within the budget in that tokenizer's tokens, and keep the lines nearest the cursor.
const fixture = readFileSync(join(__dirname, '../../../../../test/fixtures/tokenizers/tiny-bpe.json'), 'utf8');

describe('core/completion: the context budget with a real tokenizer', () => {
  const tokenizer = createTokenizer(fixture);
  const count = (text: string): number => tokenizer.count(text);
  const lines = Array.from({ length: 400 }, (_, i) => `const value${i} = compute(${i}, "item ${i}");`);
  const prefix = `${lines.slice(0, 300).join('\n')}\nconst total = `;
  const suffix = `;\n${lines.slice(300).join('\n')}\n`;

  it('fits prefix and suffix within the budget in the tokenizer\'s own tokens, nearest lines kept', () => {
    const fitted = fitContext({ prefix, suffix, maxTokens: 600, countTokens: count });
    assert.ok(count(fitted.prefix) + count(fitted.suffix) <= 600, `${count(fitted.prefix)} + ${count(fitted.suffix)} tokens`);
    assert.ok(fitted.prefix.endsWith('const value299 = compute(299, "item 299");\nconst total = '), 'the line before the cursor and the cursor line kept');
    assert.ok(fitted.suffix.startsWith(';\nconst value300'), 'the line after the cursor kept');
    assert.equal(fitted.truncatedPrefix, true);
    assert.ok(count(fitted.prefix) > 300, 'the budget is used, not wasted');
  });

  it('counts differ from the 4-characters estimate (so fitting with the tokenizer matters)', () => {
    const sample = lines.slice(0, 20).join('\n');
    assert.notEqual(count(sample), Math.ceil(sample.length / 4));
  });
});
