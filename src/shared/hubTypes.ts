/**
 * Data shapes of the Hub browser shared by the host (src/hub, src/hubView) and the webview (src/webview).
 * Plain data only (JSON-safe: numbers, strings, booleans, arrays, null), because every value here
 * crosses postMessage and is re-validated on arrival by src/shared/protocol.ts.
 */
import type { TaskKind } from '../core/tasks/taskTypes';

export type HubTab = 'models' | 'datasets' | 'spaces';
export const HUB_TABS: readonly HubTab[] = ['models', 'datasets', 'spaces'];

export type RepoKind = 'model' | 'dataset' | 'space';
export const REPO_KINDS: readonly RepoKind[] = ['model', 'dataset', 'space'];

/** Everyone's repos, or only the signed-in user's and their organisations' (private ones included). */
export type HubScope = 'everyone' | 'yours';
export const HUB_SCOPES: readonly HubScope[] = ['everyone', 'yours'];

export type HubSort = 'trending' | 'downloads' | 'likes' | 'updated';
export const HUB_SORTS: readonly HubSort[] = ['trending', 'downloads', 'likes', 'updated'];

/** Every filter is a string ('' = any) or a boolean, so an unset filter never needs `undefined`. */
export interface ModelFilters {
  /** Pipeline tag, e.g. 'text-classification'. */
  readonly task: string;
  /** Library tag, e.g. 'transformers'. */
  readonly library: string;
  /** Language tag, e.g. 'en'. */
  readonly language: string;
  /** Only models served by at least one Inference Provider (`inference_provider=all`). */
  readonly inferenceProviders: boolean;
}

export interface DatasetFilters {
  /** `task_categories:<value>` tag. */
  readonly task: string;
  /** `language:<value>` tag. */
  readonly language: string;
  /** `size_categories:<value>` tag, e.g. '1K<n<10K'. */
  readonly size: string;
}

export interface SpaceFilters {
  /** 'gradio' | 'streamlit' | 'docker' | 'static' | ''. */
  readonly sdk: string;
  /** Current hardware flavour, e.g. 't4-small' (filtered client-side from `runtime.hardware`). */
  readonly hardware: string;
  /** Only Spaces whose runtime stage is RUNNING (client-side). */
  readonly runningOnly: boolean;
}

interface QueryBase {
  readonly scope: HubScope;
  readonly text: string;
  readonly sort: HubSort;
}

export type HubQuery =
  | (QueryBase & { readonly tab: 'models'; readonly filters: ModelFilters })
  | (QueryBase & { readonly tab: 'datasets'; readonly filters: DatasetFilters })
  | (QueryBase & { readonly tab: 'spaces'; readonly filters: SpaceFilters });

export const EMPTY_MODEL_FILTERS: ModelFilters = { task: '', library: '', language: '', inferenceProviders: false };
export const EMPTY_DATASET_FILTERS: DatasetFilters = { task: '', language: '', size: '' };
export const EMPTY_SPACE_FILTERS: SpaceFilters = { sdk: '', hardware: '', runningOnly: false };

/** One row of the result list. */
export interface HubListItem {
  readonly kind: RepoKind;
  /** Repo id, "owner/name". */
  readonly id: string;
  readonly author: string;
  /** Pipeline tag (models), first task category (datasets) or SDK (Spaces); '' when unknown. */
  readonly label: string;
  /** null for Spaces (they have no download count). */
  readonly downloads: number | null;
  readonly likes: number;
  /** Epoch milliseconds; null when the Hub sent no valid date. */
  readonly updatedAt: number | null;
  readonly gated: boolean;
  readonly private: boolean;
  /** Spaces only: current hardware and runtime stage ('' when unknown). */
  readonly hardware: string;
  readonly stage: string;
}

export interface ListPage {
  /** Items starting at the requested offset. */
  readonly items: readonly HubListItem[];
  readonly offset: number;
  /** How many matching items the host holds for this query so far. */
  readonly loaded: number;
  /** True when the Hub has no more results for this query. */
  readonly done: boolean;
  /** Raw results scanned for client-side filters (Spaces hardware/running); equals `loaded` otherwise. */
  readonly scanned: number;
}

export interface InferenceProviderInfo {
  readonly provider: string;
  /** The provider's own id for the model. */
  readonly providerId: string;
  /** 'live' or 'staging'. */
  readonly status: string;
  readonly task: string;
}

export interface SpaceRuntime {
  /** RUNNING, BUILDING, SLEEPING, PAUSED, RUNTIME_ERROR, … */
  readonly stage: string;
  readonly hardware: string;
  readonly requestedHardware: string;
  readonly errorMessage: string;
}

interface DetailsBase {
  readonly id: string;
  readonly author: string;
  readonly likes: number;
  readonly updatedAt: number | null;
  readonly private: boolean;
  readonly gated: boolean;
  readonly tags: readonly string[];
}

