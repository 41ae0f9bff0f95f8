import { strict as assert } from 'node:assert';
import { compactNumber } from '../../../src/shared/compactNumber';

describe('shared/compactNumber', () => {
  it('keeps small counts whole and shortens large ones to one decimal', () => {
    assert.deepEqual(
      [0, 999, 1000, 1234, 1250, 15_300, 30_000, 250_000, 1_250_000, 5_600_000, 2_100_000_000].map(compactNumber),
      ['0', '999', '1k', '1.2k', '1.3k', '15.3k', '30k', '250k', '1.3M', '5.6M', '2.1B'],
    );
  });

  it('moves to the next unit rather than showing 1000 of one', () => {
    assert.equal(compactNumber(999_999), '1M');
    assert.equal(compactNumber(999_600_000), '1B');
    assert.equal(compactNumber(999_400), '999k');
  });

  it('shows nothing for a missing or non-finite number', () => {
    assert.equal(compactNumber(null), '');
    assert.equal(compactNumber(Number.NaN), '');
  });
});
