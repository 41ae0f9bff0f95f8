// Types of catalog entries plus the helpers that derive stable ids; shared by catalog builders.
import { createHash } from 'node:crypto';

export type RepoType = 'model' | 'dataset' | 'space';
export type Gated = false | 'auto' | 'manual';

export interface ProviderMapping {
  provider: string;
  providerId: string;
  status: 'live' | 'staging';
  task: string;
}

interface RepoCommon {
  id: string;
  _id: string;
  author: string;
  sha: string;
  private: boolean;
  gated: Gated;
  disabled: boolean;
  downloads: number;
  downloadsAllTime: number;
  likes: number;
  trendingScore: number;
  lastModified: string;
  createdAt: string;
  tags: string[];
  license: string;
  /** One paragraph used in the generated README. */
  description: string;
  /** Special README content (see cards.ts). */
  card?: 'hostile' | 'huge';
}

export interface ModelEntry extends RepoCommon {
  type: 'model';
  pipeline_tag?: string;
  library_name?: string;
  languages: string[];
  parameters: number;
  /** A chat model that reads images: the router lists 'image' in its input_modalities and accepts image_url parts. */
  imageInput?: boolean;
  /** Empty when the model exists but no provider serves it. */
  inferenceProviderMapping: ProviderMapping[];
}

export interface DatasetFeature {
  name: string;
  dtype: 'string' | 'int64' | 'float64' | 'bool';
}

export interface DatasetConfig {
  name: string;
  features: DatasetFeature[];
  splits: { name: string; numRows: number }[];
}

export interface DatasetEntry extends RepoCommon {
  type: 'dataset';
  languages: string[];
  taskCategories: string[];
  sizeCategory: string;
  /** False for datasets the dataset viewer cannot process (datasets-server answers is-valid all false). */
  viewer: boolean;
  configs: DatasetConfig[];
}

export type SpaceSdk = 'gradio' | 'streamlit' | 'docker' | 'static';
export type SpaceStage = 'RUNNING' | 'SLEEPING' | 'BUILDING' | 'RUNTIME_ERROR' | 'BUILD_ERROR' | 'PAUSED' | 'NO_APP_FILE';

export interface SpaceEntry extends RepoCommon {
  type: 'space';
  sdk: SpaceSdk;
  sdkVersion?: string;
  stage: SpaceStage;
  hardware: { current: string | null; requested: string | null };
  errorMessage?: string;
  title: string;
  emoji: string;
  models: string[];
  datasets: string[];
}

export type RepoEntry = ModelEntry | DatasetEntry | SpaceEntry;

/** Fields every catalog builder must provide; ids, sha and downloadsAllTime are derived. */
export type Draft<T extends RepoEntry> = Omit<T, '_id' | 'sha' | 'downloadsAllTime' | 'author'>;

/** Hex digest of `text`, truncated to `length` characters (stable ids, shas and oids). */
export function hexId(text: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${i}:${text}`).digest('hex');
  return out.slice(0, length);
}

export function finishEntry<T extends RepoEntry>(draft: Draft<T>): T {
  const key = `${draft.type}:${draft.id}`;
  return {
    ...draft,
    _id: hexId(`_id:${key}`, 24),
    sha: hexId(`sha:${key}`, 40),
    author: draft.id.split('/')[0],
    downloadsAllTime: draft.downloads * 7 + 13,
  } as T;
}
