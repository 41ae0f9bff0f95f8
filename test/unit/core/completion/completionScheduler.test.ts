import { strict as assert } from 'node:assert';
import { CompletionScheduler } from '../../../../src/core/completion/completionScheduler';
import { FakeClock, flushMicrotasks } from '../../support/fakeClock';

/** A promise settled from outside, standing for a model call in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('CompletionScheduler', () => {
  it('20 schedules within the debounce window start exactly one work: the last', async () => {
    const clock = new FakeClock(0);
    const scheduler = new CompletionScheduler({ clock });
    const ran: number[] = [];
    const results: Promise<string | undefined>[] = [];
    for (let i = 0; i < 20; i++) {
      results.push(
        scheduler.schedule(150, async () => {
          ran.push(i);
          return `completion ${i}`;
        }),
      );
      await clock.advance(10);
    }
    await clock.advance(150);
    assert.deepEqual(ran, [19]);
    const settled = await Promise.all(results);
    assert.deepEqual(settled.slice(0, 19), Array(19).fill(undefined));
    assert.equal(settled[19], 'completion 19');
    assert.deepEqual(scheduler.counters(), { started: 1, superseded: 19, abortedInFlight: 0, cancelled: 0 });
    assert.equal(clock.pendingSleeps(), 0, 'superseded debounces leave no timer behind');
  });

  it('does not start the work before the debounce has passed', async () => {
    const clock = new FakeClock(0);
    const scheduler = new CompletionScheduler({ clock });
    let started = false;
    const result = scheduler.schedule(100, async () => {
      started = true;
      return 1;
    });
    await clock.advance(99);
    assert.equal(started, false);
    await clock.advance(1);
    assert.equal(await result, 1);
  });

  it('a schedule while work is in flight aborts that work\'s signal; the old promise resolves undefined at once', async () => {
    const clock = new FakeClock(0);
    const scheduler = new CompletionScheduler({ clock });
    const call = deferred<string>();
    let firstSignal: AbortSignal | undefined;
    let abortedInside = false;
    const first = scheduler.schedule(50, async (signal) => {
      firstSignal = signal;
      signal.addEventListener('abort', () => {
        abortedInside = signal.aborted;
      });
      return call.promise;
    });
    await clock.advance(50);
    assert.ok(firstSignal && !firstSignal.aborted, 'the first work is running');

    const second = scheduler.schedule(50, async (signal) => (signal.aborted ? 'aborted?' : 'second'));
    assert.equal(abortedInside, true, 'the running work saw its signal abort');
    assert.equal(await first, undefined, 'without waiting for the model call to end');
    call.resolve('stale answer'); // arrives late: dropped
    await clock.advance(50);
    assert.equal(await second, 'second');
    assert.deepEqual(scheduler.counters(), { started: 2, superseded: 0, abortedInFlight: 1, cancelled: 0 });
  });

  it('an aborted work that then rejects (the cancelled request) still resolves undefined', async () => {
    const clock = new FakeClock(0);
    const scheduler = new CompletionScheduler({ clock });
    const first = scheduler.schedule(0, (signal) => new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('AbortError')))));
    scheduler.cancel();
    assert.equal(await first, undefined);
    await flushMicrotasks();
  });

  it('the outer signal cancels a schedule still debouncing, and its work never starts', async () => {
    const clock = new FakeClock(0);
    const scheduler = new CompletionScheduler({ clock });
    const outer = new AbortController();
    let started = false;
    const result = scheduler.schedule(
      100,
      async () => {
        started = true;
        return 'x';
      },
      outer.signal,
    );
    await clock.advance(40);
    outer.abort();
    await clock.advance(100);
    assert.equal(await result, undefined);
    assert.equal(started, false);
    assert.deepEqual(scheduler.counters(), { started: 0, superseded: 0, abortedInFlight: 0, cancelled: 1 });
  });

  it('the outer signal aborts work in flight', async () => {
    const clock = new FakeClock(0);
    const scheduler = new CompletionScheduler({ clock });
    const outer = new AbortController();
    let workSignal: AbortSignal | undefined;
    const result = scheduler.schedule(
      10,
      (signal) => {
        workSignal = signal;
        return new Promise<string>(() => undefined); // never answers by itself
      },
      outer.signal,
    );
    await clock.advance(10);
    outer.abort();
    assert.equal(workSignal?.aborted, true);
    assert.equal(await result, undefined);
    assert.equal(scheduler.abortedInFlight, 1);
  });

  it('an outer signal already aborted: nothing runs', async () => {
    const scheduler = new CompletionScheduler({ clock: new FakeClock(0) });
    const outer = new AbortController();
    outer.abort();
    let started = false;
    const result = await scheduler.schedule(0, async () => (started = true), outer.signal);
    assert.equal(result, undefined);
    assert.equal(started, false);
  });

  it('debounce 0 (an explicit invoke) starts the work within the call, without the clock', async () => {
    const clock = new FakeClock(0);
    const scheduler = new CompletionScheduler({ clock });
    let started = false;
    const result = scheduler.schedule(0, async () => {
      started = true;
      return 'now';
    });
    assert.equal(started, true);
    assert.equal(scheduler.started, 1);
    assert.equal(await result, 'now');
  });

  it('passes on an error from the current work', async () => {
    const scheduler = new CompletionScheduler({ clock: new FakeClock(0) });
    await assert.rejects(
      scheduler.schedule(0, async () => {
        throw new Error('503 from the router');
      }),
      /503 from the router/,
    );
  });

  it('a finished work is not counted as aborted by the next schedule', async () => {
    const scheduler = new CompletionScheduler({ clock: new FakeClock(0) });
    assert.equal(await scheduler.schedule(0, async () => 'a'), 'a');
    assert.equal(await scheduler.schedule(0, async () => 'b'), 'b');
    assert.deepEqual(scheduler.counters(), { started: 2, superseded: 0, abortedInFlight: 0, cancelled: 0 });
  });
});
