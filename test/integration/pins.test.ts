// Pins are visible and can be undone: Show Health and the status bar list them, "Show Pinned Models…" unpins them
// wherever they were set (user and workspace settings), and the next request is routed by the chain again.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { openDocument, previewTexts, select } from './support/documents';
import { inferenceRequests, requestedModel, runAction, setSetting } from './support/product';

interface Pin {
  readonly task: string;
  readonly model: string;
}

describe('pinned models', () => {
  productCases();

  it('Show Health lists a pin with its language pair, and "Show Pinned Models…" unpins it in user and workspace settings', async () => {
    const pinned = 'Helsinki-NLP/opus-mt-en-de';
    const restore = await setSetting('models.translate', pinned);
    const workspace = vscode.workspace.getConfiguration('huggingFace');
    await workspace.update('models.translate', pinned, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('huggingface.showHealth');
      assert.ok(
        previewTexts().some((t) => t.includes('## Pinned models') && t.includes(`Translate (en→de): ${pinned}`)),
        'the health report names the pin and its pair',
      );

      const left = await vscode.commands.executeCommand<readonly Pin[]>('huggingface.showPinnedModels', { unpin: ['translate'] });
      assert.deepEqual(left, []);
      const after = vscode.workspace.getConfiguration('huggingFace').inspect('models.translate');
      assert.equal(after?.globalValue, undefined, 'unpinned in the user settings');
      assert.equal(after?.workspaceValue, undefined, 'unpinned in the workspace settings too (it would still win)');

      // The chain decides again: an en→es request goes to the en→es model, not to the former pin.
      const sentence = 'The garden is quiet in the evening.';
      const editor = await openDocument(`${sentence}\n`);
      select(editor, sentence);
      const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
      assert.equal(result.status, 'applied', result.message);
      assert.deepEqual((await inferenceRequests()).map(requestedModel), ['Helsinki-NLP/opus-mt-en-es']);
    } finally {
      await vscode.workspace.getConfiguration('huggingFace').update('models.translate', undefined, vscode.ConfigurationTarget.Workspace);
      await restore();
    }
  });
});
