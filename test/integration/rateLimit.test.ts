// A 429 with Retry-After is waited out and the same model is asked again: the action succeeds without
// falling back, and the decision shows two attempts.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, select } from './support/documents';
import { fake, inferenceRequests, requestedModel, runAction } from './support/product';

describe('rate limiting by the server', () => {
  productCases();

  it('a 429 with Retry-After 1 s is waited out, then the same model answers', async () => {
    const model = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';
    await fake().setFault({ listener: 'router', model }, { type: 'rate-limit', retryAfterS: 1, times: 1 });
    const text = 'The new release is excellent and I love the speed.';
    const editor = await openDocument(`${text}\n`);
    select(editor, text);

    const result = await runAction('classifySentiment');
    assert.equal(result.status, 'applied', result.message);
    assert.equal(result.decision?.chosen?.model, model, 'no fallback to another model');
    assert.equal(result.decision?.chosen?.attempts, 2, 'the model was asked twice');
    assert.equal(result.decision?.outcomes.filter((o) => o.provider.kind !== 'local').length, 1, 'one remote model (the on-device one is listed as skipped)');
    assert.deepEqual((await inferenceRequests()).map(requestedModel), [model, model]);
  });
});
