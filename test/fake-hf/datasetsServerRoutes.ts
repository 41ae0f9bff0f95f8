// Route table of the fake datasets-server.huggingface.co (the dataset viewer API):
// /is-valid, /splits, /info, /first-rows, /rows, with rows generated deterministically from the features.
import type { DatasetConfig, DatasetEntry, DatasetFeature } from './catalogTypes';
import { hasValidToken, sendError, sendJson, type RouteContext, type RouteMatch, type RouteTable } from './http';

const NOT_FOUND = 'The dataset does not exist, or is not accessible without authentication (private or gated). Please check the spelling of the dataset name or retry with authentication.';
const FIRST_ROWS = 100;
const SENTENCES = ['I loved this film, the acting was great.', 'A terrible plot and boring dialogue.', 'Paris is the capital of France.', 'The quick brown fox jumps over the lazy dog.', 'Alice met Bob in London last spring.'];

function cellValue(f: DatasetFeature, row: number): string | number | boolean {
  switch (f.dtype) {
    case 'int64':
      return row % 2;
    case 'float64':
      return ((row * 37) % 100) / 100;
    case 'bool':
      return row % 3 !== 0;
    case 'string':
      return `${f.name} ${row}: ${SENTENCES[row % SENTENCES.length]}`;
  }
}

function rowAt(config: DatasetConfig, rowIdx: number): Record<string, unknown> {
  return Object.fromEntries(config.features.map((f) => [f.name, cellValue(f, rowIdx)]));
}

const featureList = (c: DatasetConfig) => c.features.map((f, i) => ({ feature_idx: i, name: f.name, type: { dtype: f.dtype, _type: 'Value' } }));

/** Resolves the dataset (and its viewer availability) or answers the error itself. */
function datasetOf(ctx: RouteContext, requireViewer: boolean): DatasetEntry | undefined {
  const id = ctx.query.get('dataset');
  if (!id) return void sendError(ctx, 422, "Parameter 'dataset' is required", { 'X-Error-Code': 'MissingRequiredParameter' });
  const d = ctx.state.catalog.dataset(id);
  if (!d || (d.private && !hasValidToken(ctx))) return void sendError(ctx, 404, NOT_FOUND, { 'X-Error-Code': 'DatasetNotFoundError' });
  if (requireViewer && !d.viewer) return void sendError(ctx, 501, 'The dataset viewer is not available for this dataset.', { 'X-Error-Code': 'DatasetViewerDisabledError' });
  return d;
}

function configAndSplit(ctx: RouteContext, d: DatasetEntry): { config: DatasetConfig; split: string; numRows: number } | undefined {
  const configName = ctx.query.get('config');
  const splitName = ctx.query.get('split');
  if (!configName || !splitName) return void sendError(ctx, 422, "Parameters 'config' and 'split' are required", { 'X-Error-Code': 'MissingRequiredParameter' });
  const config = d.configs.find((c) => c.name === configName);
  const split = config?.splits.find((s) => s.name === splitName);
  if (!config || !split) return void sendError(ctx, 404, 'Not found.', { 'X-Error-Code': 'ResponseNotFound' });
  return { config, split: split.name, numRows: split.numRows };
}

function isValid(ctx: RouteContext): void {
  const d = datasetOf(ctx, false);
  if (!d) return;
  sendJson(ctx, 200, { preview: d.viewer, viewer: d.viewer, search: d.viewer, filter: d.viewer, statistics: d.viewer });
}

function splits(ctx: RouteContext): void {
  const d = datasetOf(ctx, true);
  if (!d) return;
  const wanted = ctx.query.get('config');
  const list = d.configs.filter((c) => !wanted || c.name === wanted).flatMap((c) => c.splits.map((s) => ({ dataset: d.id, config: c.name, split: s.name })));
  sendJson(ctx, 200, { splits: list, pending: [], failed: [] });
}

function configInfo(d: DatasetEntry, c: DatasetConfig): Record<string, unknown> {
  const splitInfo = Object.fromEntries(c.splits.map((s) => [s.name, { name: s.name, num_bytes: s.numRows * 120, num_examples: s.numRows, dataset_name: d.id.split('/')[1] }]));
  const size = c.splits.reduce((n, s) => n + s.numRows * 120, 0);
  return {
    description: d.description,
    citation: '',
    homepage: '',
    license: d.license,
    features: Object.fromEntries(c.features.map((f) => [f.name, { dtype: f.dtype, _type: 'Value' }])),
    builder_name: 'parquet',
    dataset_name: d.id.split('/')[1],
    config_name: c.name,
    version: { version_str: '0.0.0', major: 0, minor: 0, patch: 0 },
    splits: splitInfo,
    download_size: Math.ceil(size / 3),
    dataset_size: size,
  };
}

function info(ctx: RouteContext): void {
  const d = datasetOf(ctx, true);
  if (!d) return;
  const wanted = ctx.query.get('config');
  if (wanted) {
    const c = d.configs.find((x) => x.name === wanted);
    if (!c) return sendError(ctx, 404, 'Not found.', { 'X-Error-Code': 'ResponseNotFound' });
    return sendJson(ctx, 200, { dataset_info: configInfo(d, c), partial: false });
  }
  sendJson(ctx, 200, { dataset_info: Object.fromEntries(d.configs.map((c) => [c.name, configInfo(d, c)])), pending: [], failed: [], partial: false });
}

function firstRows(ctx: RouteContext): void {
  const d = datasetOf(ctx, true);
  const cs = d && configAndSplit(ctx, d);
  if (!d || !cs) return;
  const count = Math.min(FIRST_ROWS, cs.numRows);
  const rows = Array.from({ length: count }, (_, i) => ({ row_idx: i, row: rowAt(cs.config, i), truncated_cells: [] }));
  sendJson(ctx, 200, { dataset: d.id, config: cs.config.name, split: cs.split, features: featureList(cs.config), rows, truncated: cs.numRows > FIRST_ROWS });
}

function rows(ctx: RouteContext): void {
  const d = datasetOf(ctx, true);
  const cs = d && configAndSplit(ctx, d);
  if (!d || !cs) return;
  const offset = Number(ctx.query.get('offset') ?? 0);
  const length = Number(ctx.query.get('length') ?? 100);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(length) || length < 1 || length > 100) {
    return sendError(ctx, 422, 'Parameters offset must be >= 0 and length must be in [1, 100]', { 'X-Error-Code': 'InvalidParameter' });
  }
  const end = Math.min(cs.numRows, offset + length);
  const list = Array.from({ length: Math.max(0, end - offset) }, (_, i) => ({ row_idx: offset + i, row: rowAt(cs.config, offset + i), truncated_cells: [] }));
  sendJson(ctx, 200, { features: featureList(cs.config), rows: list, num_rows_total: cs.numRows, num_rows_per_page: 100, partial: false });
}

const ROUTES: Record<string, (ctx: RouteContext) => void> = {
  '/is-valid': isValid,
  '/splits': splits,
  '/info': info,
  '/first-rows': firstRows,
  '/rows': rows,
};

export const datasetsServerRoutes: RouteTable = (ctx): RouteMatch | undefined => {
  const handler = ROUTES[ctx.path];
  if (!handler || ctx.method !== 'GET') return undefined;
  const dataset = ctx.query.get('dataset');
  return { handler, models: dataset ? [dataset] : [] };
};
