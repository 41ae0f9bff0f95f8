import { strict as assert } from 'node:assert';
import { isTokenEvent, splitSseEvents, tokensPerSecond } from '../../../bench/sse';

const chunk = (delta: object): string => `data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}`;

describe('server-sent events as the streaming benchmark counts them', () => {
  it('splits complete events and keeps the unfinished rest, with either line ending', () => {
    assert.deepEqual(splitSseEvents('data: 1\n\ndata: 2\r\n\r\ndata: 3'), { events: ['data: 1', 'data: 2'], rest: 'data: 3' });
    assert.deepEqual(splitSseEvents('data: 1\n\n'), { events: ['data: 1'], rest: '' });
  });

  it('counts only events that carry text as tokens', () => {
    assert.equal(isTokenEvent(chunk({ role: 'assistant', content: 'Hi' })), true);
    assert.equal(isTokenEvent(chunk({ role: 'assistant' })), false);
    assert.equal(isTokenEvent(chunk({ content: '' })), false);
    assert.equal(isTokenEvent('data: [DONE]'), false);
    assert.equal(isTokenEvent('data: {not json'), false);
  });

  it('rates tokens over the gaps between the first and the last', () => {
    assert.equal(tokensPerSecond([0, 10, 20, 30]), 100);
    assert.ok(Number.isNaN(tokensPerSecond([5])));
    assert.equal(tokensPerSecond([5, 5]), Number.POSITIVE_INFINITY);
  });
});
