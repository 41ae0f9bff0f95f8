import { strict as assert } from 'node:assert';
import { median, percentile, ratio, round, summarize } from '../../../bench/stats';

describe('bench statistics', () => {
  it('takes the middle sample as the median of an odd count, the mean of the two middle ones of an even count', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('interpolates percentiles between the closest ranks', () => {
    const xs = Array.from({ length: 21 }, (_, i) => i * 10); // 0, 10, …, 200
    assert.equal(percentile(xs, 95), 190);
    assert.equal(percentile([1, 2], 95), 1.95);
    assert.equal(percentile([7], 95), 7);
    assert.equal(percentile(xs, 0), 0);
    assert.equal(percentile(xs, 100), 200);
  });

  it('does not reorder the caller’s samples', () => {
    const xs = [3, 1, 2];
    median(xs);
    assert.deepEqual(xs, [3, 1, 2]);
  });

  it('summarises n, median, p95, min, max and mean', () => {
    const xs = Array.from({ length: 21 }, (_, i) => (i * 10 + 70) % 210); // 0…200 in steps of 10, shuffled
    assert.deepEqual(summarize(xs), { n: 21, median: 100, p95: 190, min: 0, max: 200, mean: 100 });
  });

  it('rejects empty or non-finite samples and out-of-range percentiles', () => {
    assert.throws(() => median([]), RangeError);
    assert.throws(() => median([1, Number.NaN]), RangeError);
    assert.throws(() => percentile([1], 101), RangeError);
  });

  it('divides by the baseline and refuses a baseline that is not positive', () => {
    assert.equal(ratio(2.1, 2), 1.05);
    assert.throws(() => ratio(1, 0), RangeError);
    assert.throws(() => ratio(1, -1), RangeError);
  });

  it('rounds to the given number of digits', () => {
    assert.equal(round(1.23456, 2), 1.23);
    assert.equal(round(1.23456, 3), 1.235);
  });
});
