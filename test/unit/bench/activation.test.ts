import { strict as assert } from 'node:assert';
import { eagerActivationEvents, isActivationTimings } from '../../../bench/activation';

describe('activation checks of the benchmark', () => {
  it('flags the activation events that start the extension with the window', () => {
    assert.deepEqual(eagerActivationEvents({ activationEvents: ['onCommand:x', '*', 'onStartupFinished', 'onView:y'] }), ['*']);
    assert.deepEqual(eagerActivationEvents({ activationEvents: [] }), []);
    assert.deepEqual(eagerActivationEvents({}), []);
  });

  it('accepts a timings file only with a finite activation time and a startup flag', () => {
    assert.equal(isActivationTimings({ activationMs: 12.5, activeAtStartup: false }), true);
    assert.equal(isActivationTimings({ activationMs: Number.NaN, activeAtStartup: false }), false);
    assert.equal(isActivationTimings({ activationMs: 12 }), false);
    assert.equal(isActivationTimings(null), false);
  });
});
