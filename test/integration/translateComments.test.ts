// Translate Selection on code that mixes code and comments: only the comments are sent and rewritten; every line
// of code comes back byte for byte; one undo restores the file. Pure code is refused, nothing sent.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, select, undoOnce } from './support/documents';
import { inferenceRequests, runAction } from './support/product';

describe('translating the comments of a code selection', () => {
  productCases();

  it('a Python function with a docstring and a trailing comment: the comments change, the code does not', async () => {
    const original = [
      'def mean(values):',
      '    """The average of the values."""',
      '    total = sum(values)  # everything added up',
      '    return total / len(values)',
      '',
    ].join('\n');
    const editor = await openDocument(original, 'python');
    select(editor, original.trimEnd());
    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assert.equal(result.status, 'applied', result.message);
    assert.match(result.message ?? '', /2 comments; the code is unchanged/);
    assert.equal(
      editor.document.getText(),
      ['def mean(values):', '    """[es] The average of the values."""', '    total = sum(values)  # [es] everything added up', '    return total / len(values)', ''].join('\n'),
    );
    const sent = (await inferenceRequests()).map((r) => JSON.stringify(r.body));
    assert.equal(sent.length, 2, 'one request per comment');
    assert.ok(sent.every((b) => !b.includes('def mean') && !b.includes('return total')), `no code was sent: ${sent.join(' | ')}`);
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), original);
  });

  it('a short comment whose language cannot be detected goes to a model that needs no source language, without asking', async () => {
    const original = 'x = 1  # muy bien\n';
    const editor = await openDocument(original, 'python');
    select(editor, original.trimEnd());
    const result = await runAction('translateSelection', { targetLang: 'en' });
    assert.equal(result.status, 'applied', result.message);
    assert.match(result.message ?? '', /from an undetected language to English/);
    assert.equal(result.decision?.chosen?.model, 'Helsinki-NLP/opus-mt-mul-en');
    assert.match(result.decision?.chosen?.why ?? '', /source language not detected/);
    assert.equal(editor.document.getText(), 'x = 1  # [en] muy bien\n');
  });

  it('code without comments is refused and nothing is sent', async () => {
    const original = 'const total = values.reduce((a, b) => a + b, 0);\n';
    const editor = await openDocument(original, 'typescript');
    select(editor, original.trimEnd());
    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assert.equal(result.status, 'refused');
    assert.match(result.message ?? '', /no comments to translate/);
    assert.deepEqual(await inferenceRequests(), []);
    assert.equal(editor.document.getText(), original);
  });
});
