// The sidebar Hub browser, driven in the real workbench by headless Chromium against the fake Hub: opening the
// view, searching, filtering, paging, details, "Use for task" feeding the next translation, dataset previews,
// Space runtimes, a hostile model card staying inert, keyboard-only use, and the README screenshots.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { FakeHfControl } from '../fake-hf/control';
import { VALID_TOKEN } from '../fake-hf/state';
import { closeAllEditorsDiscarding, typeIntoNewUntitled, waitForEditorText } from './support/editorUi';
import {
  HUB, afterListRefresh, chooseOption, hubDomFrame, loadedCount, openDetails, openHubView, renderedRowIds, resetHub, search, selectTab,
} from './support/hubView';
import type { BrowserCase, BrowserCaseContext } from './support/types';
import { waitUntil } from './support/wait';
import {
  answerQuickInput, quickOpenFile, runFromCommandPalette, setSideBarWidth, setThemeKind, signInFromPalette,
} from './support/workbench';

function fakeControl(ctx: BrowserCaseContext): FakeHfControl {
  if (!ctx.fake) throw new Error('the fake HF server is not running');
  return new FakeHfControl(ctx.fake.hubUrl);
}

async function rowMetas(hub: FrameLocator): Promise<string[]> {
  return hub.locator(`${HUB.row} .row-meta`).allInnerTexts();
}

/** Scrolls the result list with the mouse wheel until more than `count` rows are loaded. */
async function scrollForMore(page: Page, hub: FrameLocator, count: number): Promise<number> {
  const box = await hub.locator('.results').boundingBox();
  if (!box) throw new Error('the result list is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return waitUntil(`more than ${count} results after scrolling`, async () => {
    await page.mouse.wheel(0, 2000);
    const n = await loadedCount(hub);
    return n > count ? n : undefined;
  });
}

