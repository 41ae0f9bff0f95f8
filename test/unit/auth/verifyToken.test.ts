import { strict as assert } from 'node:assert';
import { tokenShapeProblem, verifyToken, type WhoAmIFn } from '../../../src/auth/verifyToken';

const HUB = 'http://127.0.0.1:7000';
const noFetch = (() => Promise.reject(new Error('no network in this test'))) as typeof fetch;

function hubError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { name: 'HubApiError', statusCode });
}

describe('auth/verifyToken', () => {
  it('accepts only tokens shaped like hf_…', () => {
    assert.equal(tokenShapeProblem('hf_fake_valid_token', HUB), undefined);
    assert.match(tokenShapeProblem('sk-123456789', HUB) ?? '', /starts with "hf_"/);
    assert.match(tokenShapeProblem('hf_ab cdefgh', HUB) ?? '', /hf_/);
    assert.match(tokenShapeProblem('  ', HUB) ?? '', /Paste/);
    assert.match(tokenShapeProblem('x', HUB) ?? '', /127\.0\.0\.1:7000\/settings\/tokens/);
  });

  it('returns the account name and passes the Hub URL, the fetch and the trimmed token to whoAmI', async () => {
    let seen: Parameters<WhoAmIFn>[0] | undefined;
    const whoAmI: WhoAmIFn = async (params) => {
      seen = params;
      return { name: 'fake-user' };
    };
    const result = await verifyToken(' hf_fake_valid_token ', { whoAmI, hubUrl: HUB, fetch: noFetch });
    assert.deepEqual(result, { ok: true, account: 'fake-user' });
    assert.equal(seen?.accessToken, 'hf_fake_valid_token');
    assert.equal(seen?.hubUrl, HUB);
    assert.equal(seen?.fetch, noFetch);
  });

  it('does not call the Hub for a malformed token', async () => {
    let called = false;
    const whoAmI: WhoAmIFn = async () => {
      called = true;
      return { name: 'x' };
    };
    const result = await verifyToken('not-a-token', { whoAmI, hubUrl: HUB, fetch: noFetch });
    assert.equal(result.ok ? 'ok' : result.reason, 'shape');
    assert.equal(called, false);
  });

  it('reports a 401 as a rejected token', async () => {
    const whoAmI: WhoAmIFn = () => Promise.reject(hubError(401, 'Invalid credentials in Authorization header'));
    const result = await verifyToken('hf_fake_bad_token', { whoAmI, hubUrl: HUB, fetch: noFetch });
    assert.equal(result.ok ? 'ok' : result.reason, 'unauthorized');
    assert.match(result.ok ? '' : result.message, /401/);
    assert.match(result.ok ? '' : result.message, /nothing was saved/);
  });

  it('reports a refused connection as an unreachable Hub, naming the URL and the setting', async () => {
    const err = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const result = await verifyToken('hf_fake_valid_token', { whoAmI: () => Promise.reject(err), hubUrl: HUB, fetch: noFetch });
    assert.equal(result.ok ? 'ok' : result.reason, 'unreachable');
    assert.match(result.ok ? '' : result.message, /127\.0\.0\.1:7000/);
    assert.match(result.ok ? '' : result.message, /huggingFace\.hubUrl/);
  });

  it('reports a timeout as an unreachable Hub', async () => {
    const err = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    const result = await verifyToken('hf_fake_valid_token', { whoAmI: () => Promise.reject(err), hubUrl: HUB, fetch: noFetch });
    assert.equal(result.ok ? 'ok' : result.reason, 'unreachable');
  });

  it('reports other Hub errors with their status, never echoing the token', async () => {
    const whoAmI: WhoAmIFn = () => Promise.reject(hubError(500, 'boom for hf_fake_valid_token'));
    const result = await verifyToken('hf_fake_valid_token', { whoAmI, hubUrl: HUB, fetch: noFetch });
    assert.equal(result.ok ? 'ok' : result.reason, 'other');
    assert.match(result.ok ? '' : result.message, /500/);
    assert.ok(!(result.ok ? '' : result.message).includes('hf_fake_valid_token'));
  });
});
