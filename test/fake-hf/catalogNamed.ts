// Hand-written, real-looking repos that tests and the product's defaults refer to by name.
// Numbers (downloads, likes, dates) are plausible, fixed values; they are not the real Hub's.
import {
  finishEntry,
  type DatasetConfig,
  type DatasetEntry,
  type Gated,
  type ModelEntry,
  type ProviderMapping,
  type SpaceEntry,
  type SpaceSdk,
} from './catalogTypes';

interface ModelSpec {
  pipeline: string;
  library?: string;
  languages?: string[];
  serve?: ProviderMapping[];
  stats: [downloads: number, likes: number, trending: number];
  dates: [created: string, modified: string];
  license?: string;
  params?: number;
  gated?: Gated;
  private?: boolean;
  card?: 'hostile' | 'huge';
  extraTags?: string[];
  description?: string;
  imageInput?: boolean;
}

const hf = (id: string, task: string): ProviderMapping => ({ provider: 'hf-inference', providerId: id, status: 'live', task });
const chat = (provider: string, providerId: string): ProviderMapping => ({ provider, providerId, status: 'live', task: 'conversational' });

export function modelTags(library: string | undefined, pipeline: string, languages: string[], license: string, extra: string[]): string[] {
  const lib = library ? [library] : [];
  const formats = library === 'transformers' ? ['pytorch', 'safetensors'] : [];
  return [...lib, ...formats, ...extra, pipeline, ...languages, `license:${license}`, 'endpoints_compatible', 'region:us'];
}

function model(id: string, s: ModelSpec): ModelEntry {
  const library = s.library ?? 'transformers';
  const languages = s.languages ?? ['en'];
  const license = s.license ?? 'apache-2.0';
  return finishEntry<ModelEntry>({
    type: 'model',
    id,
    private: s.private ?? false,
    gated: s.gated ?? false,
    disabled: false,
    downloads: s.stats[0],
    likes: s.stats[1],
    trendingScore: s.stats[2],
    createdAt: s.dates[0],
    lastModified: s.dates[1],
    tags: modelTags(library, s.pipeline, languages, license, s.extraTags ?? []),
    license,
    description: s.description ?? `${id} is a ${s.pipeline} model.`,
    card: s.card,
    pipeline_tag: s.pipeline,
    library_name: library,
    languages,
    parameters: s.params ?? 125_000_000,
    ...(s.imageInput ? { imageInput: true } : {}),
    inferenceProviderMapping: s.serve ?? [],
  });
}

const OPUS_PAIRS = ['en-es', 'en-fr', 'en-de', 'es-en', 'fr-en', 'de-en', 'en-zh', 'zh-en', 'en-ROMANCE', 'ROMANCE-en', 'en-it', 'it-en', 'en-ru', 'ru-en', 'ja-en', 'en-hi', 'hi-en', 'en-ar', 'ar-en', 'en-nl', 'nl-en', 'mul-en'];

function opusModels(): ModelEntry[] {
  return OPUS_PAIRS.map((pair, i) => {
    const id = `Helsinki-NLP/opus-mt-${pair}`;
    const languages = pair.split('-').map((l) => (l === 'ROMANCE' || l === 'mul' ? 'multilingual' : l));
    return model(id, {
      pipeline: 'translation',
      languages,
      serve: [hf(id, 'translation')],
      stats: [900_000 - i * 37_000, 600 - i * 20, 40 - i],
      dates: ['2022-03-02T23:29:04.000Z', `2023-08-${String(10 + (i % 18)).padStart(2, '0')}T14:35:45.000Z`],
      license: 'apache-2.0',
      params: 77_000_000,
      extraTags: ['marian', 'text2text-generation'],
    });
  });
}

const OLD = '2022-03-02T23:29:04.000Z';

