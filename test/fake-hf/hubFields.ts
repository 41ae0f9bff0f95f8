// How the Hub turns a repo into JSON: with `expand` only the requested fields (plus _id and id) are
// returned; without it, a per-endpoint default set. Unknown expand values are a 400, as on the Hub.
import { cardDataOf } from './cards';
import type { DatasetEntry, ModelEntry, RepoEntry, RepoType, SpaceEntry } from './catalogTypes';
import { repoFiles } from './repoFiles';

type FieldTable<T> = Record<string, (e: T) => unknown>;

const common = {
  author: (e: RepoEntry) => e.author,
  cardData: (e: RepoEntry) => cardDataOf(e),
  createdAt: (e: RepoEntry) => e.createdAt,
  disabled: (e: RepoEntry) => e.disabled,
  gated: (e: RepoEntry) => e.gated,
  gitalyUid: (e: RepoEntry) => e._id.slice(0, 12),
  lastModified: (e: RepoEntry) => e.lastModified,
  likes: (e: RepoEntry) => e.likes,
  private: (e: RepoEntry) => e.private,
  resourceGroup: () => undefined,
  sha: (e: RepoEntry) => e.sha,
  siblings: (e: RepoEntry) => repoFiles(e).map((f) => ({ rfilename: f.path })),
  tags: (e: RepoEntry) => e.tags,
  trendingScore: (e: RepoEntry) => e.trendingScore,
  usedStorage: (e: RepoEntry) => repoFiles(e).reduce((n, f) => n + f.size, 0),
  xetEnabled: () => false,
};

const MODEL_FIELDS: FieldTable<ModelEntry> = {
  ...common,
  baseModels: () => undefined,
  childrenModelCount: () => 0,
  config: (m) => (m.library_name === 'transformers' ? { architectures: ['AutoModel'], model_type: m.tags[3] } : {}),
  downloads: (m) => m.downloads,
  downloadsAllTime: (m) => m.downloadsAllTime,
  gguf: (m) => (m.library_name === 'gguf' ? { total: m.parameters, architecture: 'llama', context_length: 8192 } : undefined),
  inference: (m) => (m.inferenceProviderMapping.length > 0 ? 'warm' : undefined),
  inferenceProviderMapping: (m) => m.inferenceProviderMapping.map((p) => ({ ...p })),
  library_name: (m) => m.library_name,
  mask_token: (m) => (m.pipeline_tag === 'fill-mask' ? '[MASK]' : undefined),
  'model-index': () => null,
  pipeline_tag: (m) => m.pipeline_tag,
  safetensors: (m) => (m.library_name === 'transformers' ? { parameters: { F32: m.parameters }, total: m.parameters } : undefined),
  spaces: () => [],
  transformersInfo: (m) => (m.library_name === 'transformers' ? { auto_model: 'AutoModel', pipeline_tag: m.pipeline_tag, processor: 'AutoTokenizer' } : undefined),
  widgetData: (m) => [{ text: `Example input for ${m.pipeline_tag ?? 'this model'}` }],
};

const DATASET_FIELDS: FieldTable<DatasetEntry> = {
  ...common,
  citation: (d) => `@misc{${d.id.replace(/\W/g, '_')}, title={${d.id}}}`,
  description: (d) => d.description,
  downloads: (d) => d.downloads,
  downloadsAllTime: (d) => d.downloadsAllTime,
  paperswithcode_id: () => null,
};

export function spaceSubdomain(s: SpaceEntry): string {
  return s.id.toLowerCase().replace(/[/_.]/g, '-');
}

export function spaceRuntime(s: SpaceEntry): Record<string, unknown> {
  const running = s.stage === 'RUNNING';
  return {
    stage: s.stage,
    hardware: { current: s.hardware.current, requested: s.hardware.requested },
    storage: null,
    gcTimeout: 172800,
    replicas: { current: running ? 1 : 0, requested: 1 },
    devMode: false,
    domains: [{ domain: `${spaceSubdomain(s)}.hf.space`, stage: 'READY' }],
    sdk: s.sdk,
    ...(s.sdkVersion ? { sdkVersion: s.sdkVersion } : {}),
    ...(s.errorMessage ? { errorMessage: s.errorMessage } : {}),
  };
}

const SPACE_FIELDS: FieldTable<SpaceEntry> = {
  ...common,
  datasets: (s) => s.datasets,
  host: (s) => `https://${spaceSubdomain(s)}.hf.space`,
  models: (s) => s.models,
  runtime: (s) => spaceRuntime(s),
  sdk: (s) => s.sdk,
  subdomain: (s) => spaceSubdomain(s),
};

/** Fields returned when no `expand` is given. */
const DEFAULTS: Record<RepoType, { list: string[]; info: string[] }> = {
  model: {
    list: ['likes', 'trendingScore', 'private', 'downloads', 'tags', 'pipeline_tag', 'library_name', 'createdAt'],
    info: ['author', 'sha', 'lastModified', 'private', 'disabled', 'gated', 'inference', 'downloads', 'likes', 'library_name', 'tags', 'pipeline_tag', 'createdAt', 'cardData', 'siblings', 'spaces', 'widgetData', 'usedStorage'],
  },
  dataset: {
    list: ['author', 'disabled', 'gated', 'lastModified', 'likes', 'trendingScore', 'private', 'sha', 'description', 'downloads', 'tags', 'createdAt'],
    info: ['author', 'sha', 'lastModified', 'private', 'disabled', 'gated', 'downloads', 'likes', 'tags', 'createdAt', 'cardData', 'siblings', 'citation', 'description', 'paperswithcode_id', 'usedStorage'],
  },
  space: {
    list: ['likes', 'trendingScore', 'private', 'sdk', 'tags', 'createdAt'],
    info: ['author', 'sha', 'lastModified', 'private', 'gated', 'disabled', 'host', 'subdomain', 'likes', 'sdk', 'tags', 'createdAt', 'cardData', 'siblings', 'runtime', 'models', 'datasets', 'usedStorage'],
  },
};

function tableFor(type: RepoType): FieldTable<RepoEntry> {
  const t = type === 'model' ? MODEL_FIELDS : type === 'dataset' ? DATASET_FIELDS : SPACE_FIELDS;
  return t as FieldTable<RepoEntry>;
}

/** `expand` and `expand[]` values of a query; null when none was given. */
export function expandParams(query: URLSearchParams): string[] | null {
  const values = [...query.getAll('expand'), ...query.getAll('expand[]')];
  return values.length > 0 ? values : null;
}

/** Returns an error message when some expand value is not a field of this repo type. */
export function invalidExpand(type: RepoType, expand: string[] | null): string | undefined {
  if (!expand) return undefined;
  const table = tableFor(type);
  const bad = expand.find((f) => !(f in table));
  if (bad === undefined) return undefined;
  return `"expand" must be one of [${Object.keys(table).sort().join(', ')}]; got "${bad}"`;
}

export function projectRepo(entry: RepoEntry, expand: string[] | null, mode: 'list' | 'info'): Record<string, unknown> {
  const table = tableFor(entry.type);
  const out: Record<string, unknown> = { _id: entry._id, id: entry.id };
  const fields = expand ?? DEFAULTS[entry.type][mode];
  for (const f of fields) {
    const get = table[f];
    if (get) out[f] = get(entry);
  }
  if (!expand && entry.type === 'model') out.modelId = entry.id;
  return out;
}
