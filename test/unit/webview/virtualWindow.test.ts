import { strict as assert } from 'node:assert';
import { moveIndex, nearEnd, revealScrollTop, visibleRange } from '../../../src/webview/virtualWindow';

describe('webview/virtualWindow', () => {
  it('renders only the rows in view plus overscan, whatever the list length', () => {
    assert.deepEqual(visibleRange(0, 460, 46, 1000, 6), { start: 0, end: 17 });
    assert.deepEqual(visibleRange(46 * 500, 460, 46, 1000, 6), { start: 494, end: 517 });
    const range = visibleRange(46 * 990, 460, 46, 1000, 6);
    assert.deepEqual(range, { start: 984, end: 1000 });
    assert.ok(range.end - range.start <= 23);
  });

  it('renders nothing for an empty list and clamps a scroll past the end', () => {
    assert.deepEqual(visibleRange(0, 460, 46, 0), { start: 0, end: 0 });
    assert.deepEqual(visibleRange(1e9, 460, 46, 10, 2), { start: 7, end: 10 });
  });

  it('scrolls as little as possible to reveal a row', () => {
    assert.equal(revealScrollTop(5, 0, 460, 46), 0);
    assert.equal(revealScrollTop(10, 0, 460, 46), 46);
    assert.equal(revealScrollTop(2, 460, 460, 46), 92);
  });

  it('moves the active row with arrows, pages, Home and End, within bounds', () => {
    assert.equal(moveIndex(-1, 'ArrowDown', 10, 5), 0);
    assert.equal(moveIndex(3, 'ArrowDown', 10, 5), 4);
    assert.equal(moveIndex(9, 'ArrowDown', 10, 5), 9);
    assert.equal(moveIndex(0, 'ArrowUp', 10, 5), 0);
    assert.equal(moveIndex(2, 'PageDown', 10, 5), 7);
    assert.equal(moveIndex(2, 'PageUp', 10, 5), 0);
    assert.equal(moveIndex(4, 'End', 10, 5), 9);
    assert.equal(moveIndex(4, 'Home', 10, 5), 0);
    assert.equal(moveIndex(4, 'a', 10, 5), undefined);
    assert.equal(moveIndex(0, 'ArrowDown', 0, 5), undefined);
  });

  it('asks for the next page when the window nears the loaded end', () => {
    assert.equal(nearEnd({ start: 20, end: 39 }, 50), false);
    assert.equal(nearEnd({ start: 25, end: 40 }, 50), true);
    assert.equal(nearEnd({ start: 0, end: 0 }, 0), false);
  });
});
