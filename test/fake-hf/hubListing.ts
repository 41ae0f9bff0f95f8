// GET /api/models, /api/datasets, /api/spaces: filtering, descending sort, and cursor paging with an
// absolute `Link: <...>; rel="next"` header (the only form @huggingface/hub follows).
import type { ModelEntry, RepoEntry, RepoType } from './catalogTypes';
import { expandParams, invalidExpand, projectRepo } from './hubFields';
import { canSeePrivate, sendError, sendJson, type RouteContext } from './http';

export const MAX_LIMIT = 500;
const SORT_KEYS: Record<string, (e: RepoEntry) => number | string> = {
  trendingScore: (e) => e.trendingScore,
  downloads: (e) => ('downloads' in e ? e.downloads : 0),
  likes: (e) => e.likes,
  likes30d: (e) => e.likes,
  lastModified: (e) => e.lastModified,
  createdAt: (e) => e.createdAt,
  id: (e) => e.id,
};

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const o = (parsed as { o?: unknown }).o;
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 ? o : undefined;
  } catch {
    return undefined;
  }
}

function matchesTag(e: RepoEntry, tag: string): boolean {
  if (e.tags.includes(tag)) return true;
  // The Hub also accepts `language:xx` for models, whose language tags are bare codes.
  return e.type === 'model' && tag.startsWith('language:') && e.tags.includes(tag.slice('language:'.length));
}

function matchesProviders(m: ModelEntry, wanted: string[]): boolean {
  if (wanted.includes('all')) return m.inferenceProviderMapping.length > 0;
  return m.inferenceProviderMapping.some((p) => wanted.includes(p.provider));
}

function filterRepos(ctx: RouteContext, type: RepoType): RepoEntry[] {
  const q = ctx.query;
  const author = q.get('author')?.toLowerCase();
  const search = q.get('search')?.toLowerCase();
  const pipeline = type === 'model' ? q.get('pipeline_tag') : null;
  const providers = type === 'model' ? q.get('inference_provider')?.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const tags = q.getAll('filter');
  return ctx.state.catalog.list(type).filter((e) => {
    // `author` is the Hub's owner filter (a user or an organisation): `@huggingface/hub` sends `search.owner` as it.
    if (e.private && !canSeePrivate(ctx, e.author)) return false;
    if (author && e.author.toLowerCase() !== author) return false;
    if (search && !e.id.toLowerCase().includes(search)) return false;
    if (pipeline && (e.type !== 'model' || e.pipeline_tag !== pipeline)) return false;
    if (providers && providers.length > 0 && (e.type !== 'model' || !matchesProviders(e, providers))) return false;
    return tags.every((t) => matchesTag(e, t));
  });
}

function sortRepos(items: RepoEntry[], sort: string | null): RepoEntry[] | undefined {
  if (!sort) return items;
  const key = SORT_KEYS[sort];
  if (!key) return undefined;
  // Stable: ties keep catalog order.
  return items
    .map((e, i) => ({ e, i, k: key(e) }))
    .sort((a, b) => (a.k < b.k ? 1 : a.k > b.k ? -1 : a.i - b.i))
    .map((x) => x.e);
}

function parseLimit(raw: string | null): number | undefined {
  if (raw === null) return MAX_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) return undefined;
  return Math.min(n, MAX_LIMIT);
}

export function handleList(ctx: RouteContext, type: RepoType): void {
  const limit = parseLimit(ctx.query.get('limit'));
  if (limit === undefined) return sendError(ctx, 400, `Invalid limit: ${ctx.query.get('limit')}`);
  const expand = expandParams(ctx.query);
  const badExpand = invalidExpand(type, expand);
  if (badExpand) return sendError(ctx, 400, badExpand);
  const sorted = sortRepos(filterRepos(ctx, type), ctx.query.get('sort'));
  if (!sorted) return sendError(ctx, 400, `Invalid sort: ${ctx.query.get('sort')}`);
  const cursor = ctx.query.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(cursor);
  if (offset === undefined) return sendError(ctx, 400, 'Invalid cursor');

  const page = sorted.slice(offset, offset + limit);
  const headers: Record<string, string> = {};
  if (offset + limit < sorted.length) {
    const next = new URLSearchParams(ctx.query);
    next.set('cursor', encodeCursor(offset + limit));
    headers['Link'] = `<${ctx.baseUrl}${ctx.path}?${next.toString()}>; rel="next"`;
  }
  sendJson(ctx, 200, page.map((e) => projectRepo(e, expand, 'list')), headers);
}
