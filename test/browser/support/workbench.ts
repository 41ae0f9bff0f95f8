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
  // Only an open quick input needs dismissing; an Escape sent anyway would reach whatever has focus (e.g. the Hub
  // view, where it closes the details).
  if (await page.locator(SELECTORS.quickInput).isVisible()) await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator(SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  const row = paletteRow(page, title);
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  const focused = ((await row.getAttribute('class')) ?? '').split(' ').includes('focused');
  if (focused) await input.press('Enter');
  else await row.click();
  // Done when the palette is gone: closed, or replaced by the command's own prompt (input box, QuickPick).
  const deadline = Date.now() + timeoutMs;
  while ((await page.locator(SELECTORS.quickInput).isVisible()) && (await input.inputValue().catch(() => '')).startsWith('>')) {
    if (Date.now() > deadline) throw new Error(`the command palette did not run "${title}" within ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
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

/** Types into the open quick input (palette, QuickPick or input box) and accepts with Enter. */
export async function answerQuickInput(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  const input = page.locator(SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(text);
  await input.press('Enter');
}

/** Signs in through the UI: "Hugging Face: Sign In (Set Token)", paste the token, Enter; waits for the confirmation. */
export async function signInFromPalette(page: Page, token: string, timeoutMs = 30_000): Promise<void> {
  await clearNotifications(page, timeoutMs);
  await runFromCommandPalette(page, 'Hugging Face: Sign In (Set Token)', timeoutMs);
  await answerQuickInput(page, token, timeoutMs);
  await waitForNotification(page, 'Signed in to Hugging Face as', timeoutMs);
}

/** Clears every notification, so a later wait for one cannot be satisfied by an older toast. */
export async function clearNotifications(page: Page, timeoutMs = 30_000): Promise<void> {
  await runFromCommandPalette(page, 'Notifications: Clear All Notifications', timeoutMs);
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: timeoutMs });
}

export async function waitForNotification(page: Page, text: string, timeoutMs = 30_000): Promise<void> {
  await page.locator('.notifications-toasts .notification-toast', { hasText: text }).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Opens a workspace file by name with Quick Open (Ctrl+P); waits until its editor has the focus. */
export async function quickOpenFile(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  if (await page.locator(SELECTORS.quickInput).isVisible()) await page.keyboard.press('Escape');
  // F1, not Ctrl+P: a focused webview (the Hub view, where the focus returns when the last editor closes) passes F1 on
  // to the workbench but keeps Ctrl+P. The palette without its '>' is Quick Open.
  await page.keyboard.press('F1');
  const input = page.locator(SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(name);
  await page.locator(SELECTORS.quickInputRow, { hasText: name }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  await input.press('Enter');
  await page.locator(`${SELECTORS.editorTab}.active[aria-label^=${JSON.stringify(name)}]`).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.part.editor .monaco-editor.focused').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Drags the sash between the side bar and the editor until the side bar is about `width` pixels wide. */
export async function setSideBarWidth(page: Page, width: number, timeoutMs = 30_000): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  const sash = page.locator('.monaco-sash.vertical.primary-sidebar-sash');
  const box = await sash.boundingBox();
  const bar = await sidebar.boundingBox();
  if (!box || !bar) throw new Error('the side bar is not visible');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(bar.x + width, y, { steps: 8 });
  await page.mouse.up();
  const deadline = Date.now() + timeoutMs;
  while (Math.abs(((await sidebar.boundingBox())?.width ?? 0) - width) > 8) {
    if (Date.now() > deadline) throw new Error(`the side bar did not become ${width} px wide`);
    await page.waitForTimeout(50);
  }
}
