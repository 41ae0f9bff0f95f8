// The token counter end to end: tokenizer.json through the real @huggingface/hub client (hub/tokenizerFile.ts)
// from the project's fake HF server, counted by the real tokenizer library (the fixture's byte-level BPE).
import { strict as assert } from 'node:assert';
import { TokenCounter } from '../../../../src/core/tokens/tokenCounter';
import { createTokenizer } from '../../../../src/core/tokens/tokenizerLibrary';
import { tokenizerJsonFetcher } from '../../../../src/hub/tokenizerFile';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../../fake-hf/server';
import { tinyTokenizerJson } from '../../../fake-hf/repoFiles';
import { approving } from '../../support/tokenChecks';

describe('core/tokens/tokenCounter against the fake HF server', () => {
  let fake: FakeHf;
  let token: string | undefined;
  let disk: Map<string, string>;
  let lines: string[];
  const counter = (): TokenCounter =>
    new TokenCounter({
      fetchTokenizerJson: tokenizerJsonFetcher({ hubUrl: () => fake.hubUrl, getToken: async () => token, checkTokenDestination: approving(fake.hubUrl) }),
      cache: { read: async (key) => disk.get(key), write: async (key, text) => void disk.set(key, text) },
      createTokenizer,
      log: (line) => lines.push(line),
    });
  const tokenizerRequests = () => fake.requests.filter((r) => r.listener === 'hub' && r.path.endsWith('/tokenizer.json'));

  before(async () => {
    fake = await startFakeHf();
  });
  beforeEach(() => {
    token = undefined;
    disk = new Map();
    lines = [];
  });
  afterEach(() => fake.reset());
  after(() => fake.close());

  it("counts with the model's tokenizer.json from {hubUrl}/{model}/resolve/main/tokenizer.json, then from the disk cache", async () => {
    const tokens = counter();
    assert.deepEqual(tokens.count('Qwen/Qwen2.5-Coder-32B-Instruct:together', 'hello world'), { tokens: 3, exact: false });
    assert.deepEqual(await tokens.countExact('Qwen/Qwen2.5-Coder-32B-Instruct', 'hello world'), { tokens: 2, exact: true });
    assert.deepEqual(tokens.count('Qwen/Qwen2.5-Coder-32B-Instruct:fastest', 'hello zqx'), { tokens: 5, exact: true });
    const paths = [...new Set(tokenizerRequests().map((r) => r.path))];
    assert.deepEqual(paths, ['/Qwen/Qwen2.5-Coder-32B-Instruct/resolve/main/tokenizer.json']);
    assert.equal(disk.get('Qwen/Qwen2.5-Coder-32B-Instruct'), tinyTokenizerJson());

    const before = tokenizerRequests().length;
    assert.deepEqual(await counter().countExact('Qwen/Qwen2.5-Coder-32B-Instruct', 'Hugging Face model'), { tokens: 3, exact: true });
    assert.equal(tokenizerRequests().length, before, 'the next session reads the disk cache');
  });

  it('sends the token to an approved Hub only', async () => {
    token = VALID_TOKEN;
    await counter().countExact('Qwen/Qwen2.5-72B-Instruct', 'hello');
    assert.ok(tokenizerRequests().length > 0);
    assert.ok(tokenizerRequests().every((r) => r.headers.authorization === `Bearer ${VALID_TOKEN}`));
    fake.reset();
    const unapproved = new TokenCounter({
      fetchTokenizerJson: tokenizerJsonFetcher({ hubUrl: () => fake.hubUrl, getToken: async () => token }),
      cache: { read: async () => undefined, write: async () => undefined },
      createTokenizer,
      log: (line) => lines.push(line),
    });
    assert.equal((await unapproved.countExact('Qwen/Qwen2.5-72B-Instruct', 'hello')).exact, false);
    assert.equal(tokenizerRequests().length, 0, 'nothing is sent to a host the token may not go to');
  });

  it('estimates for a model without tokenizer.json (404 EntryNotFound), with one log line', async () => {
    const tokens = counter();
    assert.deepEqual(await tokens.countExact('deepseek-ai/DeepSeek-V3-0324', 'abcdefgh'), { tokens: 2, exact: false });
    await tokens.countExact('deepseek-ai/DeepSeek-V3-0324', 'abcdefgh');
    assert.deepEqual(lines, ['counting tokens for deepseek-ai/DeepSeek-V3-0324 by estimate: the model has no tokenizer.json on the Hub']);
    assert.equal(tokenizerRequests().length, 1);
    assert.equal(disk.size, 0);
  });

  it('estimates for a gated model the user has no access to', async () => {
    const tokens = counter();
    assert.deepEqual(await tokens.countExact('meta-llama/Llama-3.1-8B-Instruct', 'hello world'), { tokens: 3, exact: false });
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^counting tokens for meta-llama\/Llama-3\.1-8B-Instruct by estimate: .*restricted/);
  });
});
