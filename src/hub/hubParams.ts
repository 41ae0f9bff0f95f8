/**
 * Maps the view's query (tab, text, filters, sort) to the parameters of @huggingface/hub's
 * listModels / listDatasets / listSpaces, plus the filters the Hub API cannot apply (Space hardware
 * and running state), which the list session applies client-side while pulling from the iterator.
 */
import type { PipelineType } from '@huggingface/hub';
import type { HubQuery, HubSort } from '../shared/hubTypes';

/** Sort keys the hub client accepts (see its `sort` parameter type). */
export type HubApiSort = 'trendingScore' | 'downloads' | 'likes' | 'lastModified';

export interface ModelListParams {
  readonly kind: 'model';
  readonly search: {
    readonly query?: string;
    /** A user or organisation name (the Hub's `author` filter). */
    readonly owner?: string;
    /** A pipeline tag; the Hub answers an unknown one with an empty list, so no client-side check. */
    readonly task?: PipelineType;
    readonly tags?: string[];
    readonly inferenceProviders?: string[];
  };
  readonly sort: HubApiSort;
  readonly additionalFields: 'library_name'[];
}

export interface DatasetListParams {
  readonly kind: 'dataset';
  readonly search: { readonly query?: string; readonly owner?: string; readonly tags?: string[] };
  readonly sort: HubApiSort;
  readonly additionalFields: 'tags'[];
}

export interface SpaceListParams {
  readonly kind: 'space';
  readonly search: { readonly query?: string; readonly owner?: string; readonly tags?: string[] };
  readonly sort: HubApiSort;
  readonly additionalFields: 'runtime'[];
}

export type HubListParams = ModelListParams | DatasetListParams | SpaceListParams;

const SORTS: Record<HubSort, HubApiSort> = {
  trending: 'trendingScore',
  downloads: 'downloads',
  likes: 'likes',
  updated: 'lastModified',
};

function apiSort(sort: HubSort, hasDownloads: boolean): HubApiSort {
  // Spaces have no download count: "most downloads" falls back to trending rather than an API error.
  if (sort === 'downloads' && !hasDownloads) return 'trendingScore';
  return SORTS[sort];
}

/** Leaves out empty parts so the request carries only what the user set (and cache keys stay canonical). */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

const tagIf = (prefix: string, value: string): string[] => (value ? [`${prefix}${value}`] : []);

export function toHubListParams(query: HubQuery): HubListParams {
  const text = query.text.trim();
  switch (query.tab) {
    case 'models': {
      const f = query.filters;
      return {
        kind: 'model',
        // Model language tags are bare codes ("en"); library names are tags too ("transformers").
        search: compact({
          query: text,
          task: (f.task || undefined) as PipelineType | undefined,
          tags: [...tagIf('', f.library), ...tagIf('', f.language)],
          inferenceProviders: f.inferenceProviders ? ['all'] : undefined,
        }),
        sort: apiSort(query.sort, true),
        additionalFields: ['library_name'],
      };
    }
    case 'datasets': {
      const f = query.filters;
      return {
        kind: 'dataset',
        search: compact({
          query: text,
          tags: [...tagIf('task_categories:', f.task), ...tagIf('language:', f.language), ...tagIf('size_categories:', f.size)],
        }),
        sort: apiSort(query.sort, true),
        additionalFields: ['tags'],
      };
    }
    case 'spaces':
      // A Space's SDK is one of its tags, so the Hub filters it; hardware and stage are runtime-only.
      return {
        kind: 'space',
        search: compact({ query: text, tags: tagIf('', query.filters.sdk) }),
        sort: apiSort(query.sort, false),
        additionalFields: ['runtime'],
      };
  }
}

/** The same listing restricted to one owner's repos (the "Yours" scope asks once per owner). */
export function withOwner(params: HubListParams, owner: string): HubListParams {
  return { ...params, search: { ...params.search, owner } } as HubListParams;
}

/** The parts of a Space the client-side filter looks at. */
export interface SpaceFacts {
  readonly sdk: string;
  readonly hardware: string;
  readonly stage: string;
}

/** The client-side filter of a query, or undefined when the Hub applies every filter itself. */
export function clientFilter(query: HubQuery): ((facts: SpaceFacts) => boolean) | undefined {
  if (query.tab !== 'spaces') return undefined;
  const { sdk, hardware, runningOnly } = query.filters;
  if (!sdk && !hardware && !runningOnly) return undefined;
  return (s) =>
    (!sdk || s.sdk === sdk) && (!hardware || s.hardware === hardware) && (!runningOnly || s.stage === 'RUNNING');
}

/** Canonical key of a query: equal queries (after trimming and dropping empty filters) share a list session. */
export function queryKey(query: HubQuery): string {
  const f = query.filters as unknown as Record<string, unknown>;
  const filters = Object.keys(f)
    .sort()
    .filter((k) => f[k] !== '' && f[k] !== false)
    .map((k) => [k, f[k]]);
  return JSON.stringify([query.scope, query.tab, query.text.trim().toLowerCase(), query.sort, filters]);
}
