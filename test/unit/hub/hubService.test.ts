import { strict as assert } from 'node:assert';
import { HubService, type HubServiceOptions } from '../../../src/hub/hubService';
import { EMPTY_DATASET_FILTERS, EMPTY_MODEL_FILTERS, EMPTY_SPACE_FILTERS, type HubQuery } from '../../../src/shared/hubTypes';
import { HUB, StubHub, VIEWER, json, modelJson, pagedList, resolveFile } from './stubHub';
import { hubRejection } from '../support/hubRejection';
import { approving } from '../support/tokenChecks';

const MODELS: HubQuery = { scope: 'everyone', tab: 'models', text: '', sort: 'trending', filters: EMPTY_MODEL_FILTERS };
const DATASETS: HubQuery = { scope: 'everyone', tab: 'datasets', text: '', sort: 'trending', filters: EMPTY_DATASET_FILTERS };
const LIST_PATH = /^\/api\/models\?/;

function setup(options: Partial<HubServiceOptions> & { token?: string } = {}) {
  const stub = new StubHub();
  let now = Date.parse('2026-01-01T00:00:00Z');
  let token = options.token;
  const service = new HubService({
    hubUrl: () => HUB,
    datasetsServerUrl: () => VIEWER,
    getToken: async () => token,
    checkTokenDestination: approving(HUB, VIEWER),
    fetch: stub.fetch,
    now: () => now,
    ttlMs: 60_000,
    ...options,
  });
  return {
    stub,
    service,
    advance: (ms: number) => (now += ms),
    setToken: (t: string | undefined) => (token = t),
  };
}


describe('hub/hubService: lists', () => {
  it('maps real-shaped list items to rows', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/models$/, () => json([modelJson(1, { gated: 'manual', private: true })]));
    const page = await service.list(MODELS, 0, 50);
    assert.deepEqual(page.items[0], {
      kind: 'model',
      id: 'org/model-1',
      author: 'org',
      label: 'text-classification',
      downloads: 999,
      likes: 1,
      updatedAt: Date.parse('2024-02-19T10:57:45.000Z'),
      gated: true,
      private: true,
      hardware: '',
      stage: '',
    });
    assert.equal(page.done, true);
  });

  it('sends the mapped query: search, pipeline_tag, filter tags, inference_provider, sort, expand', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/models$/, () => json([]));
    await service.list({ ...MODELS, text: 'bert', sort: 'likes', filters: { task: 'fill-mask', library: 'transformers', language: 'en', inferenceProviders: true } }, 0, 50);
    const q = stub.calls[0].url.searchParams;
    assert.equal(q.get('search'), 'bert');
    assert.equal(q.get('pipeline_tag'), 'fill-mask');
    assert.deepEqual(q.getAll('filter'), ['transformers', 'en']);
    assert.equal(q.get('inference_provider'), 'all');
    assert.equal(q.get('sort'), 'likes');
    assert.ok(q.getAll('expand').includes('library_name'));
  });

  it('follows Link pages lazily: the first 50 rows fetch two pages of 30, "load more" two more', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/models$/, pagedList(1000, 30, (i) => modelJson(i)));
    const first = await service.list(MODELS, 0, 50);
    assert.equal(first.items.length, 50);
    assert.equal(stub.count(LIST_PATH), 2);
    const second = await service.list(MODELS, 50, 50);
    assert.deepEqual([second.items[0].id, second.items.length, second.loaded], ['org/model-50', 50, 100]);
    assert.equal(stub.count(LIST_PATH), 4);
    assert.equal(stub.calls[3].url.searchParams.get('cursor'), '90');
  });

  it('never sends the same request twice when the same search arrives again or concurrently', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/models$/, pagedList(1000, 100, (i) => modelJson(i)));
    await Promise.all([service.list(MODELS, 0, 50), service.list(MODELS, 0, 50), service.list({ ...MODELS, text: ' ' }, 0, 50)]);
    await service.list(MODELS, 0, 50);
    assert.equal(stub.count(LIST_PATH), 1);
  });

  it('reuses a search when switching tabs and back within the TTL, and searches again after it', async () => {
    const { stub, service, advance } = setup();
    stub.on(/\/api\/models$/, pagedList(10, 10, (i) => modelJson(i)));
    stub.on(/\/api\/datasets$/, () => json([]));
    await service.list(MODELS, 0, 50);
    await service.list(DATASETS, 0, 50);
    advance(59_000);
    await service.list(MODELS, 0, 50);
    assert.equal(stub.count(LIST_PATH), 1);
    advance(1_000);
    await service.list(MODELS, 0, 50);
    assert.equal(stub.count(LIST_PATH), 2);
  });

  it('starts over on a fresh request (refresh)', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/models$/, pagedList(10, 10, (i) => modelJson(i)));
    await service.list(MODELS, 0, 50);
    await service.list(MODELS, 0, 50, true);
    assert.equal(stub.count(LIST_PATH), 2);
  });

  it('filters Spaces by hardware client-side from runtime.hardware.current', async () => {
    const { stub, service } = setup();
    const space = (i: number) => ({
      _id: `s${i}`,
      id: `org/space-${i}`,
      sdk: 'gradio',
      likes: i,
      private: false,
      lastModified: '2025-01-01T00:00:00.000Z',
      runtime: { stage: i % 2 ? 'RUNNING' : 'SLEEPING', hardware: { current: i % 4 === 1 ? 't4-small' : 'cpu-basic', requested: null } },
    });
    stub.on(/\/api\/spaces$/, pagedList(40, 10, space));
    const page = await service.list({ scope: 'everyone', tab: 'spaces', text: '', sort: 'likes', filters: { ...EMPTY_SPACE_FILTERS, hardware: 't4-small' } }, 0, 50);
    assert.deepEqual(
      page.items.map((i) => i.id),
      Array.from({ length: 10 }, (_, k) => `org/space-${4 * k + 1}`),
    );
    assert.equal(page.items[0].stage, 'RUNNING');
    assert.equal(page.scanned, 40);
    assert.ok(stub.calls[0].url.searchParams.getAll('expand').includes('runtime'));
  });

  it('after a failed page, the retry starts a new iterator and succeeds', async () => {
    const { stub, service } = setup();
    let fail = true;
    const ok = pagedList(100, 50, (i) => modelJson(i));
    stub.on(/\/api\/models$/, (url, headers) => {
      if (url.searchParams.get('cursor') === '50' && fail) return json({ error: 'upstream' }, 502);
      return ok(url, headers);
    });
    await service.list(MODELS, 0, 50);
    const failure = await hubRejection(service.list(MODELS, 50, 50));
    assert.equal(failure.kind, 'error');
    fail = false;
    const page = await service.list(MODELS, 50, 50);
    assert.equal(page.items[0].id, 'org/model-50');
  });
});

