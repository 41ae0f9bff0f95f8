// Ghost-text completion in the real editor, as a user meets it: typing in a TypeScript file shows the fake model's
// suggestion as ghost text (read from the editor DOM), Tab accepts it, Escape dismisses another; a burst of 20
// keystrokes sends one request; a 429 shows in the status bar item and never as a notification. The README's
// completion screenshot.
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FakeHfControl } from '../fake-hf/control';
import { VALID_TOKEN } from '../fake-hf/state';
import { closeAllEditorsDiscarding, typeIntoNewUntitled, visibleEditorTexts, waitForEditorText } from './support/editorUi';
import type { BrowserCase, BrowserCaseContext } from './support/types';
import { waitUntil } from './support/wait';
import { SELECTORS, answerQuickInput, quickOpenFile, runFromCommandPalette, signInFromPalette } from './support/workbench';

const MODEL = 'Qwen/Qwen2.5-Coder-1.5B';
const FILE = 'sample.ts';

function fakeControl(ctx: BrowserCaseContext): FakeHfControl {
  if (!ctx.fake) throw new Error('the fake HF server is not running');
  return new FakeHfControl(ctx.fake.hubUrl);
}

/** The ghost text the editor shows now ('' when none). */
async function ghostText(page: Page): Promise<string> {
  const parts = await page.locator('.part.editor .monaco-editor [class*="ghost-text"]').allInnerTexts();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

async function completionRequests(fake: FakeHfControl) {
  return (await fake.requests()).filter((r) => r.method === 'POST' && r.path === `/hf-inference/models/${MODEL}/v1/completions`);
}

export const cases: BrowserCase[] = [
  {
    name: 'ghost text: typing shows the model\'s suggestion, Tab accepts it, Escape dismisses one, Ctrl+Right accepts a word; 20 keystrokes send one request; a 429 shows in the status bar only (README screenshot)',
    async run(ctx) {
      const { page, workspaceDir, artifactsDir, repoRoot } = ctx;
      const fake = fakeControl(ctx);
      const file = join(workspaceDir, FILE);
      const original = readFileSync(file, 'utf8');
      const settingsFile = join(workspaceDir, '.vscode', 'settings.json');
      const settingsBefore = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined;
      try {
        await closeAllEditorsDiscarding(page);
        await signInFromPalette(page, VALID_TOKEN);
        // Completion never opens the "send your token to this host?" dialog (it says so in the status bar): approve the
        // fake router the way a user does, with one action (the harness answers the dialog), in case no case did yet.
        await typeIntoNewUntitled(page, 'Good morning everyone, the meeting starts at nine and we will discuss the plan.');
        await runFromCommandPalette(page, 'Hugging Face: Translate Selection (Replace)');
        await page.locator(SELECTORS.quickInput, { hasText: 'Translate Selection' }).waitFor({ state: 'visible', timeout: 30_000 });
        await answerQuickInput(page, 'Spanish');
        await waitForEditorText(page, /^\[es\] Good morning everyone/);
        await closeAllEditorsDiscarding(page);
        // The suggest widget would take the keystrokes' place: off for this workspace, ghost text on.
        mkdirSync(join(workspaceDir, '.vscode'), { recursive: true });
        writeFileSync(
          settingsFile,
          JSON.stringify({
            ...(settingsBefore ? (JSON.parse(settingsBefore) as object) : {}),
            'editor.quickSuggestions': { other: false, comments: false, strings: false },
            'editor.suggestOnTriggerCharacters': false,
            'huggingFace.completion.enabled': true,
            'huggingFace.completion.model': MODEL,
            // Long enough that 20 keystrokes typed by the test fall inside it however loaded the machine is (with
            // 150 ms, a 2-core run paused mid-burst and rightly sent a second request for the new prefix).
            'huggingFace.completion.debounceMs': 1000,
          }),
        );
        await fake.reset();
        await fake.setCompletionReply(MODEL, 'values.length;');
        await quickOpenFile(page, FILE);
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await waitUntil('the completion status item', async () => (await page.locator('[aria-label^="Hugging Face completion: on"]').count()) > 0, 30_000);

        const before = (await completionRequests(fake)).length;

        // 20 keystrokes in a burst: one request, after the last.
        await page.keyboard.type('const total_count = ');
        const ghost = await waitUntil('the ghost text', async () => ((await ghostText(page)).includes('values.length') ? ghostText(page) : undefined), 30_000);
        assert.match(ghost, /values\.length;/);
        const burst = (await completionRequests(fake)).slice(before);
        assert.equal(burst.length, 1, `one request for 20 keystrokes (${before} before): ${JSON.stringify(burst.map((r) => String((r.body as { prompt?: string }).prompt).slice(-40)))}`);
        assert.match(String((burst[0].body as { prompt?: string }).prompt), /<\|fim_prefix\|>[\s\S]*const total_count = <\|fim_suffix\|>[\s\S]*<\|fim_middle\|>$/);
        const media = join(repoRoot, 'media', 'screenshots');
        mkdirSync(media, { recursive: true });
        const shot = join(artifactsDir, 'ghost-text.png');
        const box = await page.locator('.part.editor').boundingBox();
        await page.screenshot({ path: shot, ...(box ? { clip: { x: box.x, y: box.y, width: Math.min(box.width, 900), height: Math.min(box.height, 240) } } : {}) });
        copyFileSync(shot, join(media, 'ghost-text.png'));

        // Tab accepts: the line now holds the suggestion, and no ghost text is left.
        await page.keyboard.press('Tab');
        await waitUntil('the ghost text accepted', async () => (await ghostText(page)) === '');
        await waitForEditorText(page, /const total_count = values\.length;/);

        // Escape dismisses the next one; the document keeps only what was typed.
        await fake.setCompletionReply(MODEL, 'total_count * 2;');
        await page.keyboard.press('Enter');
        await page.keyboard.type('const twice = ');
        await waitUntil('the second ghost text', async () => (await ghostText(page)).includes('total_count * 2'), 30_000);
        await page.keyboard.press('Escape');
        await waitUntil('the ghost text gone', async () => !(await ghostText(page)).includes('total_count * 2'));
        assert.ok((await visibleEditorTexts(page)).some((t) => /const twice = $/.test(t) || /const twice =\s*$/.test(t) || t.includes('const twice =')), 'nothing inserted');
        assert.ok(!(await visibleEditorTexts(page)).some((t) => t.includes('total_count * 2')));

        // Partial accept (Ctrl+Right, VS Code's "accept next word"): the first word lands, the rest stays ghost text.
        await fake.setCompletionReply(MODEL, 'values.length;');
        await page.keyboard.press('Enter');
        await page.keyboard.type('const size = ');
        await waitUntil('the third ghost text', async () => (await ghostText(page)).includes('values.length'), 30_000);
        await page.keyboard.press('Control+ArrowRight');
        // (The editor's text includes the ghost text it shows: what is left as ghost text tells what was accepted.)
        await waitUntil('only the rest of the suggestion left as ghost text', async () => {
          const ghost = await ghostText(page);
          return ghost !== '' && ghost.includes('length') && !ghost.includes('values');
        });
        await page.keyboard.press('Escape');

        // A keystroke while a request is in flight aborts that HTTP request (the fake sees the connection closed).
        await fake.setFault({ listener: 'router' }, { type: 'slow', delayMs: 20_000 });
        const inFlightBefore = (await completionRequests(fake)).length;
        await page.keyboard.type('x');
        await waitUntil('the slow request to be sent', async () => (await completionRequests(fake)).length > inFlightBefore, 30_000);
        await page.keyboard.type('y');
        await waitUntil('the slow request to be aborted', async () => (await completionRequests(fake))[inFlightBefore]?.aborted === true, 30_000);
        await fake.clearFaults();

        // A 429: said by the status bar item, never by a notification.
        await fake.setFault({ listener: 'router' }, { type: 'rate-limit', retryAfterS: 30 });
        await page.keyboard.press('Enter');
        await page.keyboard.type('const third = ');
        await waitUntil('the status item to report the problem', async () => (await page.locator('[aria-label^="Hugging Face completion: problem"]').count()) > 0, 30_000);
        const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
        assert.ok(!toasts.some((t) => /429|rate|limit|completion/i.test(t)), `no notification: ${toasts.join(' | ')}`);
      } finally {
        await fake.clearFaults().catch(() => undefined);
        await closeAllEditorsDiscarding(page);
        writeFileSync(file, original);
        if (settingsBefore === undefined) rmSync(settingsFile, { force: true });
        else writeFileSync(settingsFile, settingsBefore);
      }
    },
  },
];
