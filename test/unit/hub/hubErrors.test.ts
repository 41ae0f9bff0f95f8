import { strict as assert } from 'node:assert';
import { HubApiError } from '@huggingface/hub';
import { parseRetryAfter, toHubFailure } from '../../../src/hub/hubErrors';

const ctx = { authed: false, host: 'huggingface.co' };

describe('hub/hubErrors', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('30', now), 30_000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it("says a server error in plain words with its number, and leaves the server's own text to the log", () => {
    const err = new HubApiError('https://huggingface.co/api/models', 500, 'req-1', 'Internal Error. URL: https://huggingface.co/api/models. Request ID: req-1');
    assert.deepEqual(toHubFailure(err, ctx), { kind: 'error', message: 'The Hub could not answer just now (error 500). Try again in a moment.' });
  });

  it('maps a 410 (gone) to not-found like a 404', () => {
    assert.equal(toHubFailure(new HubApiError('u', 410, undefined, 'Gone'), ctx).kind, 'not-found');
  });

  it('explains an answer that is not in the Hub format instead of showing the parser error', () => {
    for (const err of [new SyntaxError('Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON'), new TypeError('items is not iterable')]) {
      const failure = toHubFailure(err, ctx);
      assert.equal(failure.kind, 'error');
      assert.match(failure.message, /not in the Hub's format/);
      assert.ok(!failure.message.includes(err.message));
    }
  });

  it('maps a 404 to not-found, a timeout to timeout, an abort to cancelled', () => {
    assert.equal(toHubFailure(new HubApiError('u', 404, undefined, 'x'), ctx).kind, 'not-found');
    assert.equal(toHubFailure(new DOMException('t', 'TimeoutError'), ctx).kind, 'timeout');
    assert.equal(toHubFailure(new DOMException('a', 'AbortError'), ctx).kind, 'cancelled');
  });

  it('redacts anything token-shaped from unexpected errors', () => {
    const failure = toHubFailure(new Error('boom with hf_abcdefghijklmnopqrstu inside'), ctx);
    assert.equal(failure.kind, 'error');
    assert.ok(!failure.message.includes('hf_abcdefghijklmnopqrstu'));
  });
});
