// Editor-side steps of the browser cases, done the way a user does them: Quick Open, Go to Line, selecting with
// the keyboard, the command palette, and reading what the editor shows.
import type { Page } from 'playwright-core';
import { waitUntil } from './wait';
import { runFromCommandPalette } from './workbench';

/**
 * A new untitled editor holding `text`, typed with the keyboard and then selected (Ctrl+A). Untitled, so nothing
 * is written to the workspace (code-server saves files automatically); waits until the status bar reports the
 * selection.
 */
export async function typeIntoNewUntitled(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  await runFromCommandPalette(page, 'File: New Untitled Text File', timeoutMs);
  await page.locator('.part.editor .monaco-editor.focused').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(text);
  await page.keyboard.press('Control+A');
  const selected = page.locator('.part.statusbar', { hasText: `(${text.length} selected)` });
  await selected.waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The text of every visible editor, whitespace collapsed (Monaco wraps long lines and renders no-break spaces). */
export async function visibleEditorTexts(page: Page): Promise<string[]> {
  const texts = await page.locator('.part.editor .editor-instance .view-lines').allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits until some visible editor shows text matching `pattern` (matched against collapsed whitespace). */
export async function waitForEditorText(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitUntil(`an editor to show ${pattern}`, async () => (await visibleEditorTexts(page)).find((t) => pattern.test(t)), timeoutMs);
}

/** Closes every editor, discarding changes ("View: Revert and Close Editor" on each dirty one first). */
export async function closeAllEditorsDiscarding(page: Page): Promise<void> {
  const dirty = page.locator('.part.editor .tabs-container .tab.dirty');
  for (let guard = 0; guard < 20 && (await dirty.count()) > 0; guard++) {
    await dirty.first().click();
    await runFromCommandPalette(page, 'View: Revert and Close Editor');
  }
  await runFromCommandPalette(page, 'View: Close All Editors');
  await waitUntil('every editor to be closed', async () => (await page.locator('.part.editor .tabs-container .tab').count()) === 0);
}
