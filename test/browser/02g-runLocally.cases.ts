// "Run locally" in the Hub view: a model with ONNX weights for a task the on-device runtime serves offers it; it pins
// the model with ":local" (that model, on this machine); a model without ONNX weights does not offer it.
import { strict as assert } from 'node:assert';
import { openDetails, resetHub, search } from './support/hubView';
import type { BrowserCase } from './support/types';
import { waitUntil } from './support/wait';

const ONNX_MODEL = 'Xenova/distilbert-base-uncased-finetuned-sst-2-english';
const PYTORCH_MODEL = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';

export const cases: BrowserCase[] = [
  {
    name: 'Hub view: "Run locally" is offered for an ONNX model and pins it to run on this machine; not for a PyTorch-only model',
    async run({ page }) {
      const hub = await resetHub(page);
      await search(hub, 'sst-2');
      const plain = await openDetails(hub, PYTORCH_MODEL);
      await plain.locator('vscode-button[aria-label="Use for task"]').waitFor({ state: 'visible' });
      assert.equal(await plain.locator('vscode-button[aria-label="Run locally"]').count(), 0, 'no ONNX weights: nothing to run here');
      await plain.locator('vscode-button[aria-label="Back"]').click();

      const details = await openDetails(hub, ONNX_MODEL);
      await details.locator('vscode-button[aria-label="Run locally"]').click();
      await details.locator('.use-for-task [role="status"]', { hasText: 'Runs on this machine for Sentiment' }).waitFor({ state: 'visible' });
      const pinLine = details.locator('.pins .pin-line').filter({ hasText: 'Pinned for Sentiment' });
      await pinLine.waitFor({ state: 'visible' });
      // The pin is the user's setting: undo it so the cases after this one route as before.
      await pinLine.locator('vscode-button[aria-label="Unpin"]').click();
      await waitUntil('the pin line to go', async () => (await pinLine.count()) === 0);
    },
  },
];
