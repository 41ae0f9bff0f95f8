/**
 * The sliding-window rate limiter under a burst: limit R per window (the window scaled down from a minute to
 * one second so the run stays short; the limiter's logic does not depend on the window's length), 5R
 * requests queued at once. Reports the achieved throughput over the ideal (see burstEfficiency) and the most
 * grants seen in any sliding window, measured from the outside at the moment each caller was released.
 *
 * A caller learns of its grant in a promise continuation, which runs after the limiter has granted the whole
 * batch (measured here: up to ~0.5 ms later on a busy machine). Two batches a window apart can therefore look
 * up to that much closer than they were granted, so windows of WINDOW_MS - OBSERVATION_SLACK_MS are counted:
 * a limiter that grants one request too many per window, or a window early, still shows.
 */
import { performance } from 'node:perf_hooks';
import { SlidingWindowRateLimiter } from '../src/core/routing/rateLimiter';
import { preciseClock } from './fakeEnv';
import { targetRow } from './report';
import type { BenchContext, Section, SectionResult } from './section';
import { burstEfficiency, maxInSlidingWindow } from './slidingWindow';
import { round } from './stats';

export const LIMIT = 20;
export const WINDOW_MS = 1000;
export const BURST = 5 * LIMIT;
export const OBSERVATION_SLACK_MS = 1;

export const rateLimiterSection: Section = {
  name: 'rate-limiter',
  async run(ctx: BenchContext): Promise<SectionResult> {
    ctx.log(`rate limiter: ${BURST} queued requests, ${LIMIT} per ${WINDOW_MS} ms (~${((BURST / LIMIT - 1) * WINDOW_MS) / 1000} s)`);
    const limiter = new SlidingWindowRateLimiter({ limit: LIMIT, windowMs: WINDOW_MS, clock: preciseClock });
    const released: number[] = [];
    await Promise.all(Array.from({ length: BURST }, () => limiter.acquire().then(() => void released.push(performance.now()))));
    const efficiency = burstEfficiency(released, LIMIT, WINDOW_MS);
    const maxInWindow = maxInSlidingWindow(released, WINDOW_MS - OBSERVATION_SLACK_MS);
    const spanMs = Math.max(...released) - Math.min(...released);
    return {
      rows: [
        targetRow(
          'rate-limiter',
          `Rate limiter: throughput of a ${BURST}-request burst over the ideal (R=${LIMIT}/${WINDOW_MS} ms)`,
          round(efficiency, 4),
          `${efficiency.toFixed(4)} (last grant after ${spanMs.toFixed(1)} ms, ideal ${(BURST / LIMIT - 1) * WINDOW_MS} ms)`,
          { op: '>=', value: 0.98, unit: '' },
        ),
        targetRow(
          'rate-limiter',
          'Rate limiter: most grants in any sliding window',
          maxInWindow,
          `${maxInWindow} (windows of ${WINDOW_MS - OBSERVATION_SLACK_MS} ms, see bench/rateLimiter.ts)`,
          { op: '<=', value: LIMIT, unit: '' },
        ),
      ],
      details: { limit: LIMIT, windowMs: WINDOW_MS, observationSlackMs: OBSERVATION_SLACK_MS, burst: BURST, efficiency, maxInWindow, spanMs, releasedMs: released.map((t) => round(t - released[0], 3)) },
    };
  },
};
