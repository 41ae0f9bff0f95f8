// The user edits the selected text while its request runs: the result must not overwrite that edit.
// It goes to a preview instead (status 'preview') and the message says why.
// The request is held by a local endpoint until the edit is made (support/heldEndpoint.ts), so "while the request
// runs" does not depend on timing; a fake `slow` fault would make it a race between the edit and the delay.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { openDocument, previewTexts, select } from './support/documents';
import { HeldChatEndpoint } from './support/heldEndpoint';
import { setSetting, startAction } from './support/product';
import { within } from './support/waits';

describe('an edit made while a request runs', () => {
  productCases();

  it('is not overwritten by the translation, which goes to a preview instead', async () => {
    const held = await HeldChatEndpoint.start();
    const restore = await setSetting('endpoints', held.setting(['translate']));
    try {
      const sentence = 'The meeting moved to Thursday afternoon.';
      const original = `Note:\n${sentence}\nEnd.\n`;
      const editor = await openDocument(original);
      const selection = select(editor, sentence);
      const running = startAction('translateSelection', { targetLang: 'fr', sourceLang: 'en' });
      await held.waitForRequest();

      const edited = 'The meeting moved to Friday morning.';
      const edit = new vscode.WorkspaceEdit();
      edit.replace(editor.document.uri, selection, edited);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the concurrent edit was applied');
      const expected = `Note:\n${edited}\nEnd.\n`;
      assert.equal(editor.document.getText(), expected);

      const translation = 'La réunion a été déplacée à jeudi après-midi.';
      held.finish(translation);
      const result = await within('the translation', running, 30_000);
      assert.equal(result?.status, 'preview', result?.message);
      assert.equal(result.decision?.chosen?.model, 'held-model');
      assert.match(result.message ?? '', /not written because/);
      assert.equal(editor.document.getText(), expected, 'the edit made during the request must survive');
      assert.ok(previewTexts().includes(translation), `preview documents: ${JSON.stringify(previewTexts())}`);
    } finally {
      await restore();
      await held.dispose();
    }
  });
});
