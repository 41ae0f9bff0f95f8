import { strict as assert } from 'node:assert';
import { HoverTranslations, SupersededError, type HoverTranslation } from '../../../../src/core/hover/hoverTranslations';

interface Call {
  readonly prose: string;
  readonly signal: AbortSignal;
  resolve(text: string): void;
  reject(err: Error): void;
}

/** A translate function whose answers the test releases by hand. */
function held() {
  const calls: Call[] = [];
  const translate = (prose: string, sourceLang: string, _targetLang: string, signal: AbortSignal): Promise<HoverTranslation> =>
    new Promise((resolve, reject) => {
      calls.push({ prose, signal, resolve: (text) => resolve({ text, model: 'm', sourceLang }), reject });
    });
  return { calls, translate };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('core/hover/hoverTranslations', () => {
  it('one request per distinct comment: hovers during the request join it, later hovers are answered from the cache', async () => {
    const { calls, translate } = held();
    const hovers = new HoverTranslations({ translate });
    const burst = Array.from({ length: 10 }, () => hovers.translate('Hallo Welt', 'de', 'en'));
    assert.equal(calls.length, 1);
    calls[0].resolve('Hello world');
    const answers = await Promise.all(burst);
    assert.ok(answers.every((a) => a.text === 'Hello world'));
    assert.equal((await hovers.translate('Hallo Welt', 'de', 'en')).text, 'Hello world');
    assert.equal(hovers.cached('Hallo Welt', 'en')?.text, 'Hello world');
    assert.equal(calls.length, 1);
    assert.deepEqual(hovers.stats, { requests: 1, hits: 2, joined: 9, superseded: 0 });
  });

  it('the target language is part of the key', async () => {
    const { calls, translate } = held();
    const hovers = new HoverTranslations({ translate });
    const en = hovers.translate('Hallo', 'de', 'en');
    calls[0].resolve('Hello');
    await en;
    assert.equal(hovers.cached('Hallo', 'fr'), undefined);
    const fr = hovers.translate('Hallo', 'de', 'fr');
    assert.equal(calls.length, 2);
    calls[1].resolve('Bonjour');
    assert.equal((await fr).text, 'Bonjour');
  });

  it('hovering another comment aborts the request in flight (its HTTP request), which answers nothing and caches nothing', async () => {
    const { calls, translate } = held();
    const hovers = new HoverTranslations({ translate });
    const first = hovers.translate('eins', 'de', 'en');
    const second = hovers.translate('zwei', 'de', 'en');
    assert.equal(calls[0].signal.aborted, true);
    assert.equal(calls[1].signal.aborted, false);
    calls[0].resolve('one (too late)');
    await assert.rejects(first, SupersededError);
    calls[1].resolve('two');
    assert.equal((await second).text, 'two');
    assert.equal(hovers.cached('eins', 'en'), undefined);
    assert.equal(hovers.stats.superseded, 1);
  });

  it('a failure is not cached: the next hover asks again', async () => {
    const { calls, translate } = held();
    const hovers = new HoverTranslations({ translate });
    const failing = hovers.translate('kaputt', 'de', 'en');
    calls[0].reject(new Error('503'));
    await assert.rejects(failing, /503/);
    await tick();
    const again = hovers.translate('kaputt', 'de', 'en');
    assert.equal(calls.length, 2);
    calls[1].resolve('broken');
    assert.equal((await again).text, 'broken');
  });

  it('memory is bounded by entries and by characters, least recently used first', async () => {
    const answer = (prose: string) => Promise.resolve({ text: prose.toUpperCase(), model: 'm', sourceLang: 'de' });
    const byCount = new HoverTranslations({ translate: answer, maxEntries: 2 });
    await byCount.translate('a', 'de', 'en');
    await byCount.translate('b', 'de', 'en');
    byCount.cached('a', 'en'); // a is now the most recently used
    await byCount.translate('c', 'de', 'en');
    assert.equal(byCount.size, 2);
    assert.equal(byCount.cached('b', 'en'), undefined);
    assert.equal(byCount.cached('a', 'en')?.text, 'A');

    const bySize = new HoverTranslations({ translate: answer, maxChars: 50 });
    await bySize.translate('x'.repeat(10), 'de', 'en');
    await bySize.translate('y'.repeat(10), 'de', 'en');
    await bySize.translate('z'.repeat(10), 'de', 'en');
    assert.equal(bySize.size, 2, 'three entries of ~23 characters do not fit in 50');
    assert.equal(bySize.cached('x'.repeat(10), 'en'), undefined);
    // An entry larger than the whole budget is answered but not kept.
    const huge = await bySize.translate('w'.repeat(100), 'de', 'en');
    assert.equal(huge.text, 'W'.repeat(100));
    assert.equal(bySize.cached('w'.repeat(100), 'en'), undefined);
  });

  it('clear forgets everything and aborts the request in flight', async () => {
    const { calls, translate } = held();
    const hovers = new HoverTranslations({ translate });
    const pending = hovers.translate('eins', 'de', 'en');
    hovers.clear();
    assert.equal(calls[0].signal.aborted, true);
    calls[0].resolve('one');
    await assert.rejects(pending, SupersededError);
    assert.equal(hovers.size, 0);
  });
});