export function namedModels(): ModelEntry[] {
  return [
    // The product's historical defaults: they exist on the Hub but no provider serves them any more.
    model('Salesforce/codegen-350M-mono', { pipeline: 'text-generation', stats: [45_210, 92, 3], dates: ['2022-04-11T16:18:21.000Z', '2023-01-05T10:12:00.000Z'], license: 'bsd-3-clause', params: 350_000_000, extraTags: ['codegen'] }),
    model('microsoft/DialoGPT-medium', { pipeline: 'text-generation', stats: [251_004, 371, 5], dates: [OLD, '2024-02-29T15:48:54.000Z'], license: 'mit', params: 345_000_000, extraTags: ['gpt2', 'conversational'] }),
    model('openai-community/gpt2', { pipeline: 'text-generation', stats: [9_812_345, 2_913, 31], dates: [OLD, '2024-02-19T10:57:45.000Z'], license: 'mit', params: 124_000_000, extraTags: ['gpt2'] }),
    model('EleutherAI/gpt-neo-1.3B', { pipeline: 'text-generation', stats: [181_220, 301, 4], dates: [OLD, '2024-01-31T20:29:39.000Z'], license: 'mit', params: 1_300_000_000, extraTags: ['gpt_neo'] }),
    model('google/pegasus-large', { pipeline: 'summarization', stats: [61_003, 101, 2], dates: [OLD, '2023-01-24T16:42:43.000Z'], params: 568_000_000, extraTags: ['pegasus'] }),
    ...opusModels(),
    model('facebook/nllb-200-distilled-600M', { pipeline: 'translation', languages: ['multilingual', 'en', 'fr', 'es', 'de', 'zh'], serve: [hf('facebook/nllb-200-distilled-600M', 'translation')], stats: [1_240_500, 780, 60], dates: ['2022-07-08T10:06:00.000Z', '2024-02-11T08:20:00.000Z'], license: 'cc-by-nc-4.0', params: 600_000_000, extraTags: ['m2m_100', 'nllb'] }),
    model('facebook/m2m100_418M', { pipeline: 'translation', languages: ['multilingual', 'en', 'fr', 'es', 'de', 'zh'], serve: [hf('facebook/m2m100_418M', 'translation')], stats: [410_200, 310, 12], dates: [OLD, '2023-10-05T09:00:00.000Z'], license: 'mit', params: 418_000_000, extraTags: ['m2m_100'] }),
    model('facebook/bart-large-cnn', { pipeline: 'summarization', serve: [hf('facebook/bart-large-cnn', 'summarization')], stats: [3_002_117, 1_310, 45], dates: [OLD, '2024-02-13T18:02:05.000Z'], license: 'mit', params: 406_000_000, extraTags: ['bart'] }),
    model('sshleifer/distilbart-cnn-12-6', { pipeline: 'summarization', serve: [hf('sshleifer/distilbart-cnn-12-6', 'summarization')], stats: [820_400, 280, 9], dates: [OLD, '2021-06-14T07:51:12.000Z'], params: 306_000_000, extraTags: ['bart'] }),
    // An ONNX port for the on-device models (issue 17): tiny files (library transformers.js, see repoFiles.ts).
    model('Xenova/opus-mt-en-fr', { pipeline: 'translation', library: 'transformers.js', stats: [9_800, 12, 0], dates: [OLD, '2024-03-02T10:00:00.000Z'], params: 4_000, extraTags: ['onnx', 'marian'] }),
    model('Xenova/distilbert-base-uncased-finetuned-sst-2-english', { pipeline: 'text-classification', library: 'transformers.js', stats: [12_400, 18, 0], dates: [OLD, '2024-03-02T10:00:00.000Z'], params: 4_000, extraTags: ['onnx', 'distilbert'] }),
    model('deepset/roberta-base-squad2', { pipeline: 'question-answering', serve: [hf('deepset/roberta-base-squad2', 'question-answering')], stats: [1_510_330, 860, 22], dates: [OLD, '2024-09-24T15:48:47.000Z'], license: 'cc-by-4.0', extraTags: ['roberta'] }),
    model('distilbert/distilbert-base-cased-distilled-squad', { pipeline: 'question-answering', serve: [hf('distilbert/distilbert-base-cased-distilled-squad', 'question-answering')], stats: [402_900, 250, 8], dates: [OLD, '2024-05-06T13:46:39.000Z'], params: 65_000_000, extraTags: ['distilbert'] }),
    model('distilbert/distilbert-base-uncased-finetuned-sst-2-english', { pipeline: 'text-classification', serve: [hf('distilbert/distilbert-base-uncased-finetuned-sst-2-english', 'text-classification')], stats: [5_123_456, 790, 28], dates: [OLD, '2023-12-19T16:29:37.000Z'], params: 67_000_000, extraTags: ['distilbert'] }),
    model('cardiffnlp/twitter-roberta-base-sentiment-latest', { pipeline: 'text-classification', serve: [hf('cardiffnlp/twitter-roberta-base-sentiment-latest', 'text-classification')], stats: [2_400_800, 670, 19], dates: [OLD, '2023-05-28T05:45:10.000Z'], license: 'cc-by-4.0', extraTags: ['roberta'] }),
    model('facebook/bart-large-mnli', { pipeline: 'zero-shot-classification', serve: [hf('facebook/bart-large-mnli', 'zero-shot-classification')], stats: [3_450_000, 1_420, 33], dates: [OLD, '2023-09-05T14:49:34.000Z'], license: 'mit', params: 407_000_000, extraTags: ['bart'] }),
    model('dslim/bert-base-NER', { pipeline: 'token-classification', serve: [hf('dslim/bert-base-NER', 'token-classification')], stats: [2_980_000, 620, 17], dates: [OLD, '2024-10-08T07:51:39.000Z'], license: 'mit', params: 108_000_000, extraTags: ['bert'] }),
    model('Qwen/Qwen2.5-Coder-1.5B', { pipeline: 'text-generation', serve: [hf('Qwen/Qwen2.5-Coder-1.5B', 'text-generation')], stats: [310_000, 85, 14], dates: ['2024-09-18T10:00:00.000Z', '2024-11-12T08:00:00.000Z'], params: 1_540_000_000, extraTags: ['qwen2', 'code'] }),
    model('bigcode/starcoder2-15b', { pipeline: 'text-generation', serve: [hf('bigcode/starcoder2-15b', 'text-generation')], stats: [120_000, 610, 7], dates: ['2024-02-20T17:58:19.000Z', '2024-06-05T19:52:45.000Z'], license: 'bigcode-openrail-m', params: 16_000_000_000, extraTags: ['starcoder2', 'code'] }),
    model('meta-llama/Llama-3.1-8B-Instruct', { pipeline: 'text-generation', gated: 'manual', serve: [chat('cerebras', 'llama3.1-8b'), chat('novita', 'meta-llama/llama-3.1-8b-instruct'), chat('nscale', 'meta-llama/Llama-3.1-8B-Instruct'), chat('featherless-ai', 'meta-llama/Meta-Llama-3.1-8B-Instruct')], stats: [6_500_000, 4_600, 120], dates: ['2024-07-18T08:56:00.000Z', '2024-09-25T17:00:57.000Z'], license: 'llama3.1', params: 8_030_000_000, extraTags: ['llama', 'conversational', 'text-generation-inference'] }),
    model('Qwen/Qwen2.5-Coder-32B-Instruct', { pipeline: 'text-generation', serve: [chat('together', 'Qwen/Qwen2.5-Coder-32B-Instruct'), chat('nebius', 'Qwen/Qwen2.5-Coder-32B-Instruct-fast'), chat('hyperbolic', 'Qwen/Qwen2.5-Coder-32B-Instruct'), chat('hf-inference', 'Qwen/Qwen2.5-Coder-32B-Instruct')], stats: [410_000, 1_900, 95], dates: ['2024-11-06T07:49:50.000Z', '2025-01-12T02:00:00.000Z'], params: 32_800_000_000, extraTags: ['qwen2', 'code', 'conversational', 'text-generation-inference'] }),
    model('Qwen/Qwen2.5-72B-Instruct', { pipeline: 'text-generation', serve: [chat('together', 'Qwen/Qwen2.5-72B-Instruct-Turbo'), chat('novita', 'qwen/qwen-2.5-72b-instruct'), chat('hyperbolic', 'Qwen/Qwen2.5-72B-Instruct')], stats: [380_000, 870, 40], dates: ['2024-09-16T11:55:40.000Z', '2025-01-12T02:00:00.000Z'], license: 'other', params: 72_700_000_000, extraTags: ['qwen2', 'conversational', 'text-generation-inference'] }),
    model('openai/gpt-oss-120b', { pipeline: 'text-generation', serve: [chat('groq', 'openai/gpt-oss-120b'), chat('cerebras', 'gpt-oss-120b'), chat('together', 'openai/gpt-oss-120b'), chat('fireworks-ai', 'accounts/fireworks/models/gpt-oss-120b'), chat('novita', 'openai/gpt-oss-120b')], stats: [3_900_000, 4_100, 310], dates: ['2025-08-04T22:33:29.000Z', '2025-08-26T17:25:03.000Z'], params: 120_000_000_000, extraTags: ['gpt_oss', 'conversational'] }),
    model('deepseek-ai/DeepSeek-V3-0324', { pipeline: 'text-generation', serve: [chat('together', 'deepseek-ai/DeepSeek-V3'), chat('fireworks-ai', 'accounts/fireworks/models/deepseek-v3-0324'), chat('novita', 'deepseek/deepseek-v3-0324'), chat('sambanova', 'DeepSeek-V3-0324')], stats: [520_000, 3_000, 150], dates: ['2025-03-24T09:28:22.000Z', '2025-03-28T03:27:27.000Z'], license: 'mit', params: 685_000_000_000, extraTags: ['deepseek_v3', 'conversational'] }),
    model('HuggingFaceTB/SmolLM3-3B', { pipeline: 'text-generation', serve: [chat('hf-inference', 'HuggingFaceTB/SmolLM3-3B')], stats: [210_000, 700, 55], dates: ['2025-07-08T10:00:00.000Z', '2025-08-01T12:00:00.000Z'], params: 3_080_000_000, extraTags: ['smollm3', 'conversational'] }),
    model('Qwen/Qwen2.5-VL-7B-Instruct', { pipeline: 'image-text-to-text', imageInput: true, serve: [chat('together', 'Qwen/Qwen2.5-VL-7B-Instruct'), chat('hyperbolic', 'Qwen/Qwen2.5-VL-7B-Instruct')], stats: [2_900_000, 1_200, 85], dates: ['2025-01-26T09:26:37.000Z', '2025-04-06T16:23:01.000Z'], params: 8_290_000_000, extraTags: ['qwen2_5_vl', 'multimodal', 'conversational'] }),
    model('evil-org/hostile-card', { pipeline: 'text-classification', stats: [13, 1, 0], dates: ['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'], card: 'hostile', description: 'A card that tries to attack renderers.' }),
    model('big-org/huge-card', { pipeline: 'fill-mask', stats: [21, 2, 0], dates: ['2025-02-01T00:00:00.000Z', '2025-02-02T00:00:00.000Z'], card: 'huge', description: 'A card of about one megabyte.' }),
    model('fake-user/private-model', { pipeline: 'text-classification', private: true, stats: [0, 0, 0], dates: ['2025-05-01T00:00:00.000Z', '2025-05-02T00:00:00.000Z'] }),
  ];
}

