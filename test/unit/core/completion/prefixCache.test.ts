import { strict as assert } from 'node:assert';
import { TypeThroughCache } from '../../../../src/core/completion/prefixCache';
import { FakeClock } from '../../support/fakeClock';

const doc = 'file:///a.ts';
const prefix = 'function add(a: number, b: number) {\n  return ';

describe('TypeThroughCache', () => {
  it('typing the first characters of the ghost text gives the rest of it', () => {
    const cache = new TypeThroughCache({ clock: new FakeClock(0) });
    cache.remember(doc, prefix, 'a + b;');
    assert.equal(cache.lookup(doc, prefix + 'a +'), ' b;');
    assert.equal(cache.lookup(doc, prefix + 'a'), ' + b;');
    assert.equal(cache.lookup(doc, prefix), 'a + b;', 'nothing typed: the whole completion');
  });

  it('typing something else, or all of it, is a miss', () => {
    const cache = new TypeThroughCache({ clock: new FakeClock(0) });
    cache.remember(doc, prefix, 'a + b;');
    assert.equal(cache.lookup(doc, prefix + 'a -'), undefined);
    assert.equal(cache.lookup(doc, prefix + 'a + b;'), undefined);
    assert.equal(cache.lookup(doc, prefix.slice(0, -1)), undefined, 'backspace before the start');
    assert.equal(cache.lookup(doc, 'x' + prefix.slice(1) + 'a'), undefined, 'the text before changed');
  });

  it('another document is a miss', () => {
    const cache = new TypeThroughCache({ clock: new FakeClock(0) });
    cache.remember(doc, prefix, 'a + b;');
    assert.equal(cache.lookup('file:///b.ts', prefix + 'a'), undefined);
  });

  it('a change far above the cursor (outside the verbatim tail) is still noticed', () => {
    const cache = new TypeThroughCache({ clock: new FakeClock(0), maxPrefixChars: 10 });
    const long = 'x'.repeat(5000) + prefix;
    cache.remember(doc, long, 'a + b;');
    assert.equal(cache.lookup(doc, long + 'a'), ' + b;');
    const edited = 'y' + long.slice(1);
    assert.equal(cache.lookup(doc, edited + 'a'), undefined);
  });

  it('evicts the least recently used document when full', () => {
    const cache = new TypeThroughCache({ clock: new FakeClock(0), maxEntries: 2 });
    cache.remember('d1', 'p', 'one');
    cache.remember('d2', 'p', 'two');
    assert.equal(cache.lookup('d1', 'p'), 'one');
    cache.remember('d3', 'p', 'three');
    assert.equal(cache.lookup('d2', 'p'), undefined);
    assert.equal(cache.lookup('d1', 'p'), 'one');
    assert.equal(cache.lookup('d3', 'p'), 'three');
    assert.equal(cache.size, 2);
  });

  it('remembers one completion per document: the latest', () => {
    const cache = new TypeThroughCache({ clock: new FakeClock(0) });
    cache.remember(doc, 'a', 'bc');
    cache.remember(doc, 'x', 'yz');
    assert.equal(cache.lookup(doc, 'ab'), undefined);
    assert.equal(cache.lookup(doc, 'xy'), 'z');
    cache.remember(doc, 'x', '');
    assert.equal(cache.lookup(doc, 'x'), undefined, 'an empty completion forgets');
  });

  it('completions expire after the TTL; forget drops one', async () => {
    const clock = new FakeClock(0);
    const cache = new TypeThroughCache({ clock, ttlMs: 1000 });
    cache.remember(doc, prefix, 'a + b;');
    cache.remember('other', prefix, 'a + b;');
    cache.forget('other');
    assert.equal(cache.lookup('other', prefix), undefined);
    await clock.advance(999);
    assert.equal(cache.lookup(doc, prefix + 'a'), ' + b;');
    await clock.advance(1);
    assert.equal(cache.lookup(doc, prefix + 'a'), undefined);
  });
});
