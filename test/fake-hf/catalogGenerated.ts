// Bulk of the catalog: ~1,200 models, ~300 datasets and ~200 spaces from a seeded PRNG, so listings,
// filters, sorting and paging have realistic volume while staying identical on every run.
import { modelTags } from './catalogNamed';
import {
  finishEntry,
  type DatasetConfig,
  type DatasetEntry,
  type Gated,
  type ModelEntry,
  type ProviderMapping,
  type SpaceEntry,
  type SpaceSdk,
  type SpaceStage,
} from './catalogTypes';

export const GENERATED_MODELS = 1200;
export const GENERATED_DATASETS = 290;
export const GENERATED_SPACES = 195;

/** mulberry32: tiny, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
/** Heavy-tailed counts like real download/like numbers. */
const skewed = (r: Rand, maxExp: number): number => Math.floor(10 ** (r() * maxExp));

const START = Date.UTC(2021, 0, 1);
const END = Date.UTC(2026, 0, 1);
function dates(r: Rand): [string, string] {
  const created = START + Math.floor(r() * (END - START) * 0.9);
  const modified = created + Math.floor(r() * (END - created));
  return [new Date(created).toISOString(), new Date(modified).toISOString()];
}

const ORGS = ['acme-ai', 'nlp-lab', 'open-models', 'tiny-corp', 'polyglot-research', 'code-foundry', 'vision-works', 'speech-labs', 'data-guild', 'fake-org', 'bench-org', 'northwind-ml', 'contoso-research', 'lambda-lab', 'orca-systems', 'kestrel-ai', 'sunrise-nlp', 'delta-models', 'quartz-ai', 'maple-lab'];
const ADJ = ['swift', 'tiny', 'large', 'robust', 'fast', 'mini', 'deep', 'bright', 'clever', 'lean', 'multi', 'nova', 'quantum', 'silent', 'vivid'];
const ARCH = ['bert', 'roberta', 'deberta', 't5', 'bart', 'gpt', 'llama', 'mistral', 'qwen', 'phi', 'vit', 'whisper', 'clip', 'electra', 'marian'];
const LANGS = ['en', 'fr', 'de', 'es', 'zh', 'ja', 'ar', 'hi', 'ru', 'pt', 'it', 'nl', 'multilingual'];
const LICENSES = ['apache-2.0', 'mit', 'cc-by-4.0', 'openrail', 'llama3.1', 'other'];

/** pipeline tag -> [library, whether hf-inference may serve it (with that task)] */
const PIPELINES: [string, string, boolean][] = [
  ['text-generation', 'transformers', true],
  ['text-classification', 'transformers', true],
  ['token-classification', 'transformers', true],
  ['translation', 'transformers', true],
  ['summarization', 'transformers', true],
  ['question-answering', 'transformers', true],
  ['zero-shot-classification', 'transformers', true],
  ['fill-mask', 'transformers', false],
  ['feature-extraction', 'transformers', false],
  ['sentence-similarity', 'sentence-transformers', false],
  ['text-to-image', 'diffusers', false],
  ['image-classification', 'timm', false],
  ['automatic-speech-recognition', 'transformers', false],
  ['image-text-to-text', 'transformers', false],
  ['text-generation', 'gguf', false],
];
const CHAT_PROVIDERS = ['together', 'novita', 'groq', 'fireworks-ai', 'nebius', 'hyperbolic', 'cerebras', 'sambanova'];

function servedBy(r: Rand, id: string, pipeline: string, library: string, hfServable: boolean): ProviderMapping[] {
  const out: ProviderMapping[] = [];
  if (hfServable && r() < 0.3) out.push({ provider: 'hf-inference', providerId: id, status: 'live', task: pipeline });
  if (pipeline === 'text-generation' && library === 'transformers' && id.includes('instruct') && r() < 0.6) {
    const provider = pick(r, CHAT_PROVIDERS);
    out.push({ provider, providerId: id.toLowerCase(), status: r() < 0.9 ? 'live' : 'staging', task: 'conversational' });
  }
  return out;
}

export function generatedModels(): ModelEntry[] {
  const r = prng(20260101);
  const out: ModelEntry[] = [];
  for (let i = 0; i < GENERATED_MODELS; i++) {
    const [pipeline, library, hfServable] = pick(r, PIPELINES);
    const org = pick(r, ORGS);
    const instruct = pipeline === 'text-generation' && r() < 0.5 ? '-instruct' : '';
    const id = `${org}/${pick(r, ADJ)}-${pick(r, ARCH)}-${String(i).padStart(4, '0')}${instruct}`;
    const languages = [pick(r, LANGS), ...(r() < 0.3 ? [pick(r, LANGS)] : [])].filter((l, k, a) => a.indexOf(l) === k);
    const license = pick(r, LICENSES);
    const [createdAt, lastModified] = dates(r);
    const gated: Gated = r() < 0.05 ? (r() < 0.5 ? 'auto' : 'manual') : false;
    out.push(
      finishEntry<ModelEntry>({
        type: 'model',
        id,
        private: false,
        gated,
        disabled: false,
        downloads: skewed(r, 6.5),
        likes: skewed(r, 3.5),
        trendingScore: skewed(r, 2.5) - 1,
        createdAt,
        lastModified,
        tags: modelTags(library, pipeline, languages, license, instruct ? ['conversational'] : []),
        license,
        description: `${id} is a generated ${pipeline} model for testing.`,
        pipeline_tag: pipeline,
        library_name: library,
        languages,
        parameters: skewed(r, 4) * 10_000_000,
        inferenceProviderMapping: servedBy(r, id, pipeline, library, hfServable),
      }),
    );
  }
  return out;
}

