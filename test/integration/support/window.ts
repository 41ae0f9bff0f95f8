// Settings of the e2e window that hold for the whole run: the integration phases and the browser phase after them.
//
// The local rate limiter (huggingFace.rateLimit.requestsPerMinute, 10 by default) counts the requests of the last
// minute. The integration suite sends dozens, so with the default every later request (a later case, or the
// browser phase's translation right after the suite) would wait up to a minute for them to leave the window.
// The limiter is unit-tested (test/unit/core/rateLimiter.test.ts); here it is set out of the way once, for the
// window's lifetime, rather than per case, because restoring the default would throttle whatever runs next.
import * as vscode from 'vscode';

export const E2E_REQUESTS_PER_MINUTE = 1000;

export async function prepareWindow(): Promise<void> {
  await vscode.workspace
    .getConfiguration('huggingFace')
    .update('rateLimit.requestsPerMinute', E2E_REQUESTS_PER_MINUTE, vscode.ConfigurationTarget.Global);
}
