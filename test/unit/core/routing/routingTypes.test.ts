import { strict as assert } from 'node:assert';
import { CallFailure } from '../../../../src/core/routing/routingTypes';

describe('core/routing/routingTypes', () => {
  it('CallFailure carries its kind and details', () => {
    const f = new CallFailure('rate-limited', 'slow down', { status: 429, retryAfterMs: 1000 });
    assert.equal(f.kind, 'rate-limited');
    assert.equal(f.details.retryAfterMs, 1000);
  });
});
