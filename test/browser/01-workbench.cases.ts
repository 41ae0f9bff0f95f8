import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { BrowserCase } from './support/types';
import {
  SELECTORS, editorTabLabels, runFromCommandPalette, setThemeKind, themeKind, waitForNewEditorTab, waitForWorkbench,
} from './support/workbench';

export const cases: BrowserCase[] = [
  {
    name: 'the workbench loads with the workspace folder in the explorer',
    async run({ page, artifactsDir }) {
      await waitForWorkbench(page);
      const row = page.locator(SELECTORS.explorerRow, { hasText: 'sample.md' });
      if (!(await row.isVisible())) await page.keyboard.press('Control+Shift+E');
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      await page.screenshot({ path: join(artifactsDir, 'workbench.png') });
    },
  },
  {
    name: 'the command palette runs "Hugging Face: Show Health" and a document opens',
    async run({ page, artifactsDir }) {
      const before = await editorTabLabels(page);
      await runFromCommandPalette(page, 'Hugging Face: Show Health');
      const opened = await waitForNewEditorTab(page, before);
      assert.ok(opened.length > 0);
      await page.screenshot({ path: join(artifactsDir, 'show-health.png') });
    },
  },
  {
    // The helpers the Hub view's README screenshots rely on: switch themes at run time and capture each.
    name: 'the workbench switches between a dark and a light theme',
    async run({ page, artifactsDir }) {
      for (const kind of ['dark', 'light'] as const) {
        await setThemeKind(page, kind);
        assert.equal(await themeKind(page), kind);
        await page.screenshot({ path: join(artifactsDir, `workbench-${kind}.png`) });
      }
    },
  },
];
