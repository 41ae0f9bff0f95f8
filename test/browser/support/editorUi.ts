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

/**
 * Closes every editor, discarding changes: "View: Close All Editors", answering "Don't Save" when VS Code asks
 * about unsaved ones. (Clicking a dirty tab to revert it one by one can hit the tab's close button, whose dialog
 * then makes the whole workbench inert.)
 */
export async function closeAllEditorsDiscarding(page: Page): Promise<void> {
  const tabs = page.locator('.part.editor .tabs-container .tab');
  const dialog = page.locator('.monaco-dialog-box');
  const dontSave = dialog.locator('.monaco-button', { hasText: "Don't Save" });
  for (let guard = 0; guard < 10 && (await tabs.count()) > 0; guard++) {
    if (!(await dialog.isVisible())) await runFromCommandPalette(page, 'View: Close All Editors');
    const asked = await waitUntil('the editors to close, or VS Code to ask about unsaved changes', async () => {
      if (await dialog.isVisible()) return 'asked';
      return (await tabs.count()) === 0 ? 'closed' : undefined;
    });
    if (asked === 'asked') await dontSave.click();
  }
  await waitUntil('every editor to be closed', async () => (await page.locator('.part.editor .tabs-container .tab').count()) === 0);
}