const TASK_CATEGORIES = ['translation', 'summarization', 'question-answering', 'text-classification', 'token-classification', 'text-generation', 'image-classification'];
const SIZE_CATEGORIES: [string, number][] = [['n<1K', 500], ['1K<n<10K', 5_000], ['10K<n<100K', 50_000], ['100K<n<1M', 500_000], ['1M<n<10M', 5_000_000]];
const TOPICS = ['reviews', 'news', 'dialogues', 'recipes', 'code', 'legal', 'medical', 'tweets', 'wiki', 'poems'];

function featuresFor(task: string): DatasetConfig['features'] {
  switch (task) {
    case 'translation':
      return [{ name: 'source', dtype: 'string' }, { name: 'target', dtype: 'string' }];
    case 'question-answering':
      return [{ name: 'question', dtype: 'string' }, { name: 'context', dtype: 'string' }, { name: 'answer', dtype: 'string' }];
    case 'text-classification':
      return [{ name: 'text', dtype: 'string' }, { name: 'label', dtype: 'int64' }];
    case 'image-classification':
      return [{ name: 'image_path', dtype: 'string' }, { name: 'label', dtype: 'int64' }, { name: 'score', dtype: 'float64' }];
    default:
      return [{ name: 'text', dtype: 'string' }, { name: 'is_clean', dtype: 'bool' }];
  }
}

export function generatedDatasets(): DatasetEntry[] {
  const r = prng(424242);
  const out: DatasetEntry[] = [];
  for (let i = 0; i < GENERATED_DATASETS; i++) {
    const task = pick(r, TASK_CATEGORIES);
    const [size, rows] = pick(r, SIZE_CATEGORIES);
    const languages = [pick(r, LANGS)];
    const license = pick(r, LICENSES);
    const id = `${pick(r, ORGS)}/${pick(r, TOPICS)}-${task.split('-')[0]}-${String(i).padStart(3, '0')}`;
    const [createdAt, lastModified] = dates(r);
    const splits: [string, number][] = [['train', rows], ['test', Math.ceil(rows / 10)]];
    out.push(
      finishEntry<DatasetEntry>({
        type: 'dataset',
        id,
        private: false,
        gated: r() < 0.04 ? 'auto' : false,
        disabled: false,
        downloads: skewed(r, 5.5),
        likes: skewed(r, 3),
        trendingScore: skewed(r, 2) - 1,
        createdAt,
        lastModified,
        tags: [`task_categories:${task}`, `language:${languages[0]}`, `size_categories:${size}`, 'format:parquet', 'modality:text', 'library:datasets', `license:${license}`, 'region:us'],
        license,
        description: `A generated ${task} dataset of ${pick(r, TOPICS)}.`,
        languages,
        taskCategories: [task],
        sizeCategory: size,
        viewer: r() > 0.05,
        configs: [{ name: 'default', features: featuresFor(task), splits: splits.map(([name, numRows]) => ({ name, numRows })) }],
      }),
    );
  }
  return out;
}

const SDKS: SpaceSdk[] = ['gradio', 'gradio', 'streamlit', 'docker', 'static'];
const STAGES: SpaceStage[] = ['RUNNING', 'RUNNING', 'RUNNING', 'SLEEPING', 'SLEEPING', 'BUILDING', 'RUNTIME_ERROR', 'PAUSED'];
const HARDWARE = ['cpu-basic', 'cpu-basic', 'cpu-upgrade', 'zero-a10g', 't4-small', 'a10g-small', 'l4x1', 'a100-large'];
const EMOJI = ['🚀', '🤗', '🎨', '📚', '🧪', '🦜', '⚡', '🌍'];

export function generatedSpaces(): SpaceEntry[] {
  const r = prng(777);
  const out: SpaceEntry[] = [];
  for (let i = 0; i < GENERATED_SPACES; i++) {
    const sdk = pick(r, SDKS);
    const stage = pick(r, STAGES);
    const requested = sdk === 'static' ? null : pick(r, HARDWARE);
    const current = stage === 'RUNNING' ? requested : null;
    const name = `${pick(r, ADJ)}-${pick(r, TOPICS)}-demo-${String(i).padStart(3, '0')}`;
    const [createdAt, lastModified] = dates(r);
    out.push(
      finishEntry<SpaceEntry>({
        type: 'space',
        id: `${pick(r, ORGS)}/${name}`,
        private: false,
        gated: false,
        disabled: false,
        downloads: 0,
        likes: skewed(r, 3.5),
        trendingScore: skewed(r, 2) - 1,
        createdAt,
        lastModified,
        tags: [sdk, 'region:us'],
        license: pick(r, LICENSES),
        description: `A generated ${sdk} Space.`,
        sdk,
        sdkVersion: sdk === 'gradio' ? '5.9.1' : sdk === 'streamlit' ? '1.41.1' : undefined,
        stage,
        hardware: { current, requested },
        errorMessage: stage === 'RUNTIME_ERROR' ? 'Exit code: 1. Reason: application crashed on startup' : undefined,
        title: name.replace(/-/g, ' '),
        emoji: pick(r, EMOJI),
        models: [],
        datasets: [],
      }),
    );
  }
  return out;
}
