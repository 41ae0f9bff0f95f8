// VS Code's chat view, with its AI features on. The rest of the run keeps `chat.disableAIFeatures` on (the product
// must work that way, and the chat side bar stays out of the screenshots); these cases turn it off and
// `chat.allowAnonymousAccess` on in the window's settings files and reload the page once (the runner extension then
// runs no integration phase: support/phases.ts "chatWindow"). Last of the browser cases: nothing after them needs
// the quiet window. Driven through the DOM the chat view renders (see ../shared/VSCODE-AI-SURFACES.md).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FakeHfControl } from '../fake-hf/control';
import { VALID_TOKEN } from '../fake-hf/state';
import { CHAT_WINDOW_FILE, writeChatWindowMarker } from '../integration/support/phases';
import { HUB, hubFrame } from './support/hubView';
import type { BrowserCase, BrowserCaseContext } from './support/types';
import { readRunnerResults, waitForNewWindowResults } from './support/runnerResults';
import { waitUntil } from './support/wait';
import { clearNotifications, runFromCommandPalette, signInFromPalette, waitForWorkbench } from './support/workbench';

const CHAT = {
  input: '.interactive-input-part .interactive-input-editor',
  modelPicker: '.interactive-input-part .action-label[aria-label^="Models,"]',
  pickerRow: '.action-widget .monaco-list-row',
  response: '.interactive-response',
  newChat: '.part.auxiliarybar .title-actions .action-label[aria-label^="New Chat"]',
} as const;

/** Turns VS Code's AI features on in both settings files (code-server reads machine-scoped ones from Machine/). */
function enableAiFeatures(userDataDir: string): void {
  for (const scope of ['User', 'Machine']) {
    const file = join(userDataDir, scope, 'settings.json');
    const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...settings, 'chat.disableAIFeatures': false, 'chat.allowAnonymousAccess': true }, null, 2));
  }
}

