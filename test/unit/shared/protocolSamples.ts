// One valid message of every kind, typed against the protocol so a new method without a sample fails to compile.
import {
  EMPTY_DATASET_FILTERS,
  EMPTY_MODEL_FILTERS,
  EMPTY_SPACE_FILTERS,
  INITIAL_VIEW_STATE,
  type HubListItem,
  type ViewState,
} from '../../../src/shared/hubTypes';
import type { HostEvent, Method, RequestOf, ResultMap } from '../../../src/shared/protocol';

export const VIEW_STATE: ViewState = {
  ...INITIAL_VIEW_STATE,
  scope: 'yours',
  tab: 'spaces',
  text: 'chat',
  spaceFilters: { sdk: 'gradio', hardware: 't4-small', runningOnly: true },
  scrollTop: 460,
  loadedCount: 100,
  selected: { kind: 'space', id: 'gradio/hello_world' },
};

export const ITEM: HubListItem = {
  kind: 'model',
  id: 'openai-community/gpt2',
  author: 'openai-community',
  label: 'text-generation',
  downloads: 9_812_345,
  likes: 2913,
  updatedAt: Date.parse('2024-02-19T10:57:45.000Z'),
  gated: false,
  private: false,
  hardware: '',
  stage: '',
};

const TRY_INPUT = { text: 'Hello', context: '', labels: '', sourceLang: 'en', targetLang: 'fr' };

export const REQUESTS: { readonly [M in Method]: RequestOf<M> } = {
  init: { type: 'init', seq: 1 },
  saveState: { type: 'saveState', seq: 2, state: VIEW_STATE },
  list: {
    type: 'list',
    seq: 3,
    query: { scope: 'everyone', tab: 'models', text: 'bert', sort: 'downloads', filters: { ...EMPTY_MODEL_FILTERS, task: 'fill-mask', inferenceProviders: true } },
    offset: 50,
    count: 50,
    fresh: false,
  },
  details: { type: 'details', seq: 4, kind: 'dataset', id: 'stanfordnlp/imdb', fresh: true },
  card: { type: 'card', seq: 5, kind: 'model', id: 'gpt2' },
  files: { type: 'files', seq: 6, kind: 'space', id: 'gradio/hello_world' },
  datasetPreview: { type: 'datasetPreview', seq: 7, id: 'openai/gsm8k', config: 'main', split: 'train' },
  spaceRuntime: { type: 'spaceRuntime', seq: 8, id: 'gradio/hello_world' },
  pinModel: { type: 'pinModel', seq: 9, task: 'sentiment', modelId: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english' },
  unpinModel: { type: 'unpinModel', seq: 17, task: 'translate' },
  pins: { type: 'pins', seq: 18 },
  tryRun: { type: 'tryRun', seq: 10, modelId: 'Qwen/Qwen2.5-72B-Instruct', task: 'chat', provider: 'auto', input: TRY_INPUT },
  cancel: { type: 'cancel', seq: 11, target: 10 },
  copyId: { type: 'copyId', seq: 12, id: 'openai-community/gpt2' },
  openOnHub: { type: 'openOnHub', seq: 13, kind: 'dataset', id: 'rajpurkar/squad' },
  openInExplorer: { type: 'openInExplorer', seq: 19, kind: 'model', id: 'fake-user/private-model' },
  openExternal: { type: 'openExternal', seq: 14, url: 'https://arxiv.org/abs/1810.04805' },
  spaceCommand: { type: 'spaceCommand', seq: 23, id: 'fake-org/static-page', command: 'restart' },
  insertSnippet: { type: 'insertSnippet', seq: 15, kind: 'model', id: 'dslim/bert-base-NER', task: 'token-classification' },
  signIn: { type: 'signIn', seq: 16 },
};

export const RESULTS: ResultMap = {
  init: { signedIn: true, hubUrl: 'http://127.0.0.1:1234', savedState: VIEW_STATE },
  saveState: {},
  list: { items: [ITEM], offset: 0, loaded: 1, done: false, scanned: 1 },
  details: {
    kind: 'model',
    id: 'meta-llama/Llama-3.1-8B-Instruct',
    author: 'meta-llama',
    likes: 4600,
    updatedAt: null,
    private: false,
    gated: true,
    tags: ['llama', 'conversational'],
    task: 'text-generation',
    library: 'transformers',
    downloads: 6_500_000,
    providers: [{ provider: 'cerebras', providerId: 'llama3.1-8b', status: 'live', task: 'conversational' }],
    tasks: ['chat', 'generate-code'],
  },
  card: { html: '<h1>Card</h1>', truncated: false, missing: false },
  files: { files: [{ path: 'config.json', type: 'file', size: 665 }], truncated: false },
  datasetPreview: {
    splits: [{ config: 'main', split: 'train' }],
    config: 'main',
    split: 'train',
    columns: [{ name: 'question', type: 'string' }],
    rows: [['What is 2+2?']],
    truncated: true,
  },
  spaceRuntime: { runtime: { stage: 'RUNNING', hardware: 'cpu-basic', requestedHardware: 'cpu-basic', errorMessage: '' } },
  pinModel: {},
  unpinModel: {},
  pins: { pins: [{ task: 'translate', model: 'Helsinki-NLP/opus-mt-en-es' }, { task: 'chat', model: 'meta-llama/Llama-3.1-8B-Instruct:together' }] },
  tryRun: { text: 'Bonjour', model: 'Qwen/Qwen2.5-72B-Instruct', provider: 'together', latencyMs: 420 },
  cancel: {},
  copyId: {},
  openOnHub: {},
  openInExplorer: {},
  openExternal: {},
  spaceCommand: {},
  insertSnippet: { inserted: true, language: 'python' },
  signIn: { signedIn: true },
};

export const EVENTS: readonly HostEvent[] = [
  { type: 'runToken', seq: 10, text: 'Bon' },
  { type: 'runRestart', seq: 10 },
  { type: 'command', command: 'refresh' },
  { type: 'command', command: 'clearFilters' },
  { type: 'command', command: 'focusSearch' },
  { type: 'showRepo', kind: 'model', id: 'Qwen/Qwen2.5-Coder-32B-Instruct', tryIt: true },
  { type: 'auth', signedIn: false },
];

export const OTHER_QUERIES = [
  { scope: 'everyone', tab: 'datasets', text: '', sort: 'likes', filters: { ...EMPTY_DATASET_FILTERS, size: '1K<n<10K' } },
  { scope: 'everyone', tab: 'spaces', text: 'x', sort: 'updated', filters: EMPTY_SPACE_FILTERS },
] as const;
