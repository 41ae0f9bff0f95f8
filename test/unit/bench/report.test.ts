import { strict as assert } from 'node:assert';
import { describeTarget, formatTable, infoRow, judge, targetRow, unavailableRow } from '../../../bench/report';

describe('benchmark report rows', () => {
  it('judges a value against each kind of target, and a missing value as n/a', () => {
    assert.equal(judge(299, { op: '<', value: 300, unit: 'KB' }), 'pass');
    assert.equal(judge(300, { op: '<', value: 300, unit: 'KB' }), 'fail');
    assert.equal(judge(1.05, { op: '<=', value: 1.05, unit: '×' }), 'pass');
    assert.equal(judge(0.97, { op: '>=', value: 0.98, unit: '' }), 'fail');
    assert.equal(judge(0, { op: '==', value: 0, unit: '' }), 'pass');
    assert.equal(judge(undefined, { op: '<', value: 1, unit: '' }), 'n/a');
    assert.equal(judge(Number.NaN, { op: '<', value: 1, unit: '' }), 'n/a');
  });

  it('writes targets the way the issue does', () => {
    assert.equal(describeTarget({ op: '<', value: 50, unit: 'ms' }), '< 50 ms');
    assert.equal(describeTarget({ op: '<=', value: 1.05, unit: '×' }), '≤ 1.05×');
    assert.equal(describeTarget({ op: '>=', value: 0.98, unit: '' }), '≥ 0.98');
    assert.equal(describeTarget({ op: '==', value: 0, unit: '', text: 'none' }), 'none');
  });

  it('prints a Markdown table with a mark per verdict and escapes pipes in cells', () => {
    const table = formatTable([
      targetRow('s', 'Bundle', 212, '212 KB', { op: '<', value: 300, unit: 'KB' }),
      targetRow('s', 'Ratio', 1.2, '1.2×', { op: '<=', value: 1.05, unit: '×' }),
      infoRow('s', 'Top | inputs', 'a, b'),
      unavailableRow('s', 'Activation', 'no VS Code'),
    ]);
    assert.equal(
      table,
      [
        '| metric | measured | target | verdict |',
        '|---|---|---|---|',
        '| Bundle | 212 KB | < 300 KB | ✓ |',
        '| Ratio | 1.2× | ≤ 1.05× | ✗ |',
        '| Top \\| inputs | a, b | – | – |',
        '| Activation | n/a (no VS Code) | – | n/a |',
      ].join('\n'),
    );
  });
});
