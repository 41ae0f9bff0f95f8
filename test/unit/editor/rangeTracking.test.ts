import { strict as assert } from 'node:assert';
import { applyChange, applyChanges, applyOwnChange, isExpectedChange } from '../../../src/editor/rangeTracking';

describe('rangeTracking', () => {
  const range = { start: 10, end: 20 };

  describe("'target' mode (a selection an action will replace)", () => {
    it('shifts the range by the size difference of an edit before it', () => {
      assert.deepEqual(applyChange(range, { offset: 2, length: 3, text: 'abcdefgh' }, 'target'), { start: 15, end: 25 });
    });

    it('shifts the range when text is inserted exactly at its start', () => {
      assert.deepEqual(applyChange(range, { offset: 10, length: 0, text: 'xy' }, 'target'), { start: 12, end: 22 });
    });

    it('shifts the range when a deletion ends exactly at its start', () => {
      assert.deepEqual(applyChange(range, { offset: 5, length: 5, text: '' }, 'target'), { start: 5, end: 15 });
    });

    it('ignores edits after the range, including an insertion exactly at its end', () => {
      assert.deepEqual(applyChange(range, { offset: 30, length: 4, text: '' }, 'target'), range);
      assert.deepEqual(applyChange(range, { offset: 20, length: 0, text: 'tail' }, 'target'), range);
    });

    it('is invalidated by an edit inside the range', () => {
      assert.equal(applyChange(range, { offset: 12, length: 1, text: 'Z' }, 'target'), undefined);
    });

    it('is invalidated by an edit straddling either boundary', () => {
      assert.equal(applyChange(range, { offset: 8, length: 4, text: '' }, 'target'), undefined);
      assert.equal(applyChange(range, { offset: 18, length: 4, text: '' }, 'target'), undefined);
    });

    it('is invalidated when the whole range is deleted', () => {
      assert.equal(applyChange(range, { offset: 0, length: 40, text: '' }, 'target'), undefined);
    });
  });

  describe("'growing' mode (text streamed in at the end)", () => {
    it('is invalidated by the user typing exactly where the next chunk goes', () => {
      assert.equal(applyChange(range, { offset: 20, length: 0, text: 'x' }, 'growing'), undefined);
    });

    it('is invalidated by typing at the insertion point before anything was inserted', () => {
      assert.equal(applyChange({ start: 5, end: 5 }, { offset: 5, length: 0, text: 'x' }, 'growing'), undefined);
    });

    it('still follows edits before it and ignores edits after it', () => {
      assert.deepEqual(applyChange(range, { offset: 0, length: 0, text: 'ab' }, 'growing'), { start: 12, end: 22 });
      assert.deepEqual(applyChange(range, { offset: 25, length: 2, text: '' }, 'growing'), range);
    });
  });

  it('applies the changes of one event in order and stays invalid once touched', () => {
    const changes = [
      { offset: 30, length: 0, text: 'after' },
      { offset: 0, length: 0, text: '12' },
    ];
    assert.deepEqual(applyChanges(range, changes, 'target'), { start: 12, end: 22 });
    assert.equal(applyChanges(range, [{ offset: 15, length: 1, text: '' }, { offset: 0, length: 0, text: 'a' }], 'target'), undefined);
  });

  it('grows or shrinks the range by our own edits, keeping its start', () => {
    assert.deepEqual(applyOwnChange(range, { offset: 20, length: 0, text: 'chunk' }), { start: 10, end: 25 });
    assert.deepEqual(applyOwnChange(range, { offset: 10, length: 10, text: 'abc' }), { start: 10, end: 13 });
    assert.deepEqual(applyOwnChange(range, { offset: 10, length: 10, text: '' }), { start: 10, end: 10 });
  });

  it('recognises our own edit even when VS Code turned \\n into \\r\\n', () => {
    assert.ok(isExpectedChange({ offset: 3, length: 0, text: 'a\r\nb' }, { offset: 3, length: 0, text: 'a\nb' }));
    assert.ok(!isExpectedChange({ offset: 4, length: 0, text: 'a\nb' }, { offset: 3, length: 0, text: 'a\nb' }));
    assert.ok(!isExpectedChange({ offset: 3, length: 0, text: 'a\nc' }, { offset: 3, length: 0, text: 'a\nb' }));
  });
});
