// The monthly quota: every request to Hugging Face counts, the count lives in globalState (so it survives a
// window reload: see quota.afterReload.test.ts and the browser case that reloads the page), and once the limit
// is reached actions are refused before any request, naming the setting to raise.
// Runs last in the main phase (index.ts RUN_LAST): it leaves the window signed in for the after-reload phase.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, select } from './support/documents';
import { FAKE_USER, health, inferenceRequests, runAction, setSetting, signIn } from './support/product';

async function classify(text: string): Promise<Awaited<ReturnType<typeof runAction>>> {
  const editor = await openDocument(`${text}\n`);
  select(editor, text);
  return runAction('classifySentiment');
}

describe('the monthly request quota', () => {
  productCases();

  it('counts every request sent to Hugging Face', async () => {
    const before = (await health()).quota.used;
    const result = await classify('Counting requests is a good habit.');
    assert.equal(result.status, 'applied', result.message);
    const sent = (await inferenceRequests()).length;
    assert.equal(sent, 1);
    assert.equal((await health()).quota.used, before + sent);
  });

  it('refuses actions before any request once the limit is reached, naming huggingFace.quota.monthlyRequests', async () => {
    const used = (await health()).quota.used;
    assert.ok(used > 0, 'earlier requests were counted');
    const restore = await setSetting('quota.monthlyRequests', used);
    try {
      const result = await classify('This request must never be sent.');
      assert.equal(result.status, 'refused');
      assert.match(result.message ?? '', /huggingFace\.quota\.monthlyRequests/);
      assert.deepEqual(await inferenceRequests(), []);
      assert.equal((await health()).quota.used, used, 'a refused action is not counted');
    } finally {
      await restore();
    }
  });

  it('leaves the window signed in, for the after-reload phase', async () => {
    assert.equal((await signIn()).account, FAKE_USER);
  });
});
