import { performance } from 'node:perf_hooks';
import type { Clock } from '../../../src/core/routing/routingTypes';
import { cancelledFailure } from '../../../src/core/routing/clock';

/**
 * Real time for `now()` and `monotonicNow()`, but every sleep returns at once and is recorded:
 * integration tests against the fake server check which waits the router asked for without spending them.
 */
export class InstantClock implements Clock {
  readonly sleeps: number[] = [];
  now(): number {
    return Date.now();
  }
  monotonicNow(): number {
    return performance.now();
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelledFailure();
    this.sleeps.push(ms);
  }
}
