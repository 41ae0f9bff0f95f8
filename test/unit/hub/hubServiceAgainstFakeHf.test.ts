// The Hub service through the real @huggingface/hub client against the project's fake HF server.
import { strict as assert } from 'node:assert';
import { HubService } from '../../../src/hub/hubService';
import { runSpaceAction } from '../../../src/hub/spaceRuntimeApi';
import { EMPTY_DATASET_FILTERS, EMPTY_MODEL_FILTERS, EMPTY_SPACE_FILTERS, type HubQuery } from '../../../src/shared/hubTypes';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../fake-hf/server';
import { hubRejection } from '../support/hubRejection';
import { approving } from '../support/tokenChecks';

const MODELS: HubQuery = { scope: 'everyone', tab: 'models', text: '', sort: 'downloads', filters: EMPTY_MODEL_FILTERS };


describe('hub/hubService against the fake HF server', () => {
  let fake: FakeHf;
  let token: string | undefined;
  const service = (): HubService =>
    new HubService({
      hubUrl: () => fake.hubUrl,
      datasetsServerUrl: () => fake.datasetsServerUrl,
      getToken: async () => token,
      checkTokenDestination: approving(fake.hubUrl, fake.datasetsServerUrl),
    });
  const hubRequests = (prefix: string) => fake.requests.filter((r) => r.listener === 'hub' && r.path.startsWith(prefix));

  before(async () => {
    fake = await startFakeHf();
  });
  beforeEach(() => {
    token = undefined;
  });
  afterEach(() => fake.reset());
  after(() => fake.close());

  it('pages through more than a thousand models by following Link headers, one Hub page per 500 rows', async () => {
    const hub = service();
    const first = await hub.list(MODELS, 0, 50);
    assert.equal(first.items.length, 50);
    assert.equal(hubRequests('/api/models').length, 1);
    let offset = 50;
    while (offset < 1100) {
      const page = await hub.list(MODELS, offset, 50);
      assert.equal(page.items.length, 50);
      offset += 50;
    }
    assert.equal(hubRequests('/api/models').length, 3);
    const downloads = (await hub.list(MODELS, 0, 1100)).items.map((i) => i.downloads ?? 0);
    assert.ok(downloads.every((d, i) => i === 0 || d <= downloads[i - 1]), 'sorted by downloads');
  });

  it('searches and filters models on the Hub', async () => {
    const page = await service().list({ ...MODELS, text: 'bart', filters: { ...EMPTY_MODEL_FILTERS, task: 'summarization', inferenceProviders: true } }, 0, 50);
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((i) => i.id.toLowerCase().includes('bart') && i.label === 'summarization'));
    assert.ok(page.items.some((i) => i.id === 'facebook/bart-large-cnn'));
  });

  it('filters datasets by task category, and Spaces by running state client-side', async () => {
    const hub = service();
    const datasets = await hub.list({ scope: 'everyone', tab: 'datasets', text: '', sort: 'likes', filters: { ...EMPTY_DATASET_FILTERS, task: 'question-answering' } }, 0, 50);
    assert.ok(datasets.items.length > 0 && datasets.items.every((d) => d.label === 'question-answering'));
    const spaces = await hub.list({ scope: 'everyone', tab: 'spaces', text: '', sort: 'likes', filters: { ...EMPTY_SPACE_FILTERS, runningOnly: true } }, 0, 50);
    assert.ok(spaces.items.length > 0 && spaces.items.every((s) => s.stage === 'RUNNING'));
    assert.ok(spaces.scanned >= spaces.items.length);
  });

  it('shows private repos only to a signed-in user', async () => {
    const query: HubQuery = { ...MODELS, text: 'private-model' };
    assert.equal((await service().list(query, 0, 50)).items.length, 0);
    token = VALID_TOKEN;
    const page = await service().list(query, 0, 50);
    assert.deepEqual(page.items.map((i) => [i.id, i.private]), [['fake-user/private-model', true]]);
  });

  it('reads a gated chat model with its inference providers', async () => {
    const details = await service().details('model', 'meta-llama/Llama-3.1-8B-Instruct');
    assert.ok(details.kind === 'model');
    assert.equal(details.gated, true);
    assert.ok(details.providers.some((p) => p.provider === 'cerebras' && p.status === 'live'));
    assert.ok(details.tasks.includes('chat'));
  });

  it('renders the hostile card inert and cuts the huge card', async () => {
    const hub = service();
    const hostile = await hub.card('model', 'evil-org/hostile-card');
    assert.ok(!/<(script|iframe|img|svg|form|object|embed|style|meta|details)\b/i.test(hostile.html));
    assert.ok(!/<[a-z][^>]*\son\w+\s*=/i.test(hostile.html), 'no event attribute inside a tag');
    assert.ok(!/href="(javascript|data):/i.test(hostile.html));
    assert.match(hostile.html, /this line must still render/);
    const huge = await hub.card('model', 'big-org/huge-card');
    assert.equal(huge.truncated, true);
  });

  it('lists files, previews a dataset and reads a broken Space runtime', async () => {
    const hub = service();
    const files = await hub.files('model', 'openai-community/gpt2');
    assert.ok(files.files.some((f) => f.path === 'config.json' && f.size > 0));
    const preview = await hub.datasetPreview('stanfordnlp/imdb', '', '');
    assert.deepEqual([preview.config, preview.split], ['plain_text', 'train']);
    assert.deepEqual(preview.columns.map((c) => c.name), ['text', 'label']);
    assert.ok(preview.rows.length > 0);
    const runtime = await hub.spaceRuntime('fake-org/broken-space');
    assert.equal(runtime?.stage, 'RUNTIME_ERROR');
    assert.match(runtime?.errorMessage ?? '', /ModuleNotFoundError/);
  });

  it('turns a Hub rate limit into rate-limited with the wait, then recovers on retry', async () => {
    const hub = service();
    fake.setFault({ listener: 'hub', pathPrefix: '/api/models' }, { type: 'rate-limit', retryAfterS: 7, times: 1 });
    const failure = await hubRejection(hub.list(MODELS, 0, 50));
    assert.deepEqual([failure.kind, failure.retryAfterMs], ['rate-limited', 7000]);
    assert.equal((await hub.list(MODELS, 0, 50)).items.length, 50);
  });

  it('reports offline when the Hub cannot be reached', async () => {
    const hub = new HubService({ hubUrl: () => 'http://127.0.0.1:9', datasetsServerUrl: () => fake.datasetsServerUrl, getToken: async () => undefined });
    const failure = await hubRejection(hub.list(MODELS, 0, 50));
    assert.equal(failure.kind, 'offline');
  });

  it('lists the signed-in user\'s and their organisations\' Spaces; none when signed out', async () => {
    assert.deepEqual(await service().mySpaces(), []);
    token = VALID_TOKEN;
    const ids = await service().mySpaces();
    assert.ok(ids.includes('fake-org/static-page') && ids.includes('fake-org/broken-space'), ids.join(', '));
    assert.ok(ids.every((id) => id.startsWith('fake-user/') || id.startsWith('fake-org/')), ids.join(', '));
  });

  it('runs the Space runtime routes with the token, held to the Hub origin', async () => {
    token = VALID_TOKEN;
    const ctx = await service().spaceCallContext();
    const rt = (await runSpaceAction(ctx, 'fake-org/static-page', { kind: 'restart' })) as { stage: string };
    assert.equal(rt.stage, 'BUILDING');
    const sent = fake.requests.find((r) => r.path === '/api/spaces/fake-org/static-page/restart');
    assert.equal(sent?.headers.authorization, `Bearer ${VALID_TOKEN}`);
    await assert.rejects(ctx.fetch('http://127.0.0.1:9/api/spaces/x/y/restart', { method: 'POST' }), /another host/);
  });
});
