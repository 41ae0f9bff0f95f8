import { strict as assert } from 'node:assert';
import { formatBytes, relativeTime, waitSeconds } from '../../../src/webview/displayFormat';

const NOW = Date.parse('2026-01-15T12:00:00Z');
const ago = (ms: number) => NOW - ms;

describe('webview/displayFormat', () => {
  it('says how long ago, in the largest whole unit', () => {
    assert.equal(relativeTime(ago(30_000), NOW), 'just now');
    assert.equal(relativeTime(ago(60_000), NOW), '1 minute ago');
    assert.equal(relativeTime(ago(5 * 3600_000), NOW), '5 hours ago');
    assert.equal(relativeTime(ago(3 * 86400_000), NOW), '3 days ago');
    assert.equal(relativeTime(ago(15 * 86400_000), NOW), '2 weeks ago');
    assert.equal(relativeTime(ago(400 * 86400_000), NOW), '1 year ago');
  });

  it('reads a future date (clock skew) as just now and a missing date as nothing', () => {
    assert.equal(relativeTime(NOW + 60_000, NOW), 'just now');
    assert.equal(relativeTime(null, NOW), '');
  });

  it('formats sizes in SI units', () => {
    assert.deepEqual([0, 665, 1536, 548_105_171, 16_000_000_000].map(formatBytes), ['0 B', '665 B', '1.5 kB', '548 MB', '16 GB']);
  });

  it('rounds a rate-limit wait up to whole seconds, at least one', () => {
    assert.deepEqual([0, 1, 1000, 1001, 29_500].map(waitSeconds), [1, 1, 1, 2, 30]);
  });
});