function dataset(id: string, s: { tasks: string[]; size: string; configs: DatasetConfig[]; stats: [number, number, number]; dates: [string, string]; languages?: string[]; license?: string; viewer?: boolean; private?: boolean; gated?: Gated }): DatasetEntry {
  const languages = s.languages ?? ['en'];
  const license = s.license ?? 'apache-2.0';
  return finishEntry<DatasetEntry>({
    type: 'dataset',
    id,
    private: s.private ?? false,
    gated: s.gated ?? false,
    disabled: false,
    downloads: s.stats[0],
    likes: s.stats[1],
    trendingScore: s.stats[2],
    createdAt: s.dates[0],
    lastModified: s.dates[1],
    tags: [...s.tasks.map((t) => `task_categories:${t}`), ...languages.map((l) => `language:${l}`), `size_categories:${s.size}`, 'format:parquet', 'modality:text', 'library:datasets', 'library:pandas', `license:${license}`, 'region:us'],
    license,
    description: `${id}: a dataset for ${s.tasks.join(', ')}.`,
    languages,
    taskCategories: s.tasks,
    sizeCategory: s.size,
    viewer: s.viewer ?? true,
    configs: s.configs,
  });
}

const str = (name: string) => ({ name, dtype: 'string' as const });
const int = (name: string) => ({ name, dtype: 'int64' as const });
const cfg = (name: string, features: DatasetConfig['features'], splits: [string, number][]): DatasetConfig => ({ name, features, splits: splits.map(([n, numRows]) => ({ name: n, numRows })) });

