// The Hub view's "Yours" scope in the real workbench against the fake Hub (whoami: fake-user, member of fake-org):
// signed out it explains how to sign in; signed in it lists the user's repos, private ones marked, with their details.
import { strict as assert } from 'node:assert';
import { VALID_TOKEN } from '../fake-hf/state';
import { closeAllEditorsDiscarding } from './support/editorUi';
import { HUB, chooseOption, openDetails, resetHub, search } from './support/hubView';
import type { BrowserCase } from './support/types';
import { waitUntil } from './support/wait';
import { answerQuickInput, clearNotifications, runFromCommandPalette, signInFromPalette, waitForNotification } from './support/workbench';

export const cases: BrowserCase[] = [
  {
    name: 'the "Yours" scope signed out explains how to sign in, and its Sign in button signs in and lists your repos',
    async run({ page }) {
      await closeAllEditorsDiscarding(page);
      await runFromCommandPalette(page, 'Hugging Face: Sign Out');
      await clearNotifications(page);
      const hub = await resetHub(page);
      await chooseOption(hub, 'Whose repos', 'Yours');
      const state = hub.locator('.state-yours');
      await state.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await state.innerText(), /your models, datasets and Spaces[\s\S]*Sign in with a Hugging Face access token/);
      assert.equal(await hub.locator(`${HUB.row}:visible`).count(), 0, 'no rows while signed out');

      await state.locator('vscode-button[aria-label="Sign in"]').click();
      await answerQuickInput(page, VALID_TOKEN);
      await waitForNotification(page, 'Signed in to Hugging Face as');
      await state.waitFor({ state: 'hidden', timeout: 30_000 });
      const ids = await waitUntil('your repos listed', async () => {
        const rows = await hub.locator(HUB.row).evaluateAll((els) => els.map((r) => r.getAttribute('title') ?? ''));
        return rows.length > 0 ? rows : undefined;
      });
      assert.ok(ids.every((id) => id.startsWith('fake-user/') || id.startsWith('fake-org/')), `rows: ${ids.join(', ')}`);
    },
  },
  {
    name: 'the "Yours" scope lists fake-user/private-model marked private, and its details open with Open in Explorer',
    async run({ page }) {
      await closeAllEditorsDiscarding(page);
      await signInFromPalette(page, VALID_TOKEN);
      const hub = await resetHub(page);
      await chooseOption(hub, 'Whose repos', 'Yours');
      const ids = await search(hub, 'private');
      assert.deepEqual(ids, ['fake-user/private-model']);
      const row = hub.locator(`${HUB.row}[title="fake-user/private-model"]`);
      const pill = row.locator('.pill-private');
      await pill.waitFor({ state: 'visible' });
      assert.equal(await pill.locator('.codicon-lock').count(), 1, 'a lock marks the private repo');

      const details = await openDetails(hub, 'fake-user/private-model');
      await details.locator('vscode-button[aria-label="Open in Explorer"]').waitFor({ state: 'visible' });
      assert.match(await details.innerText(), /private/i);

      // Back to everyone's repos, as the other cases expect to find the view.
      await details.locator('vscode-button[aria-label="Back"]').click();
      await resetHub(page);
    },
  },
];
