import { waitSeconds } from './displayFormat';

/** Timer functions, injectable so the countdown is tested without waiting. */
export interface Timers {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const browserTimers: Timers = {
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Calls `render(secondsLeft)` now and every second until `deadline`, then `render(0)` once. Stops for good
 * as soon as the element it updates is no longer on the page (`isAttached` false after the first tick):
 * a replaced state never leaves an interval running until a distant Retry-After.
 */
export function startCountdown(deadline: number, isAttached: () => boolean, render: (secondsLeft: number) => void, timers: Timers = browserTimers): void {
  let first = true;
  const tick = (): void => {
    if (!first && !isAttached()) return timers.clearInterval(handle);
    first = false;
    const left = deadline - timers.now();
    render(left <= 0 ? 0 : waitSeconds(left));
    if (left <= 0) timers.clearInterval(handle);
  };
  const handle = timers.setInterval(tick, 1000);
  tick();
}