export function namedDatasets(): DatasetEntry[] {
  return [
    dataset('stanfordnlp/imdb', { tasks: ['text-classification'], size: '10K<n<100K', configs: [cfg('plain_text', [str('text'), int('label')], [['train', 25000], ['test', 25000], ['unsupervised', 50000]])], stats: [180_000, 290, 20], dates: [OLD, '2024-01-04T12:05:39.000Z'], license: 'other' }),
    dataset('rajpurkar/squad', { tasks: ['question-answering'], size: '10K<n<100K', configs: [cfg('plain_text', [str('id'), str('title'), str('context'), str('question')], [['train', 87599], ['validation', 10570]])], stats: [95_000, 310, 14], dates: [OLD, '2024-03-04T13:54:37.000Z'], license: 'cc-by-sa-4.0' }),
    dataset('openai/gsm8k', { tasks: ['text-generation'], size: '1K<n<10K', configs: [cfg('main', [str('question'), str('answer')], [['train', 7473], ['test', 1319]]), cfg('socratic', [str('question'), str('answer')], [['train', 7473], ['test', 1319]])], stats: [420_000, 700, 60], dates: [OLD, '2024-01-04T12:05:15.000Z'], license: 'mit' }),
    dataset('fka/awesome-chatgpt-prompts', { tasks: ['question-answering'], size: 'n<1K', configs: [cfg('default', [str('act'), str('prompt')], [['train', 203]])], stats: [31_000, 8_200, 90], dates: ['2022-12-13T23:47:45.000Z', '2025-01-06T00:02:53.000Z'], license: 'cc0-1.0' }),
    dataset('cornell-movie-review-data/rotten_tomatoes', { tasks: ['text-classification'], size: '1K<n<10K', configs: [cfg('default', [str('text'), int('label')], [['train', 8530], ['validation', 1066], ['test', 1066]])], stats: [40_000, 80, 3], dates: [OLD, '2024-03-18T14:28:45.000Z'], license: 'unknown' }),
    dataset('Helsinki-NLP/opus_books', { tasks: ['translation'], size: '1K<n<10K', languages: ['en', 'fr', 'de', 'es'], configs: [cfg('en-fr', [str('id'), str('en'), str('fr')], [['train', 127085]]), cfg('de-en', [str('id'), str('de'), str('en')], [['train', 51467]])], stats: [12_000, 60, 2], dates: [OLD, '2024-03-29T16:50:29.000Z'], license: 'other' }),
    dataset('fake-org/no-viewer-dataset', { tasks: ['text-generation'], size: 'n<1K', viewer: false, configs: [], stats: [5, 0, 0], dates: ['2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'] }),
    dataset('fake-user/private-dataset', { tasks: ['text-classification'], size: 'n<1K', private: true, configs: [cfg('default', [str('text')], [['train', 10]])], stats: [0, 0, 0], dates: ['2025-05-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z'] }),
  ];
}

