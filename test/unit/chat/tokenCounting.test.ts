// The chat provider's token counting glue: the disk cache in global storage, and Auto's tokenizer, end to end
// against the fake HF server (whose Llama is gated, so Auto counts with the next chat model's tokenizer).
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoTokenizerCandidates, cacheFileName, createTokenCounting, tokenizerDiskCache } from '../../../src/chat/tokenCounting';
import type { Ctx } from '../../../src/ctx';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../fake-hf/server';
import { tinyTokenizerJson } from '../../fake-hf/repoFiles';

describe('chat/tokenCounting', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenizers-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names a cache file after the model id, never outside its folder', () => {
    assert.equal(cacheFileName('meta-llama/Llama-3.1-8B-Instruct'), 'meta-llama--Llama-3.1-8B-Instruct.json');
    assert.equal(cacheFileName('../x'), '_--x.json');
    assert.equal(cacheFileName('a b\\c'), 'a_b_c.json');
  });

  it('reads back what it wrote, and nothing for a model it has not', async () => {
    const cache = tokenizerDiskCache(join(dir, 'tokenizers'));
    assert.equal(await cache.read('org/m'), undefined);
    await cache.write('org/m', '{"a":1}');
    assert.equal(await cache.read('org/m'), '{"a":1}');
    assert.deepEqual(readdirSync(join(dir, 'tokenizers')), ['org--m.json']);
  });

  it("Auto counts with the pinned chat model's tokenizer, then the chat models it falls back to", () => {
    assert.deepEqual(autoTokenizerCandidates({ pinnedModels: {} }), ['meta-llama/Llama-3.1-8B-Instruct', 'Qwen/Qwen2.5-72B-Instruct']);
    assert.deepEqual(autoTokenizerCandidates({ pinnedModels: { chat: ' org/pinned ' } }), ['org/pinned', 'meta-llama/Llama-3.1-8B-Instruct', 'Qwen/Qwen2.5-72B-Instruct']);
  });

  describe('against the fake HF server', () => {
    let fake: FakeHf;
    const lines: string[] = [];
    before(async () => {
      fake = await startFakeHf();
    });
    afterEach(() => {
      fake.reset();
      lines.length = 0;
    });
    after(() => fake.close());

    const ctxFor = (hubUrl: string, approved: boolean): Ctx =>
      ({
        config: { routingSettings: () => ({ hubUrl, pinnedModels: {} }) },
        tokenApprovals: { isApproved: (origin: string) => approved && origin === new URL(hubUrl).origin },
        tokens: { hfToken: async () => VALID_TOKEN, onDidChange: () => ({ dispose: () => undefined }) },
        log: { info: (line: string) => lines.push(line) },
        extensionContext: { globalStorageUri: { fsPath: dir } },
      }) as unknown as Ctx;

    it('counts Auto with the first chat model whose tokenizer it can read, caching it in global storage', async () => {
      const counting = createTokenCounting(ctxFor(fake.hubUrl, true));
      try {
        // Llama (Auto's first chat model) is gated on the fake: estimated, then Qwen's tokenizer counts.
        assert.deepEqual(await counting.countExact('auto', 'hello world'), { tokens: 3, exact: false });
        assert.deepEqual(await counting.countExact('auto', 'hello world'), { tokens: 2, exact: true });
        assert.deepEqual(counting.count('Qwen/Qwen2.5-72B-Instruct:fastest', 'hello world'), { tokens: 2, exact: true });
        assert.equal(readFileSync(join(dir, 'tokenizers', 'Qwen--Qwen2.5-72B-Instruct.json'), 'utf8'), tinyTokenizerJson());
        const sent = fake.requests.filter((r) => r.path.endsWith('/tokenizer.json'));
        assert.ok(sent.length > 0 && sent.every((r) => r.headers.authorization === `Bearer ${VALID_TOKEN}`));
        assert.ok(lines.some((l) => /^counting tokens for meta-llama\/Llama-3\.1-8B-Instruct by estimate: /.test(l)), lines.join('\n'));
      } finally {
        counting.dispose();
      }
    });

    it('asks a Hub the token may not go to anonymously, without asking the user', async () => {
      const counting = createTokenCounting(ctxFor(fake.hubUrl, false));
      try {
        assert.deepEqual(await counting.countExact('Qwen/Qwen2.5-Coder-32B-Instruct', 'hello world'), { tokens: 2, exact: true });
        const sent = fake.requests.filter((r) => r.path.endsWith('/tokenizer.json'));
        assert.ok(sent.length > 0 && sent.every((r) => r.headers.authorization === undefined));
      } finally {
        counting.dispose();
      }
    });
  });
});
