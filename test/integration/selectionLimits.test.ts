// Selections that cannot be sent are refused before any request, with a message that says what to do.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, placeCursor, select } from './support/documents';
import { inferenceRequests, runAction } from './support/product';

describe('selection limits', () => {
  productCases();

  it('an empty selection is refused with "Select some text first"', async () => {
    const editor = await openDocument('Some text, none of it selected.\n');
    placeCursor(editor, 4);
    const result = await runAction('summarizeSelection', { output: 'preview' });
    assert.equal(result.status, 'refused');
    assert.equal(result.message, 'Select some text first: this action works on the selection.');
    assert.deepEqual(await inferenceRequests(), []);
  });

  it('a selection longer than huggingface.maxSelectionChars is refused and names the limit and the setting', async () => {
    const huge = 'word '.repeat(4_001); // 20 005 characters, the default limit is 20 000
    const editor = await openDocument(huge);
    select(editor);
    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assert.equal(result.status, 'refused');
    assert.equal(
      result.message,
      'The selection has 20005 characters; the limit is 20000. Select less text, or raise "huggingface.maxSelectionChars".',
    );
    assert.equal(editor.document.getText(), huge);
    assert.deepEqual(await inferenceRequests(), []);
  });
});
