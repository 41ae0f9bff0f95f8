import { strict as assert } from 'node:assert';
import { burstEfficiency, maxInSlidingWindow } from '../../../bench/slidingWindow';

describe('sliding-window count of the rate-limiter benchmark', () => {
  it('counts the events of the busiest half-open window [t, t + window)', () => {
    assert.equal(maxInSlidingWindow([0, 100, 200, 1000, 1100], 1000), 3);
    assert.equal(maxInSlidingWindow([0, 999, 1998], 1000), 2);
  });

  it('finds a busy window that does not start at the first event, whatever the input order', () => {
    assert.equal(maxInSlidingWindow([5000, 0, 1500, 1600, 1700, 2400], 1000), 4);
  });

  it('does not count an event exactly one window later in the same window', () => {
    assert.equal(maxInSlidingWindow([0, 0, 1000, 1000], 1000), 2);
  });

  it('is 0 without events and rejects a window that is not positive', () => {
    assert.equal(maxInSlidingWindow([], 1000), 0);
    assert.throws(() => maxInSlidingWindow([1], 0), RangeError);
  });

  it('rates a burst granted exactly one window apart per batch as 1', () => {
    const grants = [0, 0, 1000, 1000, 2000, 2000];
    assert.equal(burstEfficiency(grants, 2, 1000), 1);
  });

  it('rates a burst that lost time below 1', () => {
    const grants = [0, 0, 1000, 1000, 2100, 2100]; // the last batch came 100 ms late
    assert.equal(burstEfficiency(grants, 2, 1000), 3000 / 3100);
  });

  it('counts a partial last batch as a whole window', () => {
    assert.equal(burstEfficiency([0, 0, 1000], 2, 1000), 1);
  });
});
