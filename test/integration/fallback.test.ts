// A model that answers 503 "loading" is left for the next model of the chain, and the routing decision
// (Show Last Routing Decision) says which model failed and why.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, select } from './support/documents';
import { fake, inferenceRequests, lastDecision, requestedModel, runAction } from './support/product';

describe('fallback along the chain', () => {
  productCases();

  it('a 503 (model loading) on the first model falls back to the next, and the decision records why', async () => {
    const first = 'Helsinki-NLP/opus-mt-en-es';
    const next = 'facebook/nllb-200-distilled-600M';
    // Loading for two minutes: longer than the router waits for a loading model, so it moves on at once.
    await fake().setFault({ listener: 'router', model: first }, { type: 'loading', estimatedTime: 120 });
    const sentence = 'Our library opens at nine in the morning.';
    const editor = await openDocument(`${sentence}\n`);
    select(editor, sentence);

    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assert.equal(result.status, 'applied', result.message);
    assert.equal(editor.document.getText(), `[spa_Latn] ${sentence}\n`, 'NLLB answers with its FLORES-200 target code');

    const decision = await lastDecision();
    assert.ok(decision, 'Show Last Routing Decision returns the decision');
    assert.equal(decision.id, result.decision?.id, 'it is the decision of this action');
    // The on-device candidate (core/local) comes first, skipped with its reason; the remote chain follows.
    const [failed, answered] = decision.outcomes.filter((o) => o.provider.kind !== 'local');
    assert.equal(failed.model, first);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failure, 'loading');
    assert.match(failed.reason ?? '', /loading/i);
    assert.match(failed.reason ?? '', /120 s/, 'the reason names the estimated time that made the router move on');
    assert.equal(answered.model, next);
    assert.equal(answered.status, 'succeeded');
    assert.equal(decision.chosen?.model, next);
    assert.deepEqual((await inferenceRequests()).map(requestedModel), [first, next]);
  });
});
