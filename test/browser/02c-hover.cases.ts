// Comment translation on hover in the real editor: the mouse rests on a German docstring, the hover (`.monaco-hover`)
// shows the fake's translation with its source language and model; its "Replace with translation" link rewrites the
// comment, the code untouched, and one Ctrl+Z restores it. Also the README's hover screenshot.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALID_TOKEN } from '../fake-hf/state';
import { closeAllEditorsDiscarding, visibleEditorTexts, waitForEditorText } from './support/editorUi';
import type { BrowserCase } from './support/types';
import { waitUntil } from './support/wait';
import { quickOpenFile, setThemeKind, signInFromPalette } from './support/workbench';

/** A workspace file from the start (scripts/vscode-host/session.mjs): Quick Open may not index a file written later. */
const FILE = 'hover_sample.py';

export const cases: BrowserCase[] = [
  {
    name: 'hovering a German docstring shows its translation in the editor hover; Replace with translation is one undo step (README screenshot)',
    async run({ page, workspaceDir, artifactsDir, repoRoot }) {
      const path = join(workspaceDir, FILE);
      const original = readFileSync(path, 'utf8');
      try {
        await closeAllEditorsDiscarding(page);
        await signInFromPalette(page, VALID_TOKEN);
        await setThemeKind(page, 'dark');
        await quickOpenFile(page, FILE);
        const docstring = page.locator('.part.editor .view-lines .view-line span span', { hasText: 'Mittelwert der Liste' }).first();
        await docstring.waitFor({ state: 'visible', timeout: 30_000 });
        // The hover opens where the mouse rests; move away and back if the first rest was taken for a passing mouse.
        const hover = page.locator('.monaco-hover', { hasText: '[en] Berechnet den Mittelwert' });
        await waitUntil('the hover with the translation', async () => {
          if (await hover.isVisible()) return true;
          await page.mouse.move(5, 5);
          await docstring.hover();
          await hover.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
          return hover.isVisible();
        }, 60_000);
        const text = (await hover.innerText()).replace(/\s+/g, ' ');
        assert.match(text, /translation from German into English/);
        assert.match(text, /opus-mt-de-en/);
        assert.match(text, /Replace with translation/);
        const media = join(repoRoot, 'media', 'screenshots');
        mkdirSync(media, { recursive: true });
        const shot = join(artifactsDir, 'hover-translation.png');
        const box = await page.locator('.part.editor').boundingBox();
        await page.screenshot({ path: shot, ...(box ? { clip: { x: box.x, y: box.y, width: Math.min(box.width, 900), height: Math.min(box.height, 320) } } : {}) });
        copyFileSync(shot, join(media, 'hover-translation.png'));

        await hover.locator('a', { hasText: 'Replace with translation' }).click();
        await waitForEditorText(page, /"""\[en\] Berechnet den Mittelwert der Liste; eine leere Liste ergibt null\."""/);
        const after = (await visibleEditorTexts(page)).find((t) => t.includes('[en] Berechnet')) ?? '';
        assert.ok(after.includes('return sum(werte) / len(werte)'), 'the code is unchanged');
        assert.ok(after.includes('# leere Eingabe: nichts zu mitteln'), 'only the hovered comment was replaced');
        // One Ctrl+Z in the editor brings the original back.
        await page.mouse.move(5, 5);
        await page.locator('.part.editor .view-lines .view-line', { hasText: 'return sum' }).first().click();
        await page.keyboard.press('Control+Z');
        await waitUntil('the undo to restore the docstring', async () => (await visibleEditorTexts(page)).some((t) => t.includes('"""Berechnet den Mittelwert') && !t.includes('[en]')));
      } finally {
        await closeAllEditorsDiscarding(page);
        // code-server saves automatically: put the file back as it was for any later case.
        writeFileSync(path, original);
      }
    },
  },
];
