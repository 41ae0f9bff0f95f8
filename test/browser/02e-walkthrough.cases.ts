// The walkthrough in the real Welcome page: it opens from "Welcome: Open Walkthrough…" and lists its steps.
import { closeAllEditorsDiscarding } from './support/editorUi';
import type { BrowserCase } from './support/types';
import { waitUntil } from './support/wait';
import { SELECTORS, runFromCommandPalette } from './support/workbench';

export const cases: BrowserCase[] = [
  {
    name: 'the "Get started with Hugging Face" walkthrough opens from the Welcome page and lists its five steps',
    async run({ page }) {
      await closeAllEditorsDiscarding(page);
      try {
        await runFromCommandPalette(page, 'Welcome: Open Walkthrough...');
        const row = page.locator(SELECTORS.quickInputRow, { hasText: 'Get started with Hugging Face' }).first();
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        await row.click();
        const steps = ['Sign in with your token', 'Translate text and comments', 'Browse the Hub', 'Choose a completion model', 'Hugging Face in chat and @hf'];
        await waitUntil('the walkthrough\'s steps', async () => {
          const text = (await page.locator('.part.editor').innerText()).replace(/\s+/g, ' ');
          return steps.every((s) => text.includes(s));
        }, 30_000);
      } finally {
        // The step's page is a webview that keeps the palette's keys: close the Welcome tab with its own button.
        const tab = page.locator('.part.editor .tabs-container .tab', { hasText: 'Welcome' });
        // (A middle click on a tab closes it, as in any VS Code.)
        if ((await tab.count()) > 0) await tab.first().click({ button: 'middle' });
        await closeAllEditorsDiscarding(page);
      }
    },
  },
];
