// Runs only in a reloaded window (see support/phases.ts): the browser phase read the quota count off the
// workbench ("Hugging Face: Show Health"), wrote it down and reloaded the page, which started a new extension host
// with a new instance of the extension. What the old instance kept in globalState and SecretStorage must be back.
import { strict as assert } from 'node:assert';
import { closeAllEditors, openDocument, select } from './support/documents';
import { readHandOver, readQuotaBeforeReload } from './support/phases';
import { health, inferenceRequests, fake, runAction } from './support/product';

describe('after a window reload', () => {
  it('runs in a new extension host process', () => {
    const handOver = readHandOver();
    assert.ok(handOver, 'the main phase wrote its hand-over file');
    assert.notEqual(process.pid, handOver.pid);
  });

  it('the monthly quota count is the one shown before the reload (globalState)', async () => {
    const before = readQuotaBeforeReload();
    assert.ok(before, 'the browser phase wrote the count it saw before reloading');
    const { quota } = await health();
    assert.equal(quota.month, before.month);
    assert.equal(quota.used, before.used);
  });

  it('the token is still in SecretStorage: an action runs without signing in again', async () => {
    await fake().reset();
    const text = 'A reloaded window still knows my token, which is great.';
    const editor = await openDocument(`${text}\n`);
    select(editor, text);
    const result = await runAction('classifySentiment');
    assert.equal(result.status, 'applied', result.message);
    assert.equal((await inferenceRequests()).length, 1);
    await closeAllEditors();
  });
});
