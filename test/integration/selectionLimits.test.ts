// Selections that cannot be sent are refused before any request, with a message that says what to do; with nothing
// selected, the actions work on the comment, paragraph or line under the cursor and say so.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, placeCursor, select, undoOnce } from './support/documents';
import { fake, inferenceRequests, runAction } from './support/product';

const NOTHING_UNDER_CURSOR = 'Select some text first, or put the cursor in a comment, a paragraph or a line with text.';

describe('selection limits', () => {
  productCases();

  it('an empty selection on a blank line is refused with "Select some text first", nothing sent', async () => {
    const editor = await openDocument('Some text above.\n\nSome text below.\n');
    placeCursor(editor, 'Some text above.\n'.length);
    const result = await runAction('summarizeSelection', { output: 'preview' });
    assert.equal(result.status, 'refused');
    assert.equal(result.message, NOTHING_UNDER_CURSOR);
    assert.deepEqual(await inferenceRequests(), []);
  });

  it('with nothing selected, Translate works on the comment under the cursor: only it changes, one undo restores', async () => {
    const original = 'def mean(values):\n    # The average of the values.\n    return sum(values) / len(values)\n';
    const editor = await openDocument(original, 'python');
    placeCursor(editor, original.indexOf('average'));
    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assert.equal(result.status, 'applied', result.message);
    assert.match(result.message ?? '', /comment under the cursor/);
    assert.equal(editor.document.getText(), 'def mean(values):\n    # [es] The average of the values.\n    return sum(values) / len(values)\n');
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), original);
  });

  it('with nothing selected, Summarize works on the paragraph under the cursor and Sentiment on the code line', async () => {
    const prose = 'The first paragraph talks about the weather.\n\nThe second paragraph is about trains. It has two sentences.\n\nThe third one.\n';
    const editor = await openDocument(prose);
    placeCursor(editor, prose.indexOf('trains'));
    const summary = await runAction('summarizeSelection', { output: 'preview' });
    assert.equal(summary.status, 'preview', summary.message);
    assert.match(summary.message ?? '', /paragraph under the cursor/);
    const sent = (await inferenceRequests()).map((r) => JSON.stringify(r.body));
    assert.equal(sent.length, 1);
    assert.ok(sent[0].includes('The second paragraph is about trains. It has two sentences.'), sent[0]);
    assert.ok(!sent[0].includes('weather') && !sent[0].includes('third'), `only the paragraph was sent: ${sent[0]}`);
    assert.equal(editor.document.getText(), prose, 'a preview leaves the file alone');

    await fake().reset();
    const code = 'x = 1\nprint("I love this wonderful editor")\ny = 2\n';
    const pyEditor = await openDocument(code, 'python');
    placeCursor(pyEditor, code.indexOf('wonderful'));
    const sentiment = await runAction('classifySentiment');
    assert.equal(sentiment.status, 'applied', sentiment.message);
    assert.match(sentiment.message ?? '', /line under the cursor/);
    const body = JSON.stringify((await inferenceRequests())[0]?.body);
    assert.ok(body.includes('print(\\"I love this wonderful editor\\")') && !body.includes('x = 1'), body);
  });

  it('a selection longer than huggingFace.maxSelectionChars is refused and names the limit and the setting', async () => {
    const huge = 'word '.repeat(4_001); // 20 005 characters, the default limit is 20 000
    const editor = await openDocument(huge);
    select(editor);
    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assert.equal(result.status, 'refused');
    assert.equal(
      result.message,
      'The selection has 20005 characters; the limit is 20000. Select less text, or raise "huggingFace.maxSelectionChars".',
    );
    assert.equal(editor.document.getText(), huge);
    assert.deepEqual(await inferenceRequests(), []);
  });
});
