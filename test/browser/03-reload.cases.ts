// Window reload: reloading the workbench page starts a new extension host. The count of the monthly quota (kept in
// globalState) and the token (kept in SecretStorage) must survive it. This case reads the count the workbench
// shows, writes it down for the after-reload integration phase (test/integration/support/phases.ts), reloads, and
// waits for that phase's verdict, which the runner extension writes to the same results file as the main phase.
// After the other browser cases on purpose: everything after a reload starts from a fresh window (only the chat
// cases, 04-chat.cases.ts, come later: they reload into a window of their own).
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { VALID_TOKEN } from '../fake-hf/state';
import { HANDOVER_FILE, writeQuotaBeforeReload } from '../integration/support/phases';
import { closeAllEditorsDiscarding, typeIntoNewUntitled, waitForEditorText } from './support/editorUi';
import type { BrowserCase } from './support/types';
import { readRunnerResults, waitForNewWindowResults } from './support/runnerResults';
import {
  clearNotifications, runFromCommandPalette, signInFromPalette, waitForNotification, waitForWorkbench,
} from './support/workbench';

export const cases: BrowserCase[] = [
  {
    name: 'after a window reload the quota count and the token are still there (after-reload integration phase)',
    async run({ page, artifactsDir }) {
      const before = readRunnerResults(artifactsDir);
      assert.ok(before?.done, 'the main integration phase has finished');
      assert.ok(existsSync(join(artifactsDir, HANDOVER_FILE)), 'the main integration phase wrote its hand-over file');

      // At least one counted request of this case's own, so the count it reads cannot be a trivial zero.
      await closeAllEditorsDiscarding(page);
      await signInFromPalette(page, VALID_TOKEN);
      await typeIntoNewUntitled(page, 'What a wonderful, happy day.');
      await clearNotifications(page);
      await runFromCommandPalette(page, 'Hugging Face: Classify Sentiment of Selection');
      await waitForNotification(page, 'Sentiment');
      await closeAllEditorsDiscarding(page);

      await runFromCommandPalette(page, 'Hugging Face: Show Health');
      const health = await waitForEditorText(page, /(\d+) of (\d+) requests used in (\d{4}-\d{2})/);
      const [, used, , month] = /(\d+) of (\d+) requests used in (\d{4}-\d{2})/.exec(health) ?? [];
      assert.ok(Number(used) > 0, `the health report counts requests: ${health}`);
      writeQuotaBeforeReload({ used: Number(used), month }, artifactsDir);
      await closeAllEditorsDiscarding(page);

      await page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 });
      await waitForWorkbench(page);
      const after = await waitForNewWindowResults(artifactsDir, before, 'the after-reload integration phase to finish');
      const failures = after.failures.map((f) => `${f.title}: ${f.error.split('\n').slice(0, 3).join(' ')}`);
      assert.deepEqual(failures, [], 'after-reload integration phase');
      assert.ok(after.passed >= 3, `after-reload integration phase passed ${after.passed} tests`);
    },
  },
];
