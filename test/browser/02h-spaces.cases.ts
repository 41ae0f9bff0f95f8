// A Space's dashboard in the Hub view: its runtime (stage, hardware) with Logs and Restart, and its log followed live
// into an output channel. Screenshots of both for the README.
import { join } from 'node:path';
import { VALID_TOKEN } from '../fake-hf/state';
import { HUB, openDetails, resetHub, search, selectTab } from './support/hubView';
import type { BrowserCase } from './support/types';
import { waitUntil } from './support/wait';
import { clearNotifications, runFromCommandPalette, signInFromPalette } from './support/workbench';

const SPACE = 'fake-org/static-page';

export const cases: BrowserCase[] = [
  {
    name: 'Space dashboard: the details show the runtime with Logs and Restart; Logs follows the log into an output channel (screenshots)',
    async run({ page, repoRoot }) {
      await signInFromPalette(page, VALID_TOKEN);
      const hub = await resetHub(page);
      await selectTab(hub, 'Spaces');
      await search(hub, 'static-page');
      const details = await openDetails(hub, SPACE);
      await details.locator('vscode-button[aria-label="Logs"]').waitFor({ state: 'visible' });
      await details.locator('vscode-button[aria-label="Restart"]').waitFor({ state: 'visible' });
      await waitUntil('the runtime stage', async () => /Running/i.test(await details.innerText()));
      await clearNotifications(page);
      await page.locator('.part.sidebar').screenshot({ path: join(repoRoot, 'media', 'screenshots', 'space-dashboard.png') });
      try {
        await details.locator('vscode-button[aria-label="Logs"]').click();
        const panel = page.locator('.part.panel');
        await waitUntil('the Space\'s run log in the output panel', async () => (await panel.isVisible()) && /Running\s+on\s+local\s+URL/.test(await panel.innerText()), 30_000);
        await page.screenshot({ path: join(repoRoot, 'media', 'screenshots', 'space-logs.png') });
      } finally {
        await runFromCommandPalette(page, 'Hugging Face: Stop Following Space Logs').catch(() => undefined);
        await runFromCommandPalette(page, 'View: Close Panel').catch(() => undefined);
        await hub.locator(`${HUB.details} vscode-button[aria-label="Back"]`).click().catch(() => undefined);
      }
    },
  },
];
