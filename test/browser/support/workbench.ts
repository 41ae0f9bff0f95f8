// Small, selector-level helpers for driving the VS Code web workbench (code-server 4.139 / VS Code 1.139).
import type { Locator, Page } from 'playwright-core';

export const SELECTORS = {
  workbench: '.monaco-workbench',
  activityBar: '.part.activitybar',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  editorTab: '.part.editor .tabs-container .tab',
} as const;

/** Waits until the workbench and its activity bar are rendered. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator(SELECTORS.workbench).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(SELECTORS.activityBar).waitFor({ state: 'visible', timeout: timeoutMs });
}

export async function editorTabLabels(page: Page): Promise<string[]> {
  return page.locator(SELECTORS.editorTab).evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? t.textContent ?? ''));
}

/** Rows whose label is exactly `title` (aria-label may add ", <keybinding>" or ", similar commands"). */
function paletteRow(page: Page, title: string): Locator {
  const label = JSON.stringify(title);
  const prefix = JSON.stringify(`${title},`);
  return page.locator(`${SELECTORS.quickInputRow}[aria-label=${label}], ${SELECTORS.quickInputRow}[aria-label^=${prefix}]`).first();
}

/**
 * Opens the command palette with F1, types `title`, and runs the row labelled exactly `title`: Enter when it is
 * the highlighted row, a click when a better fuzzy match sits above it.
 */
export async function runFromCommandPalette(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator(SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  const row = paletteRow(page, title);
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  const focused = ((await row.getAttribute('class')) ?? '').split(' ').includes('focused');
  if (focused) await input.press('Enter');
  else await row.click();
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: timeoutMs });
}

export type ThemeKind = 'light' | 'dark';

export async function themeKind(page: Page): Promise<ThemeKind> {
  const classes = ((await page.locator(SELECTORS.workbench).getAttribute('class')) ?? '').split(' ');
  return classes.includes('vs-dark') || classes.includes('hc-black') ? 'dark' : 'light';
}

/** Switches the workbench to a light or dark theme via "Preferences: Toggle between Light/Dark Themes". */
export async function setThemeKind(page: Page, kind: ThemeKind, timeoutMs = 30_000): Promise<void> {
  if ((await themeKind(page)) === kind) return;
  await runFromCommandPalette(page, 'Preferences: Toggle between Light/Dark Themes', timeoutMs);
  const deadline = Date.now() + timeoutMs;
  while ((await themeKind(page)) !== kind) {
    if (Date.now() > deadline) throw new Error(`workbench did not switch to a ${kind} theme`);
    await page.waitForTimeout(100);
  }
}

/** Opens a view container from the activity bar by its label (e.g. "Explorer", "Hugging Face"). */
export async function openActivity(page: Page, label: string, timeoutMs = 30_000): Promise<void> {
  // The <li role="tab"> carries the selection state; its <a> carries the label ("Explorer (Ctrl+Shift+E)").
  const tab = page.locator(`${SELECTORS.activityBar} li.action-item`, {
    has: page.locator(`[aria-label^=${JSON.stringify(label)}]`),
  }).first();
  await tab.waitFor({ state: 'visible', timeout: timeoutMs });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** Resolves with the labels of tabs that appeared since `before`; throws when none appears in time. */
export async function waitForNewEditorTab(page: Page, before: string[], timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await editorTabLabels(page);
    const added = now.filter((label) => !before.includes(label));
    if (added.length > 0) return added;
    if (Date.now() > deadline) throw new Error(`no new editor tab within ${timeoutMs} ms (tabs: ${now.join(' | ') || 'none'})`);
    await page.waitForTimeout(200);
  }
}
