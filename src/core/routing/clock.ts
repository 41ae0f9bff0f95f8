/**
 * The real time source. Everything time-dependent in the core takes a `Clock` so tests can
 * drive it with a fake one (test/unit/support/fakeClock.ts) instead of sleeping.
 */
import { performance } from 'node:perf_hooks';
import { CallFailure, type Clock } from './routingTypes';

/** The failure every cancelled wait rejects with (one place, so the message stays consistent). */
export function cancelledFailure(): CallFailure {
  return new CallFailure('cancelled', 'Cancelled');
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // performance.now() is steady (not stepped by clock changes), which Date.now() is not.
  monotonicNow: () => performance.now(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelledFailure());
        return;
      }
      const onAbort = (): void => {
        // Clear the timer so a cancelled long wait does not keep the event loop (or a test run) alive.
        clearTimeout(timer);
        reject(cancelledFailure());
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, Number.isFinite(ms) ? ms : 0),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