/** The chat window, once: settings rewritten, the page reloaded, signed in, the chat view open. */
async function chatWindow(ctx: BrowserCaseContext): Promise<Page> {
  const { page, artifactsDir, userDataDir } = ctx;
  if (!existsSync(join(artifactsDir, CHAT_WINDOW_FILE))) {
    enableAiFeatures(userDataDir);
    writeChatWindowMarker(artifactsDir);
    const before = readRunnerResults(artifactsDir);
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    // Not before the new extension host is up: until then views restore and take the focus (a palette opened
    // meanwhile closes under the typing), and the model picker has no Hugging Face models yet.
    await waitForNewWindowResults(artifactsDir, before, 'the chat window\'s extension host to start');
    // The token survives a reload; signing in again also works when only these cases run (SARVANOM_E2E_GREP).
    await signInFromPalette(page, VALID_TOKEN);
  }
  if (!(await page.locator(CHAT.input).isVisible())) await runFromCommandPalette(page, 'Chat: Open Chat');
  await page.locator(CHAT.input).waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

function fakeControl(ctx: BrowserCaseContext): FakeHfControl {
  if (!ctx.fake) throw new Error('the fake HF server is not running');
  return new FakeHfControl(ctx.fake.hubUrl);
}

/**
 * Sends `text` (in a new chat: no sticky participant left, and the chat's responses are this request's only). The
 * response element is re-rendered while it streams, so it is read through `responses()` rather than held.
 */
async function send(page: Page, text: string, { newChat = false } = {}): Promise<void> {
  // "New Chat" on an empty chat would swap the session under the typing; on one with responses, wait for the swap.
  if (newChat && (await page.locator(CHAT.response).count()) > 0) {
    await page.locator(CHAT.newChat).first().click();
    await waitUntil('a new, empty chat', async () => (await page.locator(CHAT.response).count()) === 0);
  }
  const before = await page.locator(CHAT.response).count();
  const input = page.locator(CHAT.input);
  await input.click();
  // A sticky `@hf` (or an older draft) may be in the input: replace it all.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitUntil(`a response to "${text}"`, async () => (await page.locator(CHAT.response).count()) > (newChat ? 0 : before));
}

/** Waits until the chat's responses (all of them, joined) match `pattern`. */
async function responseText(page: Page, pattern: RegExp, what: string, timeoutMs = 60_000): Promise<string> {
  let last = '';
  try {
    return await waitUntil(what, async () => {
      // Plain text from MarkdownString.appendText renders its spaces as no-break spaces.
      last = (await page.locator(CHAT.response).allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
      return pattern.test(last) ? last : undefined;
    }, timeoutMs, 200);
  } catch (err) {
    const shown = last.slice(0, 600).replace(/[^\x20-\x7e\n]/g, (c) => `<U+${c.charCodeAt(0).toString(16)}>`);
    throw new Error(`${err instanceof Error ? err.message : String(err)}; the response read: ${JSON.stringify(shown)}`);
  }
}

/**
 * Picks "Hugging Face · Auto" in the model picker (a fresh chat view may start on a model that is not there offline).
 * The picker lists our models once the provider has registered: it is opened until they are there.
 */
async function pickAuto(page: Page): Promise<void> {
  const picker = page.locator(CHAT.modelPicker).first();
  if (((await picker.getAttribute('aria-label')) ?? '').includes('Hugging Face · Auto')) return;
  const row = page.locator(CHAT.pickerRow, { hasText: 'Hugging Face · Auto' }).first();
  await waitUntil('Hugging Face · Auto in the model picker', async () => {
    if (!(await page.locator(CHAT.pickerRow).first().isVisible())) await picker.click();
    if (await row.isVisible()) return true;
    await page.keyboard.press('Escape');
    return false;
  }, 60_000, 1_000);
  await row.click();
  await waitUntil('Hugging Face · Auto picked', async () => ((await picker.getAttribute('aria-label')) ?? '').includes('Hugging Face · Auto'));
}

export const cases: BrowserCase[] = [
  {
    name: 'chat view: "@hf /translate fr …" typed in the chat input renders the translation, streamed through the router',
    async run(ctx) {
      const page = await chatWindow(ctx);
      await pickAuto(page);
      await send(page, '@hf /translate fr Good morning, my friends.', { newChat: true });
      const text = await responseText(page, /Translation to French\s+\([^)]+\):[\s\S]*Good morning, my friends\./, 'the translation in the response');
      assert.doesNotMatch(text, /Language model unavailable|Sign in/i);
    },
  },
  {
    name: 'chat view: the model picker lists Hugging Face · Auto and the router\'s models with their policy and provider variants',
    async run(ctx) {
      const page = await chatWindow(ctx);
      const picker = page.locator(CHAT.modelPicker).first();
      try {
        await picker.click();
        await page.keyboard.type('Qwen2.5-Coder');
        const rows = await waitUntil('our router models in the picker', async () => {
          const texts = (await page.locator(CHAT.pickerRow).allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
          return texts.some((t) => t.startsWith('Qwen2.5-Coder-32B-Instruct (fastest)')) ? texts : undefined;
        });
        for (const variant of ['Qwen2.5-Coder-32B-Instruct', 'Qwen2.5-Coder-32B-Instruct (cheapest)', 'Qwen2.5-Coder-32B-Instruct (together)']) {
          assert.ok(rows.some((t) => t.startsWith(variant)), `${variant} in ${rows.join(' | ')}`);
        }
        await page.keyboard.press('Control+A');
        await page.keyboard.type('Auto');
        await page.locator(CHAT.pickerRow, { hasText: 'Hugging Face · Auto' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      } finally {
        await page.keyboard.press('Escape');
      }
    },
  },
  {
    name: 'chat view: "@hf /models sst-2" lists Hub models with their actions; "Open" shows the model in the Hub view (screenshot)',
    async run(ctx) {
      const page = await chatWindow(ctx);
      await pickAuto(page);
      // A query with a few results, so the whole answer fits the chat view (its list scrolls on its own, not the DOM's way).
      await send(page, '@hf /models sst-2', { newChat: true });
      await responseText(page, /Models matching "sst-2" \(most downloaded first\):\s+\S+ \([\w-]+\), [\d,]+ downloads[\s\S]* — Open/, 'the search results');
      const response = page.locator(CHAT.response).last();
      // A result this extension can use, with its actions as command links: "Open", "Use for …", "Try it".
      // (The first one: later ones may still be streaming in, and a locator is resolved again at each use.)
      const usable = response.locator('li').filter({ has: page.locator('a', { hasText: /^Use for / }) }).first();
      const id = /^\S+/.exec((await usable.innerText()).trim())?.[0] ?? '';
      assert.match(id, /^[\w.-]+\/[\w.-]+$/, 'the result starts with the repo id');
      const open = response.locator('li', { hasText: id }).first().locator('a', { hasText: /^Open$/ });
      // The README's picture: the chat side bar with the top of the answer.
      await clearNotifications(page);
      await page.locator('.part.auxiliarybar').screenshot({ path: join(ctx.repoRoot, 'media', 'screenshots', 'chat-view.png') });
      await open.click();
      const hub = hubFrame(page);
      await waitUntil(`the details of ${id} in the Hub view`, async () => (await hub.locator(HUB.detailsTitle).textContent()) === id, 30_000);
    },
  },
  {
    name: 'chat view: agent mode on our model calls the hf_searchModels tool and answers from its result',
    async run(ctx) {
      const page = await chatWindow(ctx);
      const control = fakeControl(ctx);
      // The fake's chat answers a request that offers tools with this call, then (with the tool's result) echoes it.
      await control.setChatToolCall('*', { name: 'hf_searchModels', arguments: { query: 'bert', limit: 3 } });
      try {
        await pickAuto(page);
        await send(page, 'Find me a BERT model on the Hub', { newChat: true });
        await responseText(page, /Models matching "bert"[\s\S]*distilbert/, 'the tool\'s result in the agent\'s answer', 90_000);
      } finally {
        await control.reset();
      }
    },
  },
];