function space(id: string, s: Pick<SpaceEntry, 'sdk' | 'stage' | 'hardware' | 'title' | 'emoji'> & { stats: [number, number]; dates: [string, string]; errorMessage?: string; models?: string[]; card?: 'hostile' }): SpaceEntry {
  return finishEntry<SpaceEntry>({
    type: 'space',
    id,
    private: false,
    gated: false,
    disabled: false,
    downloads: 0,
    likes: s.stats[0],
    trendingScore: s.stats[1],
    createdAt: s.dates[0],
    lastModified: s.dates[1],
    tags: [s.sdk, 'region:us'],
    license: 'mit',
    description: `${s.title}: a ${s.sdk} Space.`,
    card: s.card,
    sdk: s.sdk,
    sdkVersion: s.sdk === 'gradio' ? '5.9.1' : s.sdk === 'streamlit' ? '1.41.1' : undefined,
    stage: s.stage,
    hardware: s.hardware,
    errorMessage: s.errorMessage,
    title: s.title,
    emoji: s.emoji,
    models: s.models ?? [],
    datasets: [],
  });
}

export function namedSpaces(): SpaceEntry[] {
  return [
    space('gradio/hello_world', { sdk: 'gradio', stage: 'RUNNING', hardware: { current: 'cpu-basic', requested: 'cpu-basic' }, title: 'Hello World', emoji: '👋', stats: [120, 4], dates: ['2022-04-01T00:00:00.000Z', '2025-01-10T00:00:00.000Z'] }),
    space('huggingface-projects/llama-3.2-vision-11B', { sdk: 'gradio', stage: 'RUNNING', hardware: { current: 'zero-a10g', requested: 'zero-a10g' }, title: 'Llama 3.2 Vision', emoji: '🦙', stats: [1_400, 60], dates: ['2024-09-25T00:00:00.000Z', '2025-02-01T00:00:00.000Z'], models: ['meta-llama/Llama-3.1-8B-Instruct'] }),
    space('stabilityai/stable-diffusion', { sdk: 'gradio', stage: 'SLEEPING', hardware: { current: null, requested: 'a10g-small' }, title: 'Stable Diffusion 2.1', emoji: '🔥', stats: [10_500, 12], dates: ['2022-11-23T00:00:00.000Z', '2024-06-12T00:00:00.000Z'] }),
    space('streamlit/example-app', { sdk: 'streamlit', stage: 'BUILDING', hardware: { current: null, requested: 'cpu-basic' }, title: 'Streamlit Example', emoji: '📈', stats: [45, 1], dates: ['2023-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'] }),
    space('fake-org/broken-space', { sdk: 'docker', stage: 'RUNTIME_ERROR', hardware: { current: null, requested: 'cpu-basic' }, errorMessage: 'Exit code: 1. Reason: ModuleNotFoundError: No module named "torch"', title: 'Broken Space', emoji: '💥', stats: [2, 0], dates: ['2025-01-01T00:00:00.000Z', '2025-01-05T00:00:00.000Z'] }),
    space('fake-org/static-page', { sdk: 'static', stage: 'RUNNING', hardware: { current: null, requested: null }, title: 'Static Page', emoji: '📄', stats: [7, 0], dates: ['2024-05-01T00:00:00.000Z', '2024-05-02T00:00:00.000Z'] }),
    space('evil-org/hostile-space', { sdk: 'gradio', stage: 'PAUSED', hardware: { current: null, requested: 'cpu-basic' }, title: '<img src=x onerror=alert(1)>', emoji: '😈', stats: [1, 0], dates: ['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'], card: 'hostile' }),
  ];
}

/**
 * A repo made by `POST /api/repos/create` (test/fake-hf/commitRoutes.ts): empty but for its README and
 * .gitattributes, owned by the namespace in its id; a new Space has no app file yet (stage NO_APP_FILE).
 */
export function createdRepo(type: 'model' | 'dataset' | 'space', id: string, opts: { private: boolean; sdk?: SpaceSdk }): ModelEntry | DatasetEntry | SpaceEntry {
  const now = new Date().toISOString();
  const name = id.split('/')[1] ?? id;
  if (type === 'space') {
    const entry = space(id, { sdk: opts.sdk ?? 'static', stage: 'NO_APP_FILE', hardware: { current: null, requested: 'cpu-basic' }, title: name, emoji: '🚀', stats: [0, 0], dates: [now, now] });
    return { ...entry, private: opts.private };
  }
  if (type === 'dataset') return dataset(id, { tasks: [], size: 'n<1K', configs: [], stats: [0, 0, 0], dates: [now, now], viewer: false, private: opts.private });
  return model(id, { pipeline: '', stats: [0, 0, 0], dates: [now, now], private: opts.private });
}
