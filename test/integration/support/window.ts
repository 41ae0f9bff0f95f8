// Settings of the e2e window that hold for the whole run: the integration phases and the browser phase after them.
//
// The local rate limiter (huggingFace.rateLimit.requestsPerMinute, 10 by default) counts the requests of the last
// minute. The integration suite sends dozens, so with the default every later request (a later case, or the
// browser phase's translation right after the suite) would wait up to a minute for them to leave the window.
// The limiter is unit-tested (test/unit/core/rateLimiter.test.ts); here it is set out of the way once, for the
// window's lifetime, rather than per case, because restoring the default would throttle whatever runs next.
import * as vscode from 'vscode';

//
// On-device models (huggingFace.local.enabled, on by default) are off in this window for the same reason: the cases
// here test the remote chain against the fake router, and with the tiny real models the fake Hub serves, a
// sentiment or an en→fr translation would be answered on this machine. The on-device cases
// (localModels.test.ts) turn them on for themselves.
export const E2E_REQUESTS_PER_MINUTE = 1000;

export async function prepareWindow(): Promise<void> {
  const section = vscode.workspace.getConfiguration('huggingFace');
  await section.update('rateLimit.requestsPerMinute', E2E_REQUESTS_PER_MINUTE, vscode.ConfigurationTarget.Global);
  await section.update('local.enabled', false, vscode.ConfigurationTarget.Global);
}
