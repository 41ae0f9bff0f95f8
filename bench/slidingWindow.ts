/**
 * The rate limiter's promise, checked from the outside: the largest number of events inside any
 * half-open window [t, t + windowMs). The maximum is always reached by a window that starts at an
 * event, so only those windows are examined (two pointers over the sorted times: O(n log n)).
 */
export function maxInSlidingWindow(times: readonly number[], windowMs: number): number {
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  const xs = [...times].sort((a, b) => a - b);
  let best = 0;
  let end = 0;
  for (let start = 0; start < xs.length; start++) {
    if (end < start) end = start;
    while (end < xs.length && xs[end] < xs[start] + windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

/**
 * Throughput of a burst against the ideal one: `count` requests under `limit` per `windowMs` ideally occupy
 * ceil(count / limit) windows, the last of which closes windowMs after its first grant. Achieved: the same span
 * measured from the first grant to windowMs after the last. 1 = the limiter lost no time; below 1 = idle slots.
 */
export function burstEfficiency(grantTimes: readonly number[], limit: number, windowMs: number): number {
  if (grantTimes.length === 0) throw new RangeError('no grants');
  const first = Math.min(...grantTimes);
  const last = Math.max(...grantTimes);
  const idealSpan = Math.ceil(grantTimes.length / limit) * windowMs;
  return idealSpan / (last - first + windowMs);
}
