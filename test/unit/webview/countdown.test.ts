import { strict as assert } from 'node:assert';
import { startCountdown, type Timers } from '../../../src/webview/countdown';

/** Timers driven by the test: `advance(ms)` runs every interval that comes due. */
function fakeTimers() {
  let now = 0;
  const intervals = new Map<number, { fn: () => void; ms: number; next: number }>();
  let nextId = 1;
  const timers: Timers = {
    now: () => now,
    setInterval: (fn, ms) => {
      intervals.set(nextId, { fn, ms, next: now + ms });
      return nextId++;
    },
    clearInterval: (handle) => void intervals.delete(handle as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...intervals.values()].filter((i) => i.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.ms;
      due.fn();
    }
    now = end;
  };
  return { timers, advance, running: () => intervals.size };
}

describe('webview/countdown', () => {
  it('counts down whole seconds to the deadline, then says 0 once and stops', () => {
    const t = fakeTimers();
    const seen: number[] = [];
    startCountdown(3_500, () => true, (s) => seen.push(s), t.timers);
    t.advance(10_000);
    assert.deepEqual(seen, [4, 3, 2, 1, 0]);
    assert.equal(t.running(), 0);
  });

  it('stops at once when its button leaves the page, however far the deadline', () => {
    const t = fakeTimers();
    let attached = true;
    const seen: number[] = [];
    startCountdown(3_600_000, () => attached, (s) => seen.push(s), t.timers);
    t.advance(2_000);
    attached = false;
    t.advance(1_000);
    assert.equal(t.running(), 0);
    assert.equal(seen.length, 3);
  });

  it('stops when the button was never attached (the state was replaced before it showed)', () => {
    const t = fakeTimers();
    startCountdown(3_600_000, () => false, () => undefined, t.timers);
    t.advance(1_000);
    assert.equal(t.running(), 0);
  });
});
