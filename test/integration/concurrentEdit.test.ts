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

  /** Closes the document (reverted first: it is an untitled one) while the request is held. */
  async function closeDocument(editor: vscode.TextEditor): Promise<void> {
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }

  it('a document closed while Ask runs gets its answer in a preview, and says so', async () => {
    const held = await HeldChatEndpoint.start();
    const restore = await setSetting('endpoints', held.setting(['question-answering']));
    try {
      const editor = await openDocument('Ada Lovelace wrote the first program in 1843.\n');
      select(editor);
      const running = startAction('askAboutSelection', { question: 'When was the first program written?' });
      await held.waitForRequest();
      await closeDocument(editor);
      held.finish('1843');
      const result = await within('the answer', running, 30_000);
      assert.equal(result?.status, 'preview', result?.message);
      assert.match(result.message ?? '', /not highlighted because the document was closed/);
      assert.ok(previewTexts().some((t) => t.includes('1843') && t.includes('When was the first program written?')), JSON.stringify(previewTexts()));
    } finally {
      await restore();
      await held.dispose();
    }
  });

  it('a document closed while Extract Named Entities runs gets the entities in a preview, and says so', async () => {
    const held = await HeldChatEndpoint.start();
    const restore = await setSetting('endpoints', held.setting(['ner']));
    try {
      const editor = await openDocument('Ada Lovelace lived in London.\n');
      select(editor);
      const running = startAction('extractEntities');
      await held.waitForRequest();
      await closeDocument(editor);
      held.finish('[{"entity_group": "PER", "word": "Ada Lovelace"}, {"entity_group": "LOC", "word": "London"}]');
      const result = await within('the entities', running, 30_000);
      assert.equal(result?.status, 'preview', result?.message);
      assert.match(result.message ?? '', /not marked because the document was closed/);
      assert.ok(previewTexts().some((t) => t.includes('| Ada Lovelace | PER |') && t.includes('| London | LOC |')), JSON.stringify(previewTexts()));
    } finally {
      await restore();
      await held.dispose();
    }
  });
});
