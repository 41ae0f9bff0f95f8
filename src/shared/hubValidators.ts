/**
 * Validators for the data shapes of src/shared/hubTypes.ts. Used by src/shared/protocol.ts on both
 * sides of postMessage, and by the webview for its persisted state (which it must not trust either:
 * it may come from an older version of the extension).
 */
import {
  HUB_FAILURE_KINDS,
  HUB_SCOPES,
  HUB_SORTS,
  HUB_TABS,
  REPO_KINDS,
  type CardResult,
  type DatasetFilters,
  type DatasetPreview,
  type FileEntry,
  type FilesResult,
  type HubFailure,
  type HubListItem,
  type HubQuery,
  type InferenceProviderInfo,
  type ListPage,
  type ModelFilters,
  type RepoDetails,
  type RepoKind,
  type SpaceFilters,
  type SpaceRuntime,
  type TryInput,
  type TryResult,
  type ViewState,
} from './hubTypes';
import { PIPELINE_TYPES_SET, type PipelineType } from '@huggingface/tasks';
import { TASK_KINDS } from '../core/tasks/taskTypes';
import {
  asArr,
  asNullable,
  asObj,
  asOneOf,
  asStr,
  bool,
  fail,
  num,
  nullableNum,
  oneOf,
  str,
  strArr,
  type Obj,
} from './validate';
import { isRepoId } from './repoId';

const SHORT = 200;

function asRepoId(value: unknown, path: string): string {
  const id = asStr(value, path, SHORT);
  if (!isRepoId(id)) fail(path, 'not a Hub repo id');
  return id;
}

/** Field reader (see validate.ts: the path string is only built for the error). */
export function repoId(o: Obj, key: string, path: string): string {
  const v = o[key];
  return isRepoId(v) ? v : asRepoId(v, `${path}.${key}`);
}

export function repoKind(o: Obj, key: string, path: string): RepoKind {
  return oneOf(o, key, REPO_KINDS, path);
}

/** A model's pipeline tag as the Hub defines them (@huggingface/tasks), or '' for none. */
export function isPipelineTagOrNone(value: unknown): value is PipelineType | '' {
  return value === '' || (typeof value === 'string' && (PIPELINE_TYPES_SET as ReadonlySet<string>).has(value));
}

/** Field reader: '' or one of the Hub's pipeline tags. */
export function pipelineTagOrNone(o: Obj, key: string, path: string): PipelineType | '' {
  const v = o[key];
  if (!isPipelineTagOrNone(v)) fail(`${path}.${key}`, 'not a Hub pipeline tag');
  return v;
}

function modelFilters(v: unknown, p: string): ModelFilters {
  const o = asObj(v, p);
  return {
    task: str(o, 'task', p, SHORT),
    library: str(o, 'library', p, SHORT),
    language: str(o, 'language', p, SHORT),
    inferenceProviders: bool(o, 'inferenceProviders', p),
  };
}

function datasetFilters(v: unknown, p: string): DatasetFilters {
  const o = asObj(v, p);
  return { task: str(o, 'task', p, SHORT), language: str(o, 'language', p, SHORT), size: str(o, 'size', p, SHORT) };
}

function spaceFilters(v: unknown, p: string): SpaceFilters {
  const o = asObj(v, p);
  return { sdk: str(o, 'sdk', p, SHORT), hardware: str(o, 'hardware', p, SHORT), runningOnly: bool(o, 'runningOnly', p) };
}

export function parseHubQuery(v: unknown, p: string): HubQuery {
  const o = asObj(v, p);
  const scope = oneOf(o, 'scope', HUB_SCOPES, p);
  const tab = oneOf(o, 'tab', HUB_TABS, p);
  const text = str(o, 'text', p, 500);
  const sort = oneOf(o, 'sort', HUB_SORTS, p);
  const fp = `${p}.filters`;
  if (tab === 'models') return { scope, tab, text, sort, filters: modelFilters(o.filters, fp) };
  if (tab === 'datasets') return { scope, tab, text, sort, filters: datasetFilters(o.filters, fp) };
  return { scope, tab, text, sort, filters: spaceFilters(o.filters, fp) };
}

export function parseViewState(v: unknown, p: string): ViewState {
  const o = asObj(v, p);
  const selected = asNullable(o.selected, `${p}.selected`, (s, sp) => {
    const so = asObj(s, sp);
    return { kind: repoKind(so, 'kind', sp), id: repoId(so, 'id', sp) };
  });
  return {
    // States saved before the scope switch existed have no scope: they were the public lists.
    scope: o.scope === undefined ? 'everyone' : oneOf(o, 'scope', HUB_SCOPES, p),
    tab: oneOf(o, 'tab', HUB_TABS, p),
    text: str(o, 'text', p, 500),
    sort: oneOf(o, 'sort', HUB_SORTS, p),
    modelFilters: modelFilters(o.modelFilters, `${p}.modelFilters`),
    datasetFilters: datasetFilters(o.datasetFilters, `${p}.datasetFilters`),
    spaceFilters: spaceFilters(o.spaceFilters, `${p}.spaceFilters`),
    scrollTop: num(o, 'scrollTop', p, { min: 0 }),
    loadedCount: num(o, 'loadedCount', p, { int: true, min: 0, max: 10_000 }),
    selected,
  };
}

/** Restores persisted state leniently: anything malformed falls back to the initial state. */
export function restoreViewState(v: unknown, fallback: ViewState): ViewState {
  try {
    return v === undefined || v === null ? fallback : parseViewState(v, 'state');
  } catch {
    return fallback;
  }
}