export const cases: BrowserCase[] = [
  {
    name: 'the Hugging Face view opens from the activity bar and lists models',
    async run({ page }) {
      const hub = await openHubView(page);
      const title = await page.locator('.part.sidebar .composite.title').innerText();
      assert.match(title, /Hugging Face/i);
      const ids = await waitUntil('the first rows', async () => {
        const rows = await renderedRowIds(hub);
        return rows.length > 0 ? rows : undefined;
      });
      assert.ok(ids.every((id) => /^[^/]+\/[^/]+$/.test(id)), `row ids: ${ids.join(', ')}`);
    },
  },
  {
    name: 'search narrows the models, a task filter applies, and scrolling loads the next page',
    async run({ page }) {
      const hub = await resetHub(page);
      const found = await search(hub, 'opus-mt');
      assert.ok(found.includes('Helsinki-NLP/opus-mt-en-es'), `found: ${found.join(', ')}`);

      await search(hub, '');
      await afterListRefresh(hub, () => chooseOption(hub, 'Task', 'translation'), () => true, 'the list to refresh for the filter');
      await waitUntil('a first page of translation models only', async () => {
        const metas = await rowMetas(hub);
        return metas.length > 0 && metas.every((m) => m.startsWith('translation'));
      });
      assert.equal(await loadedCount(hub), 50, 'the first page has 50 rows');
      assert.match(await hub.locator(HUB.footer).innerText(), /Load more/);

      const total = await scrollForMore(page, hub, 50);
      assert.ok(total > 50, `${total} rows after the next page`);
      const metas = await rowMetas(hub);
      assert.ok(metas.length > 0 && metas.every((m) => m.startsWith('translation')), `rows after paging: ${metas.join(' | ')}`);
    },
  },
  {
    name: '"Load more" is a button that works: Enter on it and a click each load one more page, and it keeps the focus',
    async run({ page }) {
      // All models: thousands in the fake's catalog, so there is always a next page.
      const hub = await resetHub(page);
      await waitUntil('a first page of 50', async () => (await loadedCount(hub)) === 50);
      const more = hub.locator(`${HUB.footer} .more-row vscode-button`);
      const idle = async (what: string): Promise<number> =>
        waitUntil(what, async () => ((await more.getAttribute('aria-busy')) === 'false' ? loadedCount(hub) : undefined));
      // Reaching the button (Tab, or scrolling to it) may already fetch the next page; wait until the list is idle.
      await more.focus();
      const before = await idle('"Load more" to be idle after focusing it');
      await page.keyboard.press('Enter');
      const afterEnter = await waitUntil('one more page after Enter', async () => ((await loadedCount(hub)) > before ? loadedCount(hub) : undefined));
      assert.equal(afterEnter, before + 50, 'Enter loads exactly one page');
      const focused = await hub.locator(HUB.footer).evaluate((footer) => footer.contains(document.activeElement) && document.activeElement?.getAttribute('aria-label'));
      assert.equal(focused, 'Load more', 'the button keeps the keyboard focus while the page loads and after');
      const beforeClick = await idle('"Load more" to be idle again');
      await more.click();
      await waitUntil('one more page after a click', async () => (await loadedCount(hub)) >= beforeClick + 50);
    },
  },
  {
    name: 'the search text carries over to the next tab and the list says so, with Clear search',
    async run({ page }) {
      const hub = await resetHub(page);
      const note = hub.locator('.query-note');
      assert.equal(await note.isVisible(), false, 'no note without search text');
      await search(hub, 'squad');
      await waitUntil('the note for models', async () => (await note.innerText()).includes('Models matching “squad”'));
      await selectTab(hub, 'Datasets');
      const ids = await search(hub, 'squad');
      assert.ok(ids.includes('rajpurkar/squad'), `datasets: ${ids.join(', ')}`);
      await waitUntil('the note for datasets', async () => (await note.innerText()).includes('Datasets matching “squad”'));
      await note.locator('vscode-button[aria-label="Clear search"]').click();
      await waitUntil('the note to go with the text', async () => !(await note.isVisible()) && (await hub.locator(HUB.search).inputValue()) === '');
      await selectTab(hub, 'Models');
    },
  },
  {
    name: 'a model opens in the details panel with its card and files',
    async run({ page }) {
      const hub = await resetHub(page);
      await search(hub, 'opus-mt-en-es');
      const details = await openDetails(hub, 'Helsinki-NLP/opus-mt-en-es');
      await waitUntil('the model facts', async () => /translation/.test(await details.locator('.details-meta').innerText()));
      await details.locator('.card h1', { hasText: 'opus-mt-en-es' }).waitFor({ state: 'visible' });
      await details.locator('vscode-button[aria-label="Use for task"]').waitFor({ state: 'visible' });
    },
  },
  {
    name: '"Use for task" pins the model that the next translation uses',
    async run(ctx) {
      const { page } = ctx;
      const model = 'facebook/m2m100_418M';
      const hub = await resetHub(page);
      await search(hub, 'm2m100');
      const details = await openDetails(hub, model);
      const taskSelect = details.locator('vscode-single-select[aria-label="Task to use this model for"] .select-face .text');
      assert.equal((await taskSelect.textContent())?.trim(), 'Translate');
      await details.locator('vscode-button[aria-label="Use for task"]').click();
      await details.locator('.use-for-task [role="status"]', { hasText: 'Pinned for Translate.' }).waitFor({ state: 'visible' });
      const pinLine = details.locator('.pins .pin-line');
      await pinLine.filter({ hasText: 'Pinned for Translate' }).waitFor({ state: 'visible' });

      await closeAllEditorsDiscarding(page);
      await signInFromPalette(page, VALID_TOKEN);
      const control = fakeControl(ctx);
      await control.reset();
      // A sentence of its own, so no earlier identical request can answer it from the cache.
      const sentence = `The quick brown fox jumps over the lazy dog, take ${Date.now() % 100_000}.`;
      await typeIntoNewUntitled(page, sentence);
      await runFromCommandPalette(page, 'Hugging Face: Translate Selection (Replace)');
      await answerQuickInput(page, 'Spanish');
      await waitForEditorText(page, new RegExp(`^\\[es\\] ${sentence.replace(/[.]/g, '\\.')}$`));

      const translations = (await control.requests()).filter((r) => r.listener === 'router' && r.method === 'POST');
      assert.equal(translations.length, 1, `requests: ${translations.map((r) => r.path).join(', ')}`);
      assert.match(decodeURIComponent(translations[0].path), /facebook\/m2m100_418M/);
      await runFromCommandPalette(page, 'Hugging Face: Show Last Routing Decision');
      await waitForEditorText(page, /facebook\/m2m100_418M[\s\S]*pinned by setting huggingFace\.models\.translate/);
      await closeAllEditorsDiscarding(page);

      // The details say what is pinned, and Unpin undoes it.
      await pinLine.locator('vscode-button[aria-label="Unpin"]').click();
      await waitUntil('the pin line to go', async () => (await pinLine.count()) === 0);
    },
  },
  {
    name: 'a dataset shows a preview table with rows',
    async run({ page }) {
      const hub = await resetHub(page);
      await selectTab(hub, 'Datasets');
      await search(hub, 'imdb');
      const details = await openDetails(hub, 'stanfordnlp/imdb');
      const table = details.locator('.preview-table');
      await table.waitFor({ state: 'visible' });
      const columns = await table.locator('thead th').allInnerTexts();
      assert.ok(columns.some((c) => c.startsWith('text')) && columns.some((c) => c.startsWith('label')), `columns: ${columns.join(', ')}`);
      assert.ok((await table.locator('tbody tr').count()) > 0, 'the preview has rows');
    },
  },
  {
    name: 'a Space shows its runtime stage',
    async run({ page }) {
      const hub = await resetHub(page);
      await selectTab(hub, 'Spaces');
      await search(hub, 'stable-diffusion');
      const details = await openDetails(hub, 'stabilityai/stable-diffusion');
      const stage = details.locator('.runtime .pill');
      await stage.waitFor({ state: 'visible' });
      assert.equal((await stage.innerText()).trim(), 'SLEEPING');
    },
  },
  {
    name: 'a hostile model card renders inert: no script runs, nothing navigates, no active markup survives',
    async run({ page }) {
      const hub = await resetHub(page);
      const frame = await hubDomFrame(page);
      const frameUrl = frame.url();
      const pageUrl = page.url();
      // Whatever the card's scripts would do starts with alert(): record calls in a window-level marker. And any
      // markup that even tries to run or load something shows up as a CSP violation: record those too.
      await frame.evaluate(() => {
        const w = window as unknown as { __hostileRan: string[]; __cspViolations: string[]; alert: (m?: unknown) => void };
        w.__hostileRan = [];
        w.__cspViolations = [];
        w.alert = (message?: unknown) => w.__hostileRan.push(String(message));
        document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await search(hub, 'hostile-card');
      const details = await openDetails(hub, 'evil-org/hostile-card');
      const card = details.locator('.card');
      await card.getByText('Plain text after the attacks').waitFor({ state: 'visible' });
      // Event handlers like onerror fire once the images settle: wait for that before looking for effects.
      await waitUntil('the card images to settle', () => card.evaluate((el) => [...el.querySelectorAll('img')].every((img) => img.complete)));

      const report = await card.evaluate((el) => {
        const all = [...el.querySelectorAll('*')];
        return {
          activeTags: all.map((e) => e.tagName.toLowerCase()).filter((t) => ['script', 'iframe', 'object', 'embed', 'form', 'input', 'meta', 'style', 'svg', 'link', 'base'].includes(t)),
          handlerAttrs: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.toLowerCase().startsWith('on')),
          styleAttrs: all.filter((e) => e.hasAttribute('style')).length,
          hrefs: [...el.querySelectorAll('[href]')].map((e) => e.getAttribute('href') ?? ''),
          srcs: [...el.querySelectorAll('[src]')].map((e) => e.getAttribute('src') ?? ''),
          fixed: all.filter((e) => getComputedStyle(e).position === 'fixed').length,
        };
      });
      assert.deepEqual(report.activeTags, [], 'no active elements in the rendered card');
      assert.deepEqual(report.handlerAttrs, [], 'no event-handler attributes');
      assert.equal(report.styleAttrs, 0, 'no inline styles (overlays, giant images)');
      assert.equal(report.fixed, 0, 'nothing positioned over the view');
      assert.ok(report.hrefs.every((h) => /^(https?:|mailto:)/i.test(h)), `links: ${report.hrefs.join(', ')}`);
      assert.ok(report.srcs.every((s) => !/evil\.example|^javascript:|^data:/i.test(s)), `sources: ${report.srcs.join(', ')}`);
      // The attacks are shown as text, not executed.
      assert.ok((await card.innerText()).includes("<script>alert(document.cookie)</script>"));

      assert.deepEqual(await frame.evaluate(() => (window as unknown as { __hostileRan: string[] }).__hostileRan), [], 'no card script called alert()');
      assert.equal(frame.url(), frameUrl, 'the webview did not navigate');
      assert.equal(page.url(), pageUrl, 'the workbench did not navigate');
      assert.ok(await hub.locator('body').isVisible(), 'the card\'s <style> did not hide the view');
      const violations = await frame.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      assert.deepEqual(violations, [], 'nothing in the card even tried to run or load (the CSP had nothing to block)');
    },
  },
  {
    name: 'the list works with the keyboard alone: focus search, type, Tab into the list, arrows, Enter, Escape',
    async run({ page }) {
      const hub = await resetHub(page);
      await runFromCommandPalette(page, 'Hugging Face Hub: Search the Hub');
      const frame = await hubDomFrame(page);
      const activeId = () => frame.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return (document.activeElement?.id || el?.id) ?? '';
      });
      await waitUntil('focus in the search field', async () => (await activeId()) === 'hub-search');
      await page.keyboard.type('squad');
      await waitUntil('results for "squad"', async () => {
        const ids = await renderedRowIds(hub);
        return ids.length > 1 && ids.every((id) => id.toLowerCase().includes('squad'));
      });

      for (let presses = 0; (await activeId()) !== 'hub-results'; presses++) {
        assert.ok(presses < 25, 'Tab never reached the result list');
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('ArrowDown');
      const listbox = hub.locator(HUB.listbox);
      const activeRow = await waitUntil('an active row', async () => (await listbox.getAttribute('aria-activedescendant')) ?? undefined);
      assert.equal(activeRow, 'hub-row-1', 'the first ArrowDown after focusing the list moves from the first row to the second');
      const id = await hub.locator(`#${activeRow}`).getAttribute('title');

      await page.keyboard.press('Enter');
      await hub.locator(HUB.details).waitFor({ state: 'visible' });
      assert.equal(await hub.locator(HUB.detailsTitle).textContent(), id);

      await page.keyboard.press('Escape');
      await hub.locator(HUB.details).waitFor({ state: 'hidden' });
      await waitUntil('focus back on the list', async () => (await activeId()) === 'hub-results');
      assert.equal(await listbox.getAttribute('aria-activedescendant'), activeRow, 'the same row is still active');
    },
  },
  {
    name: 'screenshots of the Hub in a dark and a light theme (README)',
    async run({ page, artifactsDir, repoRoot }) {
      const hub = await resetHub(page);
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      await setSideBarWidth(page, 460);
      try {
        await quickOpenFile(page, 'sample.ts');
        await search(hub, 'Qwen');
        await openDetails(hub, 'Qwen/Qwen2.5-Coder-32B-Instruct');
        await hub.locator(`${HUB.card} h1`).waitFor({ state: 'visible' });
        const frame = await hubDomFrame(page);
        const media = join(repoRoot, 'media', 'screenshots');
        mkdirSync(media, { recursive: true });
        for (const kind of ['dark', 'light'] as const) {
          await setThemeKind(page, kind);
          // The webview follows the theme a moment later (VS Code sets a body class and CSS variables in it).
          await waitUntil(`the Hub in the ${kind} theme`, () => frame.evaluate((k) => document.body.classList.contains(`vscode-${k}`), kind));
          assert.ok(await hub.locator(HUB.details).isVisible(), 'the details stay open for the screenshot');
          const file = join(artifactsDir, `hub-${kind}.png`);
          await page.screenshot({ path: file });
          copyFileSync(file, join(media, `hub-${kind}.png`));
        }
      } finally {
        if (sidebar) await setSideBarWidth(page, sidebar.width);
        await closeAllEditorsDiscarding(page);
      }
    },
  },
];
