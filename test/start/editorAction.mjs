// The one editor action the `npm start` test runs end to end, the way a user would: Quick Open a file, select
// all, run "Hugging Face: Summarize Selection" from the command palette, save. Helpers come from the browser
// suite (out/test/browser/support/workbench.js, built by test/build-tests.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../scripts/vscode-host/config.mjs';

const WORKBENCH_HELPERS = join(REPO_ROOT, 'out', 'test', 'browser', 'support', 'workbench.js');

export function workbenchHelpersBuilt() {
  return existsSync(WORKBENCH_HELPERS);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function poll(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last.ok) return last.value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms; last seen: ${JSON.stringify(last.seen).slice(0, 400)}`);
    await sleep(250);
  }
}

/** The visible text of the active editor (Monaco renders spaces as no-break spaces). */
async function editorText(page) {
  const text = await page.locator('.part.editor .monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Runs a palette command by its exact title without pressing Escape first (the shared helper does, and Escape in
 * the editor would drop the selection the command works on).
 */
async function runCommand(page, SELECTORS, title) {
  await page.keyboard.press('F1');
  const input = page.locator(SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${title}`);
  const row = page.locator(`${SELECTORS.quickInputRow}[aria-label=${JSON.stringify(title)}], ${SELECTORS.quickInputRow}[aria-label^=${JSON.stringify(`${title},`)}]`).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  await page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: 30_000 });
}

/**
 * Summarizes the whole of `fileName` (in `workspaceDir`) and saves it; resolves with the saved text.
 * @param {import('playwright-core').Page} page
 */
export async function summarizeFileInWorkbench(page, { workspaceDir, fileName, expected }) {
  const { SELECTORS, waitForWorkbench } = await import(pathToFileURL(WORKBENCH_HELPERS).href);
  await waitForWorkbench(page, 120_000);

  await page.keyboard.press('Control+P');
  const input = page.locator(SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(fileName);
  await page.locator(`${SELECTORS.quickInputRow}[aria-label*=${JSON.stringify(fileName)}]`).first().waitFor({ timeout: 30_000 });
  await input.press('Enter');
  await page.locator(`${SELECTORS.editorTab}.active[aria-label*=${JSON.stringify(fileName)}]`).waitFor({ timeout: 30_000 });

  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await runCommand(page, SELECTORS, 'Hugging Face: Summarize Selection');
  await poll(`the editor did not show ${JSON.stringify(expected)}`, 60_000, async () => {
    const seen = await editorText(page);
    return { ok: seen.includes(expected), seen };
  });

  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+S');
  const path = join(workspaceDir, fileName);
  return poll(`${fileName} was not saved with the summary`, 30_000, async () => {
    const seen = readFileSync(path, 'utf8');
    return { ok: seen.includes(expected), seen, value: seen };
  });
}
