import { strict as assert } from 'node:assert';
import { HubApiError, datasetInfo, downloadFile, fileExists, listDatasets, listFiles, listModels, listSpaces, modelInfo, spaceInfo, whoAmI } from '@huggingface/hub';
import { collect, rejectionOf, useFakeHf } from './helpers';
import { getCatalog } from '../../fake-hf/catalog';
import { VALID_TOKEN } from '../../fake-hf/server';

describe('fake-hf hub with the real @huggingface/hub client', () => {
  const h = useFakeHf();
  const opts = () => ({ hubUrl: h.fake.hubUrl, accessToken: VALID_TOKEN });

  describe('listings', () => {
    it('follows the absolute Link header across pages until the catalog is exhausted', async () => {
      const all = await collect(listModels(opts()));
      assert.equal(all.length, getCatalog().models.length, 'the private model is listed for its owner');
      const pages = h.fake.requests.filter((r) => r.path === '/api/models');
      assert.equal(pages.length, 3);
      assert.equal(pages[0].query.get('cursor'), null);
      assert.ok(pages[1].query.get('cursor'));
      assert.equal(new Set(all.map((m) => m.name)).size, all.length, 'no repo appears twice');
    });

    it('stops after `limit` items and sends limit capped at 500', async () => {
      const some = await collect(listModels({ ...opts(), limit: 3 }));
      assert.equal(some.length, 3);
      assert.equal(h.fake.requests[0].query.get('limit'), '3');
    });

    it('sends a Link header the client regex accepts', async () => {
      const res = await fetch(`${h.fake.hubUrl}/api/models?limit=2&search=opus-mt`);
      assert.match(res.headers.get('link') ?? '', /^<http:\/\/127\.0\.0\.1:\d+\/api\/models\?limit=2&search=opus-mt&cursor=[^>]+>;\s+rel="next"$/);
      const ids = ((await res.json()) as { id: string }[]).map((m) => m.id);
      assert.deepEqual(ids, ['Helsinki-NLP/opus-mt-en-es', 'Helsinki-NLP/opus-mt-en-fr']);
    });

    it('filters by task, search, author, tags and inference provider, sorted descending', async () => {
      const served = await collect(listModels({ ...opts(), search: { task: 'summarization', inferenceProviders: ['hf-inference'] }, sort: 'downloads', limit: 50 }));
      assert.ok(served.length >= 2);
      assert.equal(served[0].name, 'facebook/bart-large-cnn');
      assert.ok(served.every((m) => m.task === 'summarization'));
      assert.ok(!served.some((m) => m.name === 'google/pegasus-large'), 'unserved models are excluded');
      for (let i = 1; i < served.length; i++) assert.ok(served[i - 1].downloads >= served[i].downloads);

      const helsinki = await collect(listModels({ ...opts(), search: { owner: 'helsinki-nlp', query: 'EN-DE', tags: ['translation', 'de'] } }));
      assert.deepEqual(helsinki.map((m) => m.name), ['Helsinki-NLP/opus-mt-en-de']);
    });

    it('lists datasets with task/size tag filters and additional fields', async () => {
      const ds = await collect(listDatasets({ ...opts(), search: { tags: ['task_categories:text-classification', 'size_categories:1K<n<10K'] }, additionalFields: ['tags'], limit: 500 }));
      assert.ok(ds.some((d) => d.name === 'cornell-movie-review-data/rotten_tomatoes'));
      assert.ok(ds.every((d) => d.tags.includes('size_categories:1K<n<10K')));
    });

    it('lists spaces by sdk tag with runtime', async () => {
      const spaces = await collect(listSpaces({ ...opts(), search: { tags: ['streamlit'] }, sort: 'likes', additionalFields: ['runtime'] }));
      assert.ok(spaces.length > 0);
      assert.ok(spaces.every((s) => s.sdk === 'streamlit'));
      assert.equal(typeof spaces[0].runtime?.stage, 'string');
    });

    it('rejects an unknown expand field with 400 like the Hub', async () => {
      const res = await fetch(`${h.fake.hubUrl}/api/models?expand=nonsense`);
      assert.equal(res.status, 400);
    });
  });

  describe('repo info', () => {
    it('modelInfo returns the mapping and the requested fields only', async () => {
      const info = await modelInfo({ ...opts(), name: 'facebook/bart-large-cnn', additionalFields: ['inferenceProviderMapping', 'library_name'] });
      assert.equal(info.task, 'summarization');
      assert.equal(info.library_name, 'transformers');
      assert.deepEqual(info.inferenceProviderMapping?.map((p) => [p.provider, p.task, p.status]), [['hf-inference', 'summarization', 'live']]);
      assert.equal(h.fake.requests[0].path, '/api/models/facebook/bart-large-cnn/revision/HEAD');
    });

    it('answers the inference lookup with an empty mapping for a model that is no longer served', async () => {
      const res = await fetch(`${h.fake.hubUrl}/api/models/Salesforce/codegen-350M-mono?expand[]=inferenceProviderMapping`);
      assert.deepEqual(Object.keys((await res.json()) as object), ['_id', 'id', 'inferenceProviderMapping']);
      const missing = await fetch(`${h.fake.hubUrl}/api/models/nobody/nothing?expand[]=inferenceProviderMapping`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('content-type'), 'application/json');
      assert.deepEqual(await missing.json(), { error: 'Repository not found' });
    });

    it('spaceInfo exposes runtime stage and hardware', async () => {
      const info = await spaceInfo({ ...opts(), name: 'stabilityai/stable-diffusion', additionalFields: ['runtime'] });
      assert.equal(info.sdk, 'gradio');
      assert.equal(info.runtime?.stage, 'SLEEPING');
      assert.deepEqual(info.runtime?.hardware, { current: null, requested: 'a10g-small' });
    });

    it('datasetInfo and modelInfo raise HubApiError 404 for unknown repos', async () => {
      const ds = await datasetInfo({ ...opts(), name: 'stanfordnlp/imdb', additionalFields: ['cardData'] });
      assert.equal(ds.name, 'stanfordnlp/imdb');
      const err = await rejectionOf(modelInfo({ ...opts(), name: 'nobody/nothing' }));
      assert.ok(err instanceof HubApiError);
      assert.equal(err.statusCode, 404);
    });
  });

  describe('whoAmI', () => {
    it('returns the fake user for a valid token', async () => {
      const me = await whoAmI({ hubUrl: h.fake.hubUrl, accessToken: VALID_TOKEN });
      assert.equal(me.name, 'fake-user');
      assert.equal(me.auth.accessToken?.role, 'write');
      assert.ok(me.type === 'user');
      assert.deepEqual(me.orgs.map((o) => o.name), ['fake-org']);
      assert.ok(me.auth.accessToken?.createdAt instanceof Date);
    });

    it('raises HubApiError 401 for an unknown token', async () => {
      const err = await rejectionOf(whoAmI({ hubUrl: h.fake.hubUrl, accessToken: 'hf_unknown' }));
      assert.equal(err.statusCode, 401);
      assert.match(err.message, /Invalid credentials in Authorization header/);
    });
  });

  describe('files', () => {
    it('listFiles lists files with sizes and lfs, and directories', async () => {
      const top = await collect(listFiles({ ...opts(), repo: 'Helsinki-NLP/opus-mt-en-es' }));
      const byPath = new Map(top.map((f) => [f.path, f]));
      assert.equal(byPath.get('onnx')?.type, 'directory');
      assert.ok((byPath.get('README.md')?.size ?? 0) > 0);
      assert.ok(byPath.get('model.safetensors')?.lfs);
      const deep = await collect(listFiles({ ...opts(), repo: 'Helsinki-NLP/opus-mt-en-es', recursive: true }));
      assert.ok(deep.some((f) => f.path === 'onnx/model.onnx'));
    });

    it('downloadFile fetches README.md after a Range probe', async () => {
      const blob = await downloadFile({ ...opts(), repo: 'evil-org/hostile-card', path: 'README.md' });
      const text = (await blob?.text()) ?? '';
      assert.match(text, /<script>alert\(document\.cookie\)<\/script>/);
      assert.match(text, /javascript:/);
      assert.equal(h.fake.requests[0].headers['range'], 'bytes=0-0');
    });

    it('serves a card of about one megabyte', async () => {
      const blob = await downloadFile({ ...opts(), repo: 'big-org/huge-card', path: 'README.md' });
      assert.ok((blob?.size ?? 0) >= 1_000_000);
    });

    it('downloadFile returns null and fileExists false for a missing file', async () => {
      assert.equal(await downloadFile({ ...opts(), repo: 'openai-community/gpt2', path: 'nope.txt' }), null);
      assert.equal(await fileExists({ ...opts(), repo: 'openai-community/gpt2', path: 'nope.txt' }), false);
      assert.equal(await fileExists({ ...opts(), repo: { type: 'dataset', name: 'stanfordnlp/imdb' }, path: 'README.md' }), true);
    });
  });
});
