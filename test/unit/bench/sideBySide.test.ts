import { strict as assert } from 'node:assert';
import { interleavedOrder, sideBySide } from '../../../bench/sideBySide';

describe('side-by-side runs of two variants', () => {
  it('interleaves pairs and flips each pair’s order, so neither variant always runs first', () => {
    assert.deepEqual(interleavedOrder(3), ['a', 'b', 'b', 'a', 'a', 'b']);
    assert.deepEqual(interleavedOrder(0), []);
  });

  it('warms both variants up unmeasured, then records what each run reports and the ratio of medians', async () => {
    const calls: string[] = [];
    let a = 0;
    let b = 0;
    const result = await sideBySide(
      async () => {
        calls.push('a');
        return [4, 2, 6][a++ % 3];
      },
      async () => {
        calls.push('b');
        return [2, 1, 3][b++ % 3];
      },
      { runs: 3, warmup: 1 },
    );
    assert.deepEqual(calls, ['a', 'b', 'a', 'b', 'b', 'a', 'a', 'b']);
    // The warm-up consumed the first value of each list.
    assert.deepEqual(result.samplesA, [2, 6, 4]);
    assert.deepEqual(result.samplesB, [1, 3, 2]);
    assert.equal(result.ratioOfMedians, 2);
  });
});
