import { strict as assert } from 'node:assert';
import { LruCache, cacheKey } from '../../../../src/core/routing/lruCache';
import { FakeClock } from '../../support/fakeClock';

describe('LruCache', () => {
  it('stores, returns, deletes and clears values', () => {
    const cache = new LruCache<string>({ maxEntries: 10, ttlMs: 1000, clock: new FakeClock(0) });
    cache.set('a', 'A');
    cache.set('b', 'B');
    assert.equal(cache.get('a'), 'A');
    assert.equal(cache.size, 2);
    assert.equal(cache.delete('a'), true);
    assert.equal(cache.get('a'), undefined);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('evicts the least recently used entry when full; reading counts as use', () => {
    const cache = new LruCache<number>({ maxEntries: 2, ttlMs: 1000, clock: new FakeClock(0) });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
  });

  it('overwriting a key refreshes it and does not grow the cache', () => {
    const cache = new LruCache<number>({ maxEntries: 2, ttlMs: 1000, clock: new FakeClock(0) });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    assert.equal(cache.get('a'), 10);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.size, 2);
  });

  it('expires entries after the TTL, on read and in size', async () => {
    const clock = new FakeClock(0);
    const cache = new LruCache<string>({ maxEntries: 10, ttlMs: 1000, clock });
    cache.set('a', 'A');
    await clock.advance(500);
    cache.set('b', 'B');
    await clock.advance(499);
    assert.equal(cache.get('a'), 'A');
    await clock.advance(1);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 1);
    await clock.advance(500);
    assert.equal(cache.size, 0);
  });

  it('reading does not extend the TTL', async () => {
    const clock = new FakeClock(0);
    const cache = new LruCache<string>({ maxEntries: 10, ttlMs: 1000, clock });
    cache.set('a', 'A');
    await clock.advance(900);
    cache.get('a');
    await clock.advance(100);
    assert.equal(cache.get('a'), undefined);
  });

  it('a TTL of 0 disables caching', () => {
    const cache = new LruCache<string>({ maxEntries: 10, ttlMs: 0, clock: new FakeClock(0) });
    cache.set('a', 'A');
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });
});

describe('cacheKey', () => {
  it('is independent of object key order at every depth', () => {
    assert.equal(
      cacheKey({ task: 'translate', req: { text: 'hi', targetLang: 'es', sourceLang: 'en' } }),
      cacheKey({ req: { sourceLang: 'en', targetLang: 'es', text: 'hi' }, task: 'translate' }),
    );
  });

  it('keeps array order and distinguishes different values', () => {
    assert.notEqual(cacheKey({ labels: ['a', 'b'] }), cacheKey({ labels: ['b', 'a'] }));
    assert.notEqual(cacheKey({ text: 'a' }), cacheKey({ text: 'b' }));
    assert.notEqual(cacheKey({ n: 1 }), cacheKey({ n: '1' }));
  });

  it('produces sorted JSON and follows JSON rules for undefined', () => {
    assert.equal(cacheKey({ b: 1, a: [{ d: 2, c: undefined }] }), '{"a":[{"d":2}],"b":1}');
    assert.equal(cacheKey(undefined), 'undefined');
    assert.equal(cacheKey('x'), '"x"');
  });
});
