import { strict as assert } from 'node:assert';
import { baseModelId, estimateTokens, TokenCounter, type CountingTokenizer, type TokenCounterDeps } from '../../../../src/core/tokens/tokenCounter';

/** A tokenizer.json stand-in: `{"perWord": n}` counts n tokens a whitespace-separated word. */
const json = (perWord: number): string => JSON.stringify({ perWord });
const createTokenizer = (text: string): CountingTokenizer => {
  const { perWord } = JSON.parse(text) as { perWord?: unknown };
  if (typeof perWord !== 'number') throw new Error('not a tokenizer');
  return { count: (t) => (t.match(/\S+/g) ?? []).length * perWord };
};

function setup(files: Record<string, string | Error>, options: Partial<TokenCounterDeps> & { disk?: Map<string, string> } = {}) {
  const fetched: string[] = [];
  const lines: string[] = [];
  const disk = options.disk ?? new Map<string, string>();
  let time = 0;
  const pending: (() => void)[] = [];
  let hold = false;
  const deps: TokenCounterDeps = {
    fetchTokenizerJson: async (id) => {
      fetched.push(id);
      if (hold) await new Promise<void>((resolve) => pending.push(resolve));
      const file = files[id];
      if (file instanceof Error) throw file;
      return file;
    },
    cache: { read: async (key) => disk.get(key), write: async (key, text) => void disk.set(key, text) },
    createTokenizer,
    log: (line) => lines.push(line),
    now: () => time,
    ...options,
  };
  return {
    counter: new TokenCounter(deps),
    fetched,
    lines,
    disk,
    advance: (ms: number) => (time += ms),
    holdFetches: () => (hold = true),
    release: () => pending.splice(0).forEach((r) => r()),
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('core/tokens/tokenCounter', () => {
  it('estimates 4 characters a token, rounded up', () => {
    assert.equal(estimateTokens(''), 0);
    assert.equal(estimateTokens('abcd'), 1);
    assert.equal(estimateTokens('abcde'), 2);
  });

  it('strips a :provider or :policy suffix from the model id', () => {
    assert.equal(baseModelId('meta-llama/Llama-3.1-8B-Instruct:together'), 'meta-llama/Llama-3.1-8B-Instruct');
    assert.equal(baseModelId('Qwen/Qwen2.5-72B-Instruct:fastest'), 'Qwen/Qwen2.5-72B-Instruct');
    assert.equal(baseModelId(' org/m '), 'org/m');
  });

  it('estimates before the tokenizer has loaded, then counts exactly', async () => {
    const t = setup({ 'org/m': json(3) });
    assert.deepEqual(t.counter.count('org/m', 'one two three'), { tokens: 4, exact: false });
    assert.equal(t.counter.status('org/m'), 'loading');
    await settle();
    assert.equal(t.counter.status('org/m'), 'loaded');
    assert.deepEqual(t.counter.count('org/m', 'one two three'), { tokens: 9, exact: true });
    assert.deepEqual(t.lines, ['counting tokens for org/m by estimate while its tokenizer loads', 'counting tokens for org/m with its tokenizer (fetched from the Hub)']);
  });

  it('countExact waits for the tokenizer', async () => {
    const t = setup({ 'org/m': json(2) });
    assert.deepEqual(await t.counter.countExact('org/m', 'a b c'), { tokens: 6, exact: true });
  });

  it('fetches once per model, however many counts come while it loads, with or without a suffix', async () => {
    const t = setup({ 'org/m': json(1), 'org/n': json(1) });
    t.holdFetches();
    const exact = Promise.all([t.counter.countExact('org/m', 'a'), t.counter.countExact('org/m:together', 'a b'), t.counter.countExact('org/n:fastest', 'a')]);
    for (let i = 0; i < 5; i++) t.counter.count('org/m:fastest', 'x');
    await settle();
    t.release();
    assert.deepEqual(await exact, [
      { tokens: 1, exact: true },
      { tokens: 2, exact: true },
      { tokens: 1, exact: true },
    ]);
    assert.deepEqual(t.fetched, ['org/m', 'org/n']);
  });

  it('estimates for a model without tokenizer.json, logs it once and does not ask again for a while', async () => {
    const t = setup({});
    assert.deepEqual(await t.counter.countExact('org/none', 'abcdefgh'), { tokens: 2, exact: false });
    for (let i = 0; i < 3; i++) assert.deepEqual(t.counter.count('org/none', 'abcdefgh'), { tokens: 2, exact: false });
    await settle();
    assert.equal(t.counter.status('org/none'), 'unavailable');
    assert.deepEqual(t.fetched, ['org/none']);
    assert.deepEqual(t.lines, ['counting tokens for org/none by estimate: the model has no tokenizer.json on the Hub']);
    t.advance(10 * 60_000);
    await t.counter.countExact('org/none', 'x');
    assert.deepEqual(t.fetched, ['org/none', 'org/none'], 'asks again after the retry period');
    assert.equal(t.lines.length, 1, 'the same reason is not logged twice');
  });

  it('estimates when the fetch fails (gated, offline) and tries again after forgetFailures', async () => {
    const t = setup({ 'org/gated': new Error('Access to model org/gated is restricted') });
    assert.equal((await t.counter.countExact('org/gated', 'abcd')).exact, false);
    assert.deepEqual(t.lines, ['counting tokens for org/gated by estimate: Access to model org/gated is restricted']);
    await t.counter.countExact('org/gated', 'abcd');
    assert.equal(t.fetched.length, 1);
    t.counter.forgetFailures();
    await t.counter.countExact('org/gated', 'abcd');
    assert.equal(t.fetched.length, 2);
  });

  it('estimates when the tokenizer.json cannot be read, and does not cache it', async () => {
    const t = setup({ 'org/bad': '{"nope": true}' });
    assert.equal((await t.counter.countExact('org/bad', 'abcd')).exact, false);
    assert.equal(t.disk.size, 0);
    assert.match(t.lines[0], /^counting tokens for org\/bad by estimate: its tokenizer\.json could not be read \(not a tokenizer\)$/);
  });

  it('writes a fetched tokenizer.json to the disk cache, and a cached one needs no fetch', async () => {
    const disk = new Map<string, string>();
    const first = setup({ 'org/m': json(2) }, { disk });
    await first.counter.countExact('org/m', 'a');
    assert.deepEqual([...disk.keys()], ['org/m']);
    const second = setup({}, { disk });
    assert.deepEqual(await second.counter.countExact('org/m:cheapest', 'a b'), { tokens: 4, exact: true });
    assert.deepEqual(second.fetched, []);
    assert.deepEqual(second.lines, ['counting tokens for org/m with its tokenizer (from the disk cache)']);
  });

  it('fetches again when the cached file cannot be read', async () => {
    const disk = new Map([['org/m', 'garbage']]);
    const t = setup({ 'org/m': json(1) }, { disk });
    assert.deepEqual(await t.counter.countExact('org/m', 'a'), { tokens: 1, exact: true });
    assert.deepEqual(t.fetched, ['org/m']);
    assert.equal(disk.get('org/m'), json(1));
  });

  it('keeps at most maxLoaded tokenizers, dropping the least recently used', async () => {
    const files = { 'o/a': json(1), 'o/b': json(1), 'o/c': json(1) };
    const t = setup(files, { maxLoaded: 2, cache: { read: async () => undefined, write: async () => undefined } });
    await t.counter.prepare('o/a');
    await t.counter.prepare('o/b');
    t.counter.count('o/a', 'x'); // a is now the most recently used
    await t.counter.prepare('o/c');
    assert.deepEqual(['o/a', 'o/b', 'o/c'].map((id) => t.counter.status(id)), ['loaded', 'unknown', 'loaded']);
    assert.deepEqual(t.counter.count('o/b', 'x'), { tokens: 1, exact: false }, 'an evicted tokenizer is estimated while it loads again');
    await settle();
    assert.deepEqual(t.fetched, ['o/a', 'o/b', 'o/c', 'o/b']);
    assert.equal(t.counter.status('o/a'), 'unknown');
  });

  it('never fetches for an id that is not a Hub model id', async () => {
    const t = setup({});
    for (const id of ['../../etc/passwd', 'a/b/c', 'has space/x', '']) {
      assert.equal((await t.counter.countExact(id, 'abcd')).exact, false, id);
    }
    assert.deepEqual(t.fetched, []);
  });

  it('falls back to the estimate when a loaded tokenizer throws', async () => {
    const t = setup({}, { createTokenizer: () => ({ count: () => { throw new Error('boom'); } }), disk: new Map([['o/m', '{}']]) });
    assert.deepEqual(await t.counter.countExact('o/m', 'abcdefgh'), { tokens: 2, exact: false });
    assert.equal(t.counter.status('o/m'), 'unavailable');
    assert.ok(t.lines.some((l) => l === 'counting tokens for o/m by estimate: its tokenizer failed on a text (boom)'));
  });

  it('after dispose, loads nothing and estimates', async () => {
    const t = setup({ 'o/m': json(1) });
    t.counter.dispose();
    assert.deepEqual(await t.counter.countExact('o/m', 'abcd'), { tokens: 1, exact: false });
    assert.deepEqual(t.fetched, []);
  });
});
