// Driving the sidebar Hub browser (webview view `huggingface.hub`) in the real workbench. A webview is two nested
// iframes in this VS Code build (1.139): the outer `iframe.webview.ready` (its src names the extension and
// `purpose=webviewView`) holds `#active-frame`, the document our bundle renders into. Locators pierce the open
// shadow roots of the @vscode-elements components, so `#hub-search input` reaches the text field's <input>.
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { openActivity, runFromCommandPalette } from './workbench';
import { waitUntil } from './wait';

export const HUB_WEBVIEW = 'iframe.webview.ready[src*="extensionId=sarvanom.sarvanom-hf"][src*="purpose=webviewView"]';

export const HUB = {
  search: '#hub-search input',
  listbox: '#hub-results',
  row: '#hub-results .row',
  footer: '.results-footer',
  details: 'section.details',
  detailsTitle: 'section.details h2.details-title',
  card: 'section.details .card',
} as const;

export function hubFrame(page: Page): FrameLocator {
  return page.frameLocator(HUB_WEBVIEW).frameLocator('#active-frame');
}

/** The Hub's document as a Frame (for evaluate()), found through the same iframe chain as hubFrame(). */
export async function hubDomFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const handle = await hubFrame(page).locator('#app').elementHandle({ timeout: timeoutMs });
  const frame = await handle?.ownerFrame();
  await handle?.dispose();
  if (!frame) throw new Error('the Hub webview document is not loaded');
  return frame;
}

/** Opens the "Hugging Face" view container from the activity bar and waits for the Hub's first results. */
export async function openHubView(page: Page, timeoutMs = 60_000): Promise<FrameLocator> {
  await openActivity(page, 'Hugging Face', timeoutMs);
  const hub = hubFrame(page);
  // The view shows either the list (search header) or the details of a repo.
  await hub.locator('.hub-header:visible, section.details:visible').first().waitFor({ state: 'visible', timeout: timeoutMs });
  return hub;
}

/** Rows currently rendered (the list is virtualised: only rows in and near the viewport exist). */
export async function renderedRowIds(hub: FrameLocator): Promise<string[]> {
  return hub.locator(HUB.row).evaluateAll((rows) => rows.map((r) => r.getAttribute('title') ?? ''));
}

/** "N results" from the listbox's label: how many rows are loaded. */
export async function loadedCount(hub: FrameLocator): Promise<number> {
  const label = (await hub.locator(HUB.listbox).getAttribute('aria-label')) ?? '';
  const m = /^(\d+) results?$/.exec(label);
  return m ? Number(m[1]) : 0;
}

/** Back to the list with everyone's repos, the Models tab, no filters and an empty search, as a new user would find it. */
export async function resetHub(page: Page): Promise<FrameLocator> {
  const hub = await openHubView(page);
  if (await hub.locator(HUB.details).isVisible()) await hub.locator(`${HUB.details} vscode-button[aria-label="Back"]`).click();
  await hub.locator(HUB.details).waitFor({ state: 'hidden' });
  const scope = hub.locator('vscode-single-select[aria-label="Whose repos"] .select-face .text');
  if ((await scope.textContent())?.trim() !== 'Everyone') await chooseOption(hub, 'Whose repos', 'Everyone');
  await selectTab(hub, 'Models');
  await runFromCommandPalette(page, 'Hugging Face Hub: Clear Filters');
  await search(hub, '');
  return hub;
}

export async function selectTab(hub: FrameLocator, label: 'Models' | 'Datasets' | 'Spaces'): Promise<void> {
  const tab = hub.locator('vscode-tab-header', { hasText: label });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await waitUntil(`the ${label} tab to be selected`, async () => (await tab.getAttribute('aria-selected')) === 'true');
}

/**
 * Runs `change` (typing a search, choosing a filter) and waits until the list was rendered again for it: the rows
 * shown before are marked first, so rows from before the change (the search is debounced) never count as results.
 */
export async function afterListRefresh(hub: FrameLocator, change: () => Promise<void>, accept: (ids: string[]) => boolean = () => true, what = 'the list to refresh', timeoutMs = 30_000): Promise<string[]> {
  await hub.locator(HUB.row).evaluateAll((rows) => rows.forEach((r) => r.setAttribute('data-stale', '')));
  await change();
  return waitUntil(what, async () => {
    if (await hub.locator('.skeleton').isVisible()) return undefined;
    if ((await hub.locator(`${HUB.row}[data-stale]`).count()) > 0) return undefined;
    const ids = await renderedRowIds(hub);
    return ids.length > 0 && accept(ids) ? ids : undefined;
  }, timeoutMs);
}

/** Types `text` into the search field and waits for the new results (every id contains `text`). */
export async function search(hub: FrameLocator, text: string, timeoutMs = 30_000): Promise<string[]> {
  const field = hub.locator(HUB.search);
  const needle = text.toLowerCase();
  const matches = (ids: string[]) => ids.every((id) => id.toLowerCase().includes(needle));
  if ((await field.inputValue()) === text) {
    return waitUntil(`results for "${text}"`, async () => {
      const ids = (await hub.locator('.skeleton').isVisible()) ? [] : await renderedRowIds(hub);
      return ids.length > 0 && matches(ids) ? ids : undefined;
    }, timeoutMs);
  }
  return afterListRefresh(hub, () => field.fill(text), matches, `results for "${text}"`, timeoutMs);
}

/** Picks `option` in the <vscode-single-select> labelled `label` the way a user does: open it, click the option. */
export async function chooseOption(hub: FrameLocator, label: string, option: string): Promise<void> {
  const select = hub.locator(`vscode-single-select[aria-label="${label}"]`).first();
  await select.click();
  await select.getByRole('option', { name: option, exact: true }).click();
  const face = select.locator('.select-face .text');
  await waitUntil(`"${option}" chosen in ${label}`, async () => (await face.textContent())?.trim() === option);
}

/** Clicks the row of `id` (it must be rendered) and waits for its details. */
export async function openDetails(hub: FrameLocator, id: string): Promise<Locator> {
  await hub.locator(`${HUB.row}[title="${id}"]`).click();
  const details = hub.locator(HUB.details);
  await details.waitFor({ state: 'visible' });
  await waitUntil(`the details of ${id}`, async () => (await hub.locator(HUB.detailsTitle).textContent()) === id);
  return details;
}
