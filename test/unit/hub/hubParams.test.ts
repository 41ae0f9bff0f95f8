import { strict as assert } from 'node:assert';
import { clientFilter, queryKey, toHubListParams } from '../../../src/hub/hubParams';
import { EMPTY_DATASET_FILTERS, EMPTY_MODEL_FILTERS, EMPTY_SPACE_FILTERS, type HubQuery } from '../../../src/shared/hubTypes';

const models = (over: Partial<typeof EMPTY_MODEL_FILTERS> = {}, text = '', sort: HubQuery['sort'] = 'trending'): HubQuery => ({
  scope: 'everyone',
  tab: 'models',
  text,
  sort,
  filters: { ...EMPTY_MODEL_FILTERS, ...over },
});

describe('hub/hubParams: toHubListParams', () => {
  it('sends nothing but the sort for an empty model query', () => {
    assert.deepEqual(toHubListParams(models()), { kind: 'model', search: {}, sort: 'trendingScore', additionalFields: ['library_name'] });
  });

  it('maps model text, task, library, language and "served by Inference Providers"', () => {
    const params = toHubListParams(
      models({ task: 'text-classification', library: 'transformers', language: 'en', inferenceProviders: true }, '  bert  '),
    );
    assert.deepEqual(params.search, {
      query: 'bert',
      task: 'text-classification',
      tags: ['transformers', 'en'],
      inferenceProviders: ['all'],
    });
  });

  it('maps every sort: trending, downloads, likes, updated', () => {
    assert.equal(toHubListParams(models({}, '', 'trending')).sort, 'trendingScore');
    assert.equal(toHubListParams(models({}, '', 'downloads')).sort, 'downloads');
    assert.equal(toHubListParams(models({}, '', 'likes')).sort, 'likes');
    assert.equal(toHubListParams(models({}, '', 'updated')).sort, 'lastModified');
  });

  it('maps dataset filters to task_categories:, language: and size_categories: tags and asks for tags', () => {
    const params = toHubListParams({
      scope: 'everyone',
      tab: 'datasets',
      text: 'imdb',
      sort: 'likes',
      filters: { task: 'text-classification', language: 'en', size: '10K<n<100K' },
    });
    assert.deepEqual(params, {
      kind: 'dataset',
      search: { query: 'imdb', tags: ['task_categories:text-classification', 'language:en', 'size_categories:10K<n<100K'] },
      sort: 'likes',
      additionalFields: ['tags'],
    });
  });

  it('filters Spaces by SDK tag on the Hub, always expands runtime, and never sorts them by downloads', () => {
    const params = toHubListParams({ scope: 'everyone', tab: 'spaces', text: '', sort: 'downloads', filters: { ...EMPTY_SPACE_FILTERS, sdk: 'gradio' } });
    assert.deepEqual(params, { kind: 'space', search: { tags: ['gradio'] }, sort: 'trendingScore', additionalFields: ['runtime'] });
  });

  it('leaves out empty dataset filters', () => {
    assert.deepEqual(toHubListParams({ scope: 'everyone', tab: 'datasets', text: ' ', sort: 'updated', filters: EMPTY_DATASET_FILTERS }).search, {});
  });
});

describe('hub/hubParams: clientFilter', () => {
  const space = (over: Partial<typeof EMPTY_SPACE_FILTERS>): HubQuery => ({ scope: 'everyone', tab: 'spaces', text: '', sort: 'likes', filters: { ...EMPTY_SPACE_FILTERS, ...over } });

  it('has nothing to do for models, datasets and unfiltered Spaces', () => {
    assert.equal(clientFilter(models({ task: 'x' })), undefined);
    assert.equal(clientFilter(space({})), undefined);
  });

  it('keeps only Spaces on the chosen hardware', () => {
    const keep = clientFilter(space({ hardware: 't4-small' }));
    assert.ok(keep);
    assert.equal(keep({ sdk: 'gradio', hardware: 't4-small', stage: 'SLEEPING' }), true);
    assert.equal(keep({ sdk: 'gradio', hardware: 'cpu-basic', stage: 'RUNNING' }), false);
    assert.equal(keep({ sdk: 'gradio', hardware: '', stage: 'RUNNING' }), false);
  });

  it('keeps only running Spaces with "running only", and re-checks the SDK', () => {
    const keep = clientFilter(space({ runningOnly: true, sdk: 'docker' }));
    assert.ok(keep);
    assert.equal(keep({ sdk: 'docker', hardware: 'cpu-basic', stage: 'RUNNING' }), true);
    assert.equal(keep({ sdk: 'docker', hardware: 'cpu-basic', stage: 'BUILDING' }), false);
    assert.equal(keep({ sdk: 'gradio', hardware: 'cpu-basic', stage: 'RUNNING' }), false);
  });
});

describe('hub/hubParams: queryKey', () => {
  it('is equal for queries that send the same request', () => {
    assert.equal(queryKey(models({}, 'BERT ')), queryKey(models({}, 'bert')));
  });

  it('differs when scope, tab, text, sort or a filter differs', () => {
    const keys = new Set([
      queryKey(models()),
      queryKey(models({}, 'x')),
      queryKey(models({}, '', 'likes')),
      queryKey(models({ inferenceProviders: true })),
      queryKey(models({ task: 'translation' })),
      queryKey({ scope: 'everyone', tab: 'datasets', text: '', sort: 'trending', filters: EMPTY_DATASET_FILTERS }),
      queryKey({ ...models(), scope: 'yours' }),
    ]);
    assert.equal(keys.size, 7);
  });
});