describe('hub/hubService: credentials and errors', () => {
  it('sends a hf_ token as a bearer token, and no Authorization for other tokens', async () => {
    const hf = setup({ token: 'hf_abcdefghijklmnop' });
    hf.stub.on(/\/api\/models$/, () => json([]));
    await hf.service.list(MODELS, 0, 50);
    assert.equal(hf.stub.calls[0].headers.authorization, 'Bearer hf_abcdefghijklmnop');
    const other = setup({ token: 'sk-not-a-hub-token' });
    other.stub.on(/\/api\/models$/, () => json([]));
    await other.service.list(MODELS, 0, 50);
    assert.equal(other.stub.calls[0].headers.authorization, undefined);
  });

  it('keeps answers of different accounts apart', async () => {
    const { stub, service, setToken } = setup();
    stub.on(/\/api\/models$/, (_u, h) => json(h.authorization ? [modelJson(1, { private: true })] : []));
    assert.equal((await service.list(MODELS, 0, 50)).items.length, 0);
    setToken('hf_abcdefghijklmnop');
    assert.equal((await service.list(MODELS, 0, 50)).items.length, 1);
  });

  it('ends a listing whose next page points at another host, without a request there', async () => {
    const { stub, service } = setup({ token: 'hf_abcdefghijklmnop' });
    const evil = 'https://evil.example/api/models?cursor=30';
    stub.on(/\/api\/models$/, () => json(Array.from({ length: 30 }, (_, i) => modelJson(i)), 200, { Link: `<${evil}>; rel="next"` }));
    stub.on(/evil\.example/, () => json([modelJson(99)]));
    const failure = await hubRejection(service.list(MODELS, 0, 50));
    assert.equal(failure.kind, 'error');
    assert.match(failure.message, /another host \(evil\.example\)/);
    assert.equal(stub.calls.filter((c) => c.url.host === 'evil.example').length, 0);
  });

  it('sends the token to no host the user has not approved (the default check: Hugging Face only)', async () => {
    const { stub, service } = setup({ token: 'hf_abcdefghijklmnop', checkTokenDestination: undefined });
    stub.on(/\/api\/models$/, () => json([modelJson(1)]));
    const failure = await hubRejection(service.list(MODELS, 0, 50));
    assert.match(failure.message, /not sent to hub\.test/);
    assert.equal(stub.calls.length, 0);
  });

  it('maps 429 to rate-limited with the Retry-After wait', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/models$/, () => json({ error: 'Too many requests' }, 429, { 'retry-after': '30' }));
    const failure = await hubRejection(service.list(MODELS, 0, 50));
    assert.deepEqual([failure.kind, failure.retryAfterMs], ['rate-limited', 30_000]);
  });

  it('maps a refused connection (fetch failed) to offline, naming the host', async () => {
    const { service } = setup({
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      },
    });
    const failure = await hubRejection(service.list(MODELS, 0, 50));
    assert.equal(failure.kind, 'offline');
    assert.match(failure.message, /hub\.test/);
  });

  it('maps 401 to signed-out without ever echoing the token', async () => {
    const token = 'hf_abcdefghijklmnopqrstuvwxyz';
    const { stub, service } = setup({ token });
    stub.on(/\/api\/models\//, () => json({ error: `Invalid credentials in Authorization header: Bearer ${token}` }, 401));
    const failure = await hubRejection(service.details('model', 'org/model-1'));
    assert.equal(failure.kind, 'signed-out');
    assert.ok(!failure.message.includes(token));
  });

  it('maps 403 to signed-out when anonymous and forbidden when signed in (gated repo)', async () => {
    const anon = setup();
    anon.stub.on(/\/api\/models\//, () => json({ error: 'Access to model is restricted' }, 403));
    assert.equal((await hubRejection(anon.service.files('model', 'meta-llama/Llama-3.1-8B-Instruct'))).kind, 'signed-out');
    const signed = setup({ token: 'hf_abcdefghijklmnop' });
    signed.stub.on(/\/api\/models\//, () => json({ error: 'Access to model is restricted' }, 403));
    assert.equal((await hubRejection(signed.service.files('model', 'meta-llama/Llama-3.1-8B-Instruct'))).kind, 'forbidden');
  });
});

describe('hub/hubService: details, card, files, runtime, preview', () => {
  it('fetches model details once for concurrent and repeated requests, with providers and tasks', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/models\/meta-llama\/Llama-3\.1-8B-Instruct\/revision\/HEAD$/, () =>
      json({
        ...modelJson(0, { id: 'meta-llama/Llama-3.1-8B-Instruct', pipeline_tag: 'text-generation', gated: 'manual' }),
        author: 'meta-llama',
        tags: ['llama', 'conversational'],
        inferenceProviderMapping: [{ provider: 'cerebras', providerId: 'llama3.1-8b', status: 'live', task: 'conversational' }],
      }),
    );
    const [a] = await Promise.all([
      service.details('model', 'meta-llama/Llama-3.1-8B-Instruct'),
      service.details('model', 'meta-llama/Llama-3.1-8B-Instruct'),
    ]);
    await service.details('model', 'meta-llama/Llama-3.1-8B-Instruct');
    assert.equal(stub.calls.length, 1);
    assert.ok(a.kind === 'model');
    assert.deepEqual(a.providers, [{ provider: 'cerebras', providerId: 'llama3.1-8b', status: 'live', task: 'conversational' }]);
    assert.ok(a.tasks.includes('chat') && a.gated);
    const expand = stub.calls[0].url.searchParams.getAll('expand');
    assert.ok(expand.includes('inferenceProviderMapping') && expand.includes('library_name'));
  });

  it('renders the README through the sanitiser, resolving relative links against the repo', async () => {
    const { stub, service } = setup();
    stub.on(/\/org\/model-1\/resolve\/main\/README\.md$/, resolveFile('---\nlicense: mit\n---\n# Hi <script>alert(1)</script>\n[config](config.json)'));
    const card = await service.card('model', 'org/model-1');
    assert.equal(card.missing, false);
    assert.ok(card.html.includes('&lt;script&gt;'));
    assert.ok(card.html.includes(`href="${HUB}/org/model-1/blob/main/config.json"`));
    assert.ok(!card.html.includes('license: mit'));
  });

  it('reports a missing README instead of failing', async () => {
    const { stub, service } = setup();
    stub.on(/resolve\/main\/README\.md$/, () => json({ error: 'Entry not found' }, 404, { 'x-error-code': 'EntryNotFound' }));
    assert.deepEqual(await service.card('dataset', 'org/data'), { html: '', truncated: false, missing: true });
    assert.equal(stub.calls[0].url.pathname, '/datasets/org/data/resolve/main/README.md');
  });

  it('downloads only the first 200 KB of a 1 MB card and says it was truncated', async () => {
    const { stub, service } = setup();
    stub.on(/resolve\/main\/README\.md$/, resolveFile(`# Huge\n\n${'lorem ipsum '.repeat(90_000)}`));
    const card = await service.card('model', 'big-org/huge-card');
    assert.equal(card.truncated, true);
    assert.match(card.html, /Card truncated/);
    const ranges = stub.calls.map((c) => c.headers.range);
    assert.deepEqual(ranges, ['bytes=0-0', 'bytes=0-199999']);
  });

  it('lists files with LFS sizes and stops at maxFiles', async () => {
    const { stub, service } = setup({ maxFiles: 3 });
    stub.on(/\/api\/models\/org\/model-1\/tree\/main$/, () =>
      json([
        { type: 'directory', oid: 'd', size: 0, path: 'onnx' },
        { type: 'file', oid: 'a', size: 665, path: 'config.json' },
        { type: 'file', oid: 'b', size: 135, path: 'model.safetensors', lfs: { oid: 'x', size: 548_105_171, pointerSize: 135 } },
        { type: 'file', oid: 'c', size: 10, path: 'onnx/model.onnx' },
        { type: 'file', oid: 'e', size: 11, path: 'vocab.txt' },
      ]),
    );
    const result = await service.files('model', 'org/model-1');
    assert.deepEqual(result, {
      files: [
        { path: 'config.json', type: 'file', size: 665 },
        { path: 'model.safetensors', type: 'file', size: 548_105_171 },
        { path: 'onnx/model.onnx', type: 'file', size: 10 },
      ],
      truncated: true,
    });
    assert.equal(stub.calls[0].url.searchParams.get('recursive'), 'true');
  });

  it('refetches a Space runtime every time (the refresh button) and maps it', async () => {
    const { stub, service } = setup();
    stub.on(/\/api\/spaces\/fake-org\/broken-space\/revision\/HEAD$/, () =>
      json({ _id: 'x', id: 'fake-org/broken-space', sdk: 'docker', likes: 2, private: false, lastModified: '2025-01-05T00:00:00.000Z', runtime: { stage: 'RUNTIME_ERROR', hardware: { current: null, requested: 'cpu-basic' }, errorMessage: 'Exit code: 1' } }),
    );
    await service.spaceRuntime('fake-org/broken-space');
    const runtime = await service.spaceRuntime('fake-org/broken-space');
    assert.deepEqual(runtime, { stage: 'RUNTIME_ERROR', hardware: '', requestedHardware: 'cpu-basic', errorMessage: 'Exit code: 1' });
    assert.equal(stub.calls.length, 2);
  });

  it('previews a dataset from the viewer API: splits, then first rows of the train split', async () => {
    const { stub, service } = setup();
    stub.on(/^https:\/\/viewer\.test\/splits$/, () =>
      json({ splits: [{ dataset: 'org/d', config: 'plain_text', split: 'test' }, { dataset: 'org/d', config: 'plain_text', split: 'train' }], pending: [], failed: [] }),
    );
    stub.on(/^https:\/\/viewer\.test\/first-rows$/, (url) =>
      json({
        dataset: 'org/d',
        config: url.searchParams.get('config'),
        split: url.searchParams.get('split'),
        features: [{ feature_idx: 0, name: 'text', type: { dtype: 'string', _type: 'Value' } }, { feature_idx: 1, name: 'label', type: { _type: 'ClassLabel', names: ['neg', 'pos'] } }],
        rows: [{ row_idx: 0, row: { text: 'I loved it', label: 1 }, truncated_cells: [] }],
        truncated: true,
      }),
    );
    const preview = await service.datasetPreview('org/d', '', '');
    assert.deepEqual(preview, {
      splits: [{ config: 'plain_text', split: 'test' }, { config: 'plain_text', split: 'train' }],
      config: 'plain_text',
      split: 'train',
      columns: [{ name: 'text', type: 'string' }, { name: 'label', type: 'class label (2)' }],
      rows: [['I loved it', '1']],
      truncated: true,
    });
  });

  it('explains a dataset without a viewer (501)', async () => {
    const { stub, service } = setup();
    stub.on(/^https:\/\/viewer\.test\/splits$/, () => json({ error: 'The dataset viewer is not available for this dataset.' }, 501));
    const failure = await hubRejection(service.datasetPreview('fake-org/no-viewer-dataset', '', ''));
    assert.deepEqual(failure, { kind: 'error', message: 'The dataset viewer is not available for this dataset.' });
  });
});