export interface ModelDetails extends DetailsBase {
  readonly kind: 'model';
  readonly task: string;
  readonly library: string;
  readonly downloads: number;
  readonly providers: readonly InferenceProviderInfo[];
  /** The extension tasks this model can be pinned to / tried for (derived from its pipeline tag). */
  readonly tasks: readonly TaskKind[];
}

export interface DatasetDetails extends DetailsBase {
  readonly kind: 'dataset';
  readonly downloads: number;
}

export interface SpaceDetails extends DetailsBase {
  readonly kind: 'space';
  readonly sdk: string;
  readonly runtime: SpaceRuntime | null;
}

export type RepoDetails = ModelDetails | DatasetDetails | SpaceDetails;

/** A model/dataset/Space card rendered to HTML by the host sanitiser (the only HTML the webview inserts). */
export interface CardResult {
  readonly html: string;
  /** The README was larger than the cap and was cut. */
  readonly truncated: boolean;
  /** The repo has no README.md. */
  readonly missing: boolean;
}

export interface FileEntry {
  readonly path: string;
  readonly type: 'file' | 'directory';
  /** Bytes (LFS size for LFS files). */
  readonly size: number;
}

export interface FilesResult {
  readonly files: readonly FileEntry[];
  /** More files exist than were listed. */
  readonly truncated: boolean;
}

export interface SplitRef {
  readonly config: string;
  readonly split: string;
}

export interface PreviewColumn {
  readonly name: string;
  readonly type: string;
}

export interface DatasetPreview {
  readonly splits: readonly SplitRef[];
  /** The split shown ('' config/split when the dataset has none the viewer can read). */
  readonly config: string;
  readonly split: string;
  readonly columns: readonly PreviewColumn[];
  /** Cells already turned into short display strings. */
  readonly rows: readonly (readonly string[])[];
  /** The viewer or the host cut rows, columns or cells. */
  readonly truncated: boolean;
}

/** Input of the "Try it" playground; fields a task does not use are ignored. */
export interface TryInput {
  readonly text: string;
  /** question-answering: the context passage (`text` is the question). */
  readonly context: string;
  /** topic: comma-separated candidate labels. */
  readonly labels: string;
  /** translate: ISO 639-1 codes. */
  readonly sourceLang: string;
  readonly targetLang: string;
}

export interface TryResult {
  readonly text: string;
  readonly model: string;
  readonly provider: string;
  readonly latencyMs: number | null;
}

/** Why a Hub request failed, in a form the webview can turn into a state (offline, rate-limited, …). */
export type HubFailureKind =
  | 'offline'
  | 'rate-limited'
  | 'signed-out'
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'cancelled'
  | 'error';
export const HUB_FAILURE_KINDS: readonly HubFailureKind[] = [
  'offline',
  'rate-limited',
  'signed-out',
  'forbidden',
  'not-found',
  'timeout',
  'cancelled',
  'error',
];

export interface HubFailure {
  readonly kind: HubFailureKind;
  /** Safe to show: never contains the token. */
  readonly message: string;
  /** rate-limited: how long the Hub asked us to wait. */
  readonly retryAfterMs?: number;
}

/** What the webview persists (getState/setState, mirrored by the host so a window reload restores it). */
export interface ViewState {
  readonly scope: HubScope;
  readonly tab: HubTab;
  readonly text: string;
  readonly sort: HubSort;
  readonly modelFilters: ModelFilters;
  readonly datasetFilters: DatasetFilters;
  readonly spaceFilters: SpaceFilters;
  readonly scrollTop: number;
  /** How many rows were loaded, so a restore loads enough to put the scroll position back. */
  readonly loadedCount: number;
  /** Details panel open for this repo, if any. */
  readonly selected: { readonly kind: RepoKind; readonly id: string } | null;
}

export const INITIAL_VIEW_STATE: ViewState = {
  scope: 'everyone',
  tab: 'models',
  text: '',
  sort: 'trending',
  modelFilters: EMPTY_MODEL_FILTERS,
  datasetFilters: EMPTY_DATASET_FILTERS,
  spaceFilters: EMPTY_SPACE_FILTERS,
  scrollTop: 0,
  loadedCount: 0,
  selected: null,
};

/** The query the view state describes. */
export function queryOf(state: ViewState): HubQuery {
  const base = { scope: state.scope, text: state.text, sort: state.sort };
  if (state.tab === 'models') return { ...base, tab: 'models', filters: state.modelFilters };
  if (state.tab === 'datasets') return { ...base, tab: 'datasets', filters: state.datasetFilters };
  return { ...base, tab: 'spaces', filters: state.spaceFilters };
}

/** Commands the host forwards from the view's title bar. */
export type ViewCommand = 'refresh' | 'clearFilters' | 'focusSearch';
export const VIEW_COMMANDS: readonly ViewCommand[] = ['refresh', 'clearFilters', 'focusSearch'];
