// Translate Selection on code that mixes code and comments: only the comments are sent and rewritten; every line
// of code comes back byte for byte; one undo restores the file. Pure code is refused, nothing sent.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, previewTexts, select, undoOnce } from './support/documents';
import { inferenceRequests, runAction, setSetting } from './support/product';

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

  it('with huggingFace.translate.includeStrings, a prose string literal is translated too (quotes kept); an id string is not', async () => {
    const restore = await setSetting('translate.includeStrings', true);
    try {
      const original = 'const message = "File not found, try again"; const key = "user_id"; // shown to the user\n';
      const editor = await openDocument(original, 'typescript');
      select(editor, original.trimEnd());
      const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
      assert.equal(result.status, 'applied', result.message);
      assert.equal(editor.document.getText(), 'const message = "[es] File not found, try again"; const key = "user_id"; // [es] shown to the user\n');
      assert.equal((await inferenceRequests()).length, 2);
    } finally {
      await restore();
    }
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

  it('Translate Comments in File: a diff first; Apply writes every comment in one undo step, the code unchanged', async () => {
    const original = [
      '/**',
      ' * Adds the numbers.',
      ' * @param values the numbers',
      ' */',
      'export function add(values: number[]): number {',
      '  // Start from zero.',
      '  return values.reduce((a, b) => a + b, 0); // the sum',
      '}',
      '',
    ].join('\n');
    const editor = await openDocument(original, 'typescript');
    const preview = await runAction('translateCommentsInFile', { targetLang: 'es', sourceLang: 'en', apply: false });
    assert.equal(preview.status, 'preview', preview.message);
    assert.equal(editor.document.getText(), original, 'Discard leaves the file alone');
    assert.ok(previewTexts().some((t) => t.includes(' * [es] Adds the numbers.') && t.includes('  // [es] Start from zero.')), 'the diff shows the translation');

    // The doc block is one request ("Adds the numbers.\nthe numbers"); the fake prefixes "[es] " once per request.
    const applied = await runAction('translateCommentsInFile', { targetLang: 'es', sourceLang: 'en', apply: true });
    assert.equal(applied.status, 'applied', applied.message);
    assert.match(applied.message ?? '', /^Translated 3 comments from English to Spanish; the code is unchanged\.$/);
    assert.equal(
      editor.document.getText(),
      [
        '/**',
        ' * [es] Adds the numbers.',
        ' * @param values the numbers',
        ' */',
        'export function add(values: number[]): number {',
        '  // [es] Start from zero.',
        '  return values.reduce((a, b) => a + b, 0); // [es] the sum',
        '}',
        '',
      ].join('\n'),
    );
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), original, 'one undo restores the file');
  });
});
