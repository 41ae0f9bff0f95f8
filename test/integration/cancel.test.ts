// Cancelling a running action ("Cancel Running Requests", the same as the progress notification's Cancel) leaves
// the document exactly as it was: before any text arrived, and in the middle of a streamed insertion.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { openDocument, placeCursor, select } from './support/documents';
import { HeldChatEndpoint } from './support/heldEndpoint';
import { fake, inferenceRequests, requestedModel, setSetting, startAction } from './support/product';
import { watchInsertions } from './support/streams';
import { waitFor, within } from './support/waits';

async function cancelRunning(): Promise<number> {
  const outcome = await vscode.commands.executeCommand<{ cancelled: number }>('huggingface.cancelRunningRequests');
  return outcome?.cancelled ?? 0;
}

describe('cancelling a running action', () => {
  productCases();

  it('while the model has not answered yet: status cancelled, the document untouched', async () => {
    const model = 'Helsinki-NLP/opus-mt-en-de';
    await fake().setFault({ listener: 'router', model }, { type: 'slow', delayMs: 60_000 });
    const sentence = 'This sentence is waiting for a very slow translation model.';
    const original = `${sentence}\n`;
    const editor = await openDocument(original);
    select(editor, sentence);
    const running = startAction('translateSelection', { targetLang: 'de', sourceLang: 'en' });
    await waitFor(`a request to ${model}`, async () => (await inferenceRequests()).some((r) => requestedModel(r) === model));
    assert.equal(await cancelRunning(), 1, 'one request was running');
    const result = await within('the cancelled translation', running, 20_000);
    assert.equal(result?.status, 'cancelled', result?.message);
    assert.equal(editor.document.getText(), original);
  });

  it('in the middle of a streamed insertion: status cancelled, the inserted part removed again', async () => {
    const held = await HeldChatEndpoint.start();
    const restore = await setSetting('endpoints', held.setting(['generate-code']));
    try {
      const original = 'export const before = 1;\n';
      const editor = await openDocument(original, 'typescript');
      placeCursor(editor);
      const changes = watchInsertions(editor.document);
      const running = startAction('generateCode', { instruction: 'two constants, slowly' });
      await held.waitForRequest();
      held.send('export const first = 1;\n');
      await within('the first piece to reach the document', changes.firstInsertion, 30_000);
      held.send('export const second = 2;\n');
      await waitFor('the second piece in the document', () => editor.document.getText().includes('second'));
      changes.dispose();
      assert.equal(editor.document.getText(), `${original}export const first = 1;\nexport const second = 2;\n`);

      // The reply is not finished: the endpoint holds the stream open until the case ends it.
      assert.equal(await cancelRunning(), 1, 'the streamed request was running');
      const result = await within('the cancelled generation', running, 30_000);
      assert.equal(result?.status, 'cancelled', result?.message);
      assert.equal(editor.document.getText(), original, 'the streamed part was taken out again');
      await held.waitForClientToLeave();
      assert.deepEqual(held.requests, ['/v1/chat/completions']);
    } finally {
      await restore();
      await held.dispose();
    }
  });
});
