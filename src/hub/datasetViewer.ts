/**
 * A small typed client for the dataset viewer API (datasets-server): /splits and /first-rows.
 * @huggingface/hub has no call for it. Responses are checked and reduced to display strings here,
 * so the webview only ever gets short plain text per cell.
 */
import { isHfToken } from '../core/trust/hfToken';
import type { DatasetPreview, PreviewColumn, SplitRef } from '../shared/hubTypes';
import { hostOf, withoutTrailingSlash } from '../core/web/urls';
import { HubError, parseRetryAfter, statusFailure, toHubFailure } from './hubErrors';

export interface DatasetViewerOptions {
  readonly baseUrl: () => string;
  readonly fetch: typeof fetch;
  readonly getToken: () => Promise<string | undefined>;
  readonly now?: () => number;
  readonly timeoutMs?: number;
}

/** Display limits: the sidebar shows a glimpse, not the dataset. */
export const PREVIEW_LIMITS = { rows: 25, columns: 30, cellChars: 200 } as const;

type Json = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function typeLabel(type: unknown): string {
  if (!isObj(type)) return Array.isArray(type) ? 'list' : 'unknown';
  if (type._type === 'ClassLabel' && Array.isArray(type.names)) return `class label (${type.names.length})`;
  return text(type.dtype) || text(type._type) || 'unknown';
}

/** One cell as short text: media objects become "[image]"/"[audio]", structures compact JSON. */
export function cellText(value: unknown, max: number = PREVIEW_LIMITS.cellChars): string {
  let out: string;
  if (value === null || value === undefined) out = '';
  else if (typeof value === 'string') out = value;
  else if (typeof value === 'number' || typeof value === 'boolean') out = String(value);
  else if (isObj(value) && typeof value.src === 'string') out = '[image]';
  else if (Array.isArray(value) && value.some((v) => isObj(v) && typeof v.src === 'string')) out = '[audio]';
  else out = JSON.stringify(value) ?? '';
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

export class DatasetViewerClient {
  constructor(private readonly options: DatasetViewerOptions) {}

  async splits(dataset: string): Promise<SplitRef[]> {
    const body = await this.get('/splits', { dataset });
    const list = Array.isArray(body.splits) ? body.splits : [];
    return list.filter(isObj).map((s) => ({ config: text(s.config), split: text(s.split) })).filter((s) => s.config && s.split);
  }

  /** The first rows of a split (the default one when config/split are ''). */
  async preview(dataset: string, config: string, split: string): Promise<DatasetPreview> {
    const splits = await this.splits(dataset);
    const chosen = splits.find((s) => s.config === config && s.split === split) ?? pickDefault(splits);
    if (!chosen) return { splits, config: '', split: '', columns: [], rows: [], truncated: false };
    const body = await this.get('/first-rows', { dataset, config: chosen.config, split: chosen.split });
    return { splits, ...chosen, ...toTable(body) };
  }

  private async get(path: string, params: Record<string, string>): Promise<Json> {
    const base = withoutTrailingSlash(this.options.baseUrl());
    const url = `${base}${path}?${new URLSearchParams(params).toString()}`;
    const token = await this.options.getToken();
    const authed = isHfToken(token);
    const ctx = { authed, host: hostOf(base) };
    let response: Response;
    try {
      response = await this.options.fetch(url, {
        headers: { accept: 'application/json', ...(authed ? { Authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new HubError(toHubFailure(err, ctx));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), (this.options.now ?? Date.now)());
      throw new HubError(viewerFailure(response.status, isObj(body) ? text(body.error) : '', { ...ctx, probe: { retryAfterMs } }));
    }
    if (!isObj(body)) throw new HubError({ kind: 'error', message: 'The dataset viewer sent an unexpected response.' });
    return body;
  }
}

function viewerFailure(status: number, message: string, ctx: Parameters<typeof statusFailure>[2]) {
  if (status === 501) return { kind: 'error' as const, message: 'The dataset viewer is not available for this dataset.' };
  if (status === 404) return { kind: 'not-found' as const, message: 'The dataset viewer has no preview for this dataset.' };
  return statusFailure(status, message, ctx);
}

function pickDefault(splits: readonly SplitRef[]): SplitRef | undefined {
  return splits.find((s) => s.split === 'train') ?? splits[0];
}

function toTable(body: Json): Pick<DatasetPreview, 'columns' | 'rows' | 'truncated'> {
  const features = (Array.isArray(body.features) ? body.features : []).filter(isObj);
  const allColumns: PreviewColumn[] = features.map((f) => ({ name: text(f.name), type: typeLabel(f.type) }));
  const columns = allColumns.slice(0, PREVIEW_LIMITS.columns);
  const rawRows = (Array.isArray(body.rows) ? body.rows : []).filter(isObj);
  const rows = rawRows.slice(0, PREVIEW_LIMITS.rows).map((r) => {
    const row = isObj(r.row) ? r.row : {};
    return columns.map((c) => cellText(row[c.name]));
  });
  const truncated = body.truncated === true || allColumns.length > columns.length || rawRows.length > rows.length;
  return { columns, rows, truncated };
}