function parseListItem(v: unknown, p: string): HubListItem {
  const o = asObj(v, p);
  return {
    kind: repoKind(o, 'kind', p),
    id: repoId(o, 'id', p),
    author: str(o, 'author', p, SHORT),
    label: str(o, 'label', p, SHORT),
    downloads: nullableNum(o, 'downloads', p),
    likes: num(o, 'likes', p),
    updatedAt: nullableNum(o, 'updatedAt', p),
    gated: bool(o, 'gated', p),
    private: bool(o, 'private', p),
    hardware: str(o, 'hardware', p, SHORT),
    stage: str(o, 'stage', p, SHORT),
  };
}

export function parseListPage(v: unknown, p: string): ListPage {
  const o = asObj(v, p);
  return {
    items: asArr(o.items, `${p}.items`, parseListItem),
    offset: num(o, 'offset', p, { int: true, min: 0 }),
    loaded: num(o, 'loaded', p, { int: true, min: 0 }),
    done: bool(o, 'done', p),
    scanned: num(o, 'scanned', p, { int: true, min: 0 }),
  };
}

function parseProvider(v: unknown, p: string): InferenceProviderInfo {
  const o = asObj(v, p);
  return {
    provider: str(o, 'provider', p, SHORT),
    providerId: str(o, 'providerId', p, SHORT),
    status: str(o, 'status', p, SHORT),
    task: str(o, 'task', p, SHORT),
  };
}

export function parseSpaceRuntime(v: unknown, p: string): SpaceRuntime {
  const o = asObj(v, p);
  return {
    stage: str(o, 'stage', p, SHORT),
    hardware: str(o, 'hardware', p, SHORT),
    requestedHardware: str(o, 'requestedHardware', p, SHORT),
    errorMessage: str(o, 'errorMessage', p, 5000),
  };
}

export function parseRepoDetails(v: unknown, p: string): RepoDetails {
  const o = asObj(v, p);
  const base = {
    id: repoId(o, 'id', p),
    author: str(o, 'author', p, SHORT),
    likes: num(o, 'likes', p),
    updatedAt: nullableNum(o, 'updatedAt', p),
    private: bool(o, 'private', p),
    gated: bool(o, 'gated', p),
    tags: strArr(o, 'tags', p, 1000),
  };
  const kind = repoKind(o, 'kind', p);
  if (kind === 'model') {
    return {
      ...base,
      kind,
      task: str(o, 'task', p, SHORT),
      library: str(o, 'library', p, SHORT),
      downloads: num(o, 'downloads', p),
      providers: asArr(o.providers, `${p}.providers`, parseProvider, 200),
      tasks: asArr(o.tasks, `${p}.tasks`, (t, tp) => asOneOf(t, TASK_KINDS, tp)),
    };
  }
  if (kind === 'dataset') return { ...base, kind, downloads: num(o, 'downloads', p) };
  return {
    ...base,
    kind,
    sdk: str(o, 'sdk', p, SHORT),
    runtime: asNullable(o.runtime, `${p}.runtime`, parseSpaceRuntime),
  };
}

export function parseCard(v: unknown, p: string): CardResult {
  const o = asObj(v, p);
  return { html: str(o, 'html', p), truncated: bool(o, 'truncated', p), missing: bool(o, 'missing', p) };
}

function parseFileEntry(v: unknown, p: string): FileEntry {
  const o = asObj(v, p);
  return {
    path: str(o, 'path', p, 2000),
    type: oneOf(o, 'type', ['file', 'directory'] as const, p),
    size: num(o, 'size', p, { min: 0 }),
  };
}

export function parseFiles(v: unknown, p: string): FilesResult {
  const o = asObj(v, p);
  return { files: asArr(o.files, `${p}.files`, parseFileEntry), truncated: bool(o, 'truncated', p) };
}

export function parseDatasetPreview(v: unknown, p: string): DatasetPreview {
  const o = asObj(v, p);
  return {
    splits: asArr(o.splits, `${p}.splits`, (s, sp) => {
      const so = asObj(s, sp);
      return { config: str(so, 'config', sp, SHORT), split: str(so, 'split', sp, SHORT) };
    }),
    config: str(o, 'config', p, SHORT),
    split: str(o, 'split', p, SHORT),
    columns: asArr(o.columns, `${p}.columns`, (c, cp) => {
      const co = asObj(c, cp);
      return { name: str(co, 'name', cp, 1000), type: str(co, 'type', cp, SHORT) };
    }),
    rows: asArr(o.rows, `${p}.rows`, (r, rp) => asArr(r, rp, (c, cp) => asStr(c, cp, 5000))),
    truncated: bool(o, 'truncated', p),
  };
}

export function parseTryInput(v: unknown, p: string): TryInput {
  const o = asObj(v, p);
  return {
    text: str(o, 'text', p, 100_000),
    context: str(o, 'context', p, 100_000),
    labels: str(o, 'labels', p, 2000),
    sourceLang: str(o, 'sourceLang', p, 20),
    targetLang: str(o, 'targetLang', p, 20),
  };
}

export function parseTryResult(v: unknown, p: string): TryResult {
  const o = asObj(v, p);
  return {
    text: str(o, 'text', p),
    model: str(o, 'model', p, SHORT),
    provider: str(o, 'provider', p, SHORT),
    latencyMs: nullableNum(o, 'latencyMs', p),
  };
}

export function parseHubFailure(v: unknown, p: string): HubFailure {
  const o = asObj(v, p);
  const kind = oneOf(o, 'kind', HUB_FAILURE_KINDS, p);
  const message = str(o, 'message', p, 5000);
  if (o.retryAfterMs === undefined) return { kind, message };
  return { kind, message, retryAfterMs: num(o, 'retryAfterMs', p, { min: 0 }) };
}
