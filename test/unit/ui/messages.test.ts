import { strict as assert } from 'node:assert';
import { RoutingError } from '../../../src/core/routing/routingError';
import { CallFailure } from '../../../src/core/routing/routingTypes';
import type { Decision } from '../../../src/core/routing/decision';
import { callFailureOf, failureMessage, QUOTA_SETTING_ID, selectionTooLongMessage } from '../../../src/ui/messages';

const ctx = { hasToken: true, hubUrl: 'https://huggingface.co', routerUrl: 'https://router.huggingface.co' };

describe('ui/messages', () => {
  it('offers Sign In for a rejected token (401)', () => {
    const m = failureMessage('unauthorized', 'Invalid credentials.', ctx);
    assert.equal(m.severity, 'error');
    assert.ok(m.actions.includes('signIn'));
    assert.match(m.text, /401/);
  });

  it('does not repeat the status when the core message already names it', () => {
    const m = failureMessage('unauthorized', 'Hugging Face rejected the token (401): bad', ctx);
    assert.equal(m.text, 'Hugging Face rejected the token (401): bad. Sign in again with a valid token.');
    assert.equal(failureMessage('forbidden', '', ctx).text, 'The token is not allowed to do this (403 Forbidden). Use a token with permission to call Inference Providers.');
  });

  it('a 402 says the credits are used up and where to look, not that the token lacks permission', () => {
    const m = failureMessage('forbidden', 'Hugging Face refused the request (402): You have exceeded your monthly included credits for Inference Providers.', ctx);
    assert.match(m.text, /used up its Inference Providers credits/);
    assert.match(m.text, /huggingface\.co\/settings\/billing/);
    assert.doesNotMatch(m.text, /permission/);
    assert.ok(!m.actions.includes('signIn'), 'signing in again does not help');
  });

  it('offers Sign In for a configuration failure when there is no token', () => {
    const m = failureMessage('config', 'No Hugging Face token.', { ...ctx, hasToken: false });
    assert.deepEqual(m.actions, ['signIn']);
    assert.match(m.text, /HF_TOKEN/);
  });

  it('offers the endpoints setting for a configuration failure when a token exists', () => {
    const m = failureMessage('config', 'No endpoint "x" in setting huggingFace.endpoints.', ctx);
    assert.ok(m.actions.includes('openSettings'));
    assert.equal(m.setting, 'huggingFace.endpoints');
  });

  it('names huggingFace.quota.monthlyRequests and opens it when the quota is exceeded', () => {
    const m = failureMessage('quota-exceeded', 'Monthly request quota reached.', ctx);
    assert.ok(m.text.includes(QUOTA_SETTING_ID));
    assert.deepEqual(m.actions, ['openSettings']);
    assert.equal(m.setting, 'huggingFace.quota.monthlyRequests');
  });

  it('does not repeat the setting name when the core message already has it', () => {
    const text = `Quota reached. Raise the "${QUOTA_SETTING_ID}" setting.`;
    assert.equal(failureMessage('quota-exceeded', text, ctx).text, text);
  });

  it('names the host and the hubUrl / routerUrl settings on a network failure, with Retry', () => {
    const m = failureMessage('network', 'connect ECONNREFUSED', { ...ctx, routerUrl: 'http://127.0.0.1:9999/router' });
    assert.match(m.text, /127\.0\.0\.1:9999/);
    assert.match(m.text, /huggingFace\.routerUrl/);
    assert.match(m.text, /huggingFace\.hubUrl/);
    assert.ok(m.actions.includes('retry'));
  });

  it('points at the timeout setting on a timeout', () => {
    const m = failureMessage('timeout', 'Timed out after 60 s.', ctx);
    assert.equal(m.setting, 'huggingFace.requestTimeoutSeconds');
  });

  it('offers the routing decision for failures where the chain matters', () => {
    for (const kind of ['server', 'gone', 'malformed', 'bad-request', 'forbidden'] as const) {
      assert.ok(failureMessage(kind, 'x', ctx).actions.includes('showDecision'), kind);
    }
  });

  it('treats cancellation as information, with no buttons', () => {
    assert.deepEqual(failureMessage('cancelled', 'Cancelled.', ctx), { severity: 'info', text: 'Cancelled.', actions: [] });
  });

  it('never shows something shaped like a token', () => {
    const m = failureMessage('server', 'failed with Bearer hf_abcdefghijkl', ctx);
    assert.ok(!m.text.includes('hf_abcdefghijkl'));
  });

  it('reads kind and message from a RoutingError, a CallFailure or anything else', () => {
    const decision: Decision = { id: 1, task: 'sentiment', startedAt: 0, totalMs: 1, fromCache: false, outcomes: [] };
    assert.deepEqual(callFailureOf(new RoutingError(new CallFailure('gone', 'Model gone.'), decision)), { kind: 'gone', message: 'Model gone.' });
    assert.deepEqual(callFailureOf(new CallFailure('timeout', 'Slow.')), { kind: 'timeout', message: 'Slow.' });
    assert.equal(callFailureOf(new Error('boom')).kind, 'server');
  });

  it('says how long the selection is, the limit, and which setting raises it', () => {
    const m = selectionTooLongMessage(25000, 20000);
    assert.match(m.text, /25000/);
    assert.match(m.text, /20000/);
    assert.equal(m.setting, 'huggingFace.maxSelectionChars');
  });
});
