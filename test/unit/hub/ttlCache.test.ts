import { strict as assert } from 'node:assert';
import { TtlCache } from '../../../src/hub/ttlCache';

function setup(ttlMs = 1000, maxEntries = 10) {
  let now = 0;
  const cache = new TtlCache<string>({ ttlMs, maxEntries, now: () => now });
  let loads = 0;
  const load = (value: string) => () => {
    loads++;
    return Promise.resolve(value);
  };
  return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
}

describe('hub/ttlCache', () => {
  it('shares one in-flight load between concurrent callers', async () => {
    const { cache, load, loads } = setup();
    const [a, b, c] = await Promise.all([cache.get('k', load('v')), cache.get('k', load('v')), cache.get('k', load('v'))]);
    assert.deepEqual([a, b, c], ['v', 'v', 'v']);
    assert.equal(loads(), 1);
  });

  it('answers from the cache until the TTL passes, then loads again', async () => {
    const { cache, load, loads, advance } = setup(1000);
    await cache.get('k', load('v1'));
    advance(999);
    assert.equal(await cache.get('k', load('v2')), 'v1');
    advance(1);
    assert.equal(await cache.get('k', load('v2')), 'v2');
    assert.equal(loads(), 2);
  });

  it('loads again when asked for a fresh answer', async () => {
    const { cache, load, loads } = setup();
    await cache.get('k', load('v1'));
    assert.equal(await cache.get('k', load('v2'), { fresh: true }), 'v2');
    assert.equal(loads(), 2);
  });

  it('forgets a failed load so the next call retries', async () => {
    const { cache, load, loads } = setup();
    await assert.rejects(cache.get('k', () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await cache.get('k', load('ok')), 'ok');
    assert.equal(loads(), 1);
  });

  it('drops the least recently used key beyond maxEntries', async () => {
    const { cache, load, loads } = setup(1000, 2);
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('a', load('a')); // a is now the most recent
    await cache.get('c', load('c')); // evicts b
    assert.equal(cache.size, 2);
    await cache.get('a', load('a'));
    assert.equal(loads(), 3);
    await cache.get('b', load('b'));
    assert.equal(loads(), 4);
  });
});
