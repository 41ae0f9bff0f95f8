/**
 * Maps what @huggingface/hub yields (list entries, *Info results) to the view's plain shapes.
 * The hub client checks no shapes, so every field is read defensively: a missing or odd field
 * becomes '' / 0 / null instead of an exception halfway through a page.
 */
import type {
  DatasetDetails,
  HubListItem,
  InferenceProviderInfo,
  ModelDetails,
  SpaceDetails,
  SpaceRuntime,
} from '../shared/hubTypes';
import { tasksForPipeline } from '../shared/taskMapping';
import { UnreadableAnswerError } from './hubErrors';

export type Raw = Readonly<Record<string, unknown>>;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
const record = (v: unknown): Raw | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function epoch(v: unknown): number | null {
  const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : null;
}

export function authorOf(id: string): string {
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : '';
}

/** The repo id: list/info entries carry it as `name` (`id` is the Mongo `_id`). */
function repoIdOf(e: Raw): string {
  return text(e.name);
}

const NO_SPACE = { hardware: '', stage: '' };

export function modelItem(e: Raw): HubListItem {
  const id = repoIdOf(e);
  return {
    kind: 'model',
    id,
    author: authorOf(id),
    label: text(e.task),
    downloads: count(e.downloads),
    likes: count(e.likes),
    updatedAt: epoch(e.updatedAt),
    gated: Boolean(e.gated),
    private: e.private === true,
    ...NO_SPACE,
  };
}

export function datasetItem(e: Raw): HubListItem {
  const id = repoIdOf(e);
  const task = strings(e.tags).find((t) => t.startsWith('task_categories:'));
  return {
    kind: 'dataset',
    id,
    author: authorOf(id),
    label: task ? task.slice('task_categories:'.length) : '',
    downloads: count(e.downloads),
    likes: count(e.likes),
    updatedAt: epoch(e.updatedAt),
    gated: Boolean(e.gated),
    private: e.private === true,
    ...NO_SPACE,
  };
}

export function spaceRuntimeOf(v: unknown): SpaceRuntime | null {
  const r = record(v);
  if (!r) return null;
  const hw = record(r.hardware);
  return {
    stage: text(r.stage),
    hardware: text(hw?.current),
    requestedHardware: text(hw?.requested),
    errorMessage: text(r.errorMessage),
  };
}

export function spaceItem(e: Raw): HubListItem {
  const id = repoIdOf(e);
  const runtime = spaceRuntimeOf(e.runtime);
  return {
    kind: 'space',
    id,
    author: authorOf(id),
    label: text(e.sdk),
    downloads: null,
    likes: count(e.likes),
    updatedAt: epoch(e.updatedAt),
    gated: false,
    private: e.private === true,
    hardware: runtime?.hardware ?? '',
    stage: runtime?.stage ?? '',
  };
}

export function providersOf(v: unknown): InferenceProviderInfo[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((entry) => {
    const m = record(entry);
    if (!m || !text(m.provider)) return [];
    return [{ provider: text(m.provider), providerId: text(m.providerId), status: text(m.status), task: text(m.task) }];
  });
}

function base(e: Raw, authorField: unknown): Omit<ModelDetails, 'kind' | 'task' | 'library' | 'downloads' | 'providers' | 'tasks'> {
  const id = repoIdOf(e);
  if (id === '') throw new UnreadableAnswerError('repo info without a name');
  return {
    id,
    author: text(authorField) || authorOf(id),
    likes: count(e.likes),
    updatedAt: epoch(e.updatedAt),
    private: e.private === true,
    gated: Boolean(e.gated),
    tags: strings(e.tags),
  };
}

export function modelDetails(e: Raw): ModelDetails {
  const task = text(e.task);
  return {
    ...base(e, e.author),
    kind: 'model',
    task,
    library: text(e.library_name),
    downloads: count(e.downloads),
    providers: providersOf(e.inferenceProviderMapping),
    tasks: [...tasksForPipeline(task)],
  };
}

export function datasetDetails(e: Raw): DatasetDetails {
  return { ...base(e, e.author), kind: 'dataset', downloads: count(e.downloads) };
}

export function spaceDetails(e: Raw): SpaceDetails {
  return { ...base(e, e.author), kind: 'space', gated: false, sdk: text(e.sdk), runtime: spaceRuntimeOf(e.runtime) };
}
