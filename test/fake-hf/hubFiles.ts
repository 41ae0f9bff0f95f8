// Repo file endpoints: the tree listing, paths-info, and `/resolve/` (`/raw/`) downloads with Range support.
import { hexId, type RepoEntry } from './catalogTypes';
import { hasValidToken, sendError, sendJson, writeReply, type RouteContext } from './http';
import { findFile, repoDirectories, repoFiles, type RepoFile } from './repoFiles';

/** True when `rev` names the single commit every fake repo has. */
export function isKnownRevision(entry: RepoEntry, rev: string): boolean {
  return rev === 'main' || rev === 'HEAD' || (rev.length >= 7 && entry.sha.startsWith(rev));
}

export function sendRevisionNotFound(ctx: RouteContext, rev: string): void {
  sendError(ctx, 404, `Invalid rev id: ${rev}`, { 'X-Error-Code': 'RevisionNotFound' });
}

function sendEntryNotFound(ctx: RouteContext): void {
  sendError(ctx, 404, 'Entry not found', { 'X-Error-Code': 'EntryNotFound' });
}

function fileItem(entry: RepoEntry, f: RepoFile, expand: boolean): Record<string, unknown> {
  return {
    type: 'file',
    oid: f.oid,
    size: f.size,
    path: f.path,
    ...(f.lfs ? { lfs: f.lfs } : {}),
    ...(expand ? { lastCommit: { id: entry.sha, title: 'Upload folder using huggingface_hub', date: entry.lastModified } } : {}),
  };
}

function dirItem(entry: RepoEntry, path: string, expand: boolean): Record<string, unknown> {
  return {
    type: 'directory',
    oid: hexId(`dir:${entry.id}:${path}`, 40),
    size: 0,
    path,
    ...(expand ? { lastCommit: { id: entry.sha, title: 'Upload folder using huggingface_hub', date: entry.lastModified } } : {}),
  };
}

const parentOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** GET /api/<type>s/<id>/tree/<rev>[/<path>]?recursive=&expand= */
export function handleTree(ctx: RouteContext, entry: RepoEntry, rev: string, path: string): void {
  if (!isKnownRevision(entry, rev)) return sendRevisionNotFound(ctx, rev);
  const dir = path.replace(/\/+$/, '');
  const dirs = repoDirectories(entry);
  if (dir !== '' && !dirs.includes(dir)) return sendEntryNotFound(ctx);
  const recursive = ctx.query.get('recursive') === 'true';
  const expand = ctx.query.get('expand') === 'true';
  const under = (p: string): boolean => (recursive ? dir === '' || p.startsWith(`${dir}/`) : parentOf(p) === dir);
  const items = [
    ...dirs.filter(under).map((d) => dirItem(entry, d, expand)),
    ...repoFiles(entry).filter((f) => under(f.path)).map((f) => fileItem(entry, f, expand)),
  ];
  sendJson(ctx, 200, items);
}

/** POST /api/<type>s/<id>/paths-info/<rev> with {paths, expand} */
export function handlePathsInfo(ctx: RouteContext, entry: RepoEntry, rev: string): void {
  if (!isKnownRevision(entry, rev)) return sendRevisionNotFound(ctx, rev);
  const body = ctx.body as { paths?: unknown; expand?: unknown } | undefined;
  const paths = Array.isArray(body?.paths) ? body.paths.filter((p): p is string => typeof p === 'string') : [];
  const expand = body?.expand === true;
  const dirs = repoDirectories(entry);
  const items = paths.flatMap((p) => {
    const f = findFile(entry, p);
    if (f) return [fileItem(entry, f, expand)];
    return dirs.includes(p) ? [dirItem(entry, p, expand)] : [];
  });
  sendJson(ctx, 200, items);
}

function contentTypeOf(path: string): string {
  if (path.endsWith('.md')) return 'text/markdown; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.html')) return 'text/html; charset=utf-8';
  if (/\.(py|txt|gitattributes)$|Dockerfile$/.test(path)) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

/** Parses a single `bytes=` range; null when absent, 'invalid' when unsatisfiable. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

function checkGatedAccess(ctx: RouteContext, entry: RepoEntry, path: string): boolean {
  if (!entry.gated || path === 'README.md' || path === '.gitattributes') return true;
  const what = `${entry.type} ${entry.id}`;
  if (!hasValidToken(ctx)) {
    sendError(ctx, 401, `Access to ${what} is restricted. You must have access to it and be authenticated to access it. Please log in.`, { 'X-Error-Code': 'GatedRepo' });
  } else {
    sendError(ctx, 403, `Access to ${what} is restricted and you are not in the authorized list. Visit https://huggingface.co/${entry.id} to ask for access.`, { 'X-Error-Code': 'GatedRepo' });
  }
  return false;
}

/** GET|HEAD /[datasets/|spaces/]<id>/(resolve|raw)/<rev>/<path> */
export async function handleResolve(ctx: RouteContext, entry: RepoEntry, rev: string, path: string): Promise<void> {
  if (!isKnownRevision(entry, rev)) return sendRevisionNotFound(ctx, rev);
  const file = findFile(entry, path);
  if (!file) return sendEntryNotFound(ctx);
  if (!checkGatedAccess(ctx, entry, path)) return;
  const headers: Record<string, string> = {
    'Content-Type': contentTypeOf(path),
    ETag: `"${file.lfs ? file.lfs.oid : file.oid}"`,
    'Accept-Ranges': 'bytes',
    'X-Repo-Commit': entry.sha,
    ...(file.lfs ? { 'X-Linked-Size': String(file.size), 'X-Linked-ETag': `"${file.lfs.oid}"` } : {}),
  };
  const range = parseRange(ctx.headers['range'], file.size);
  if (range === 'invalid') {
    return writeReply(ctx, 416, { ...headers, 'Content-Range': `bytes */${file.size}` }, '');
  }
  if (range) {
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.size}`;
    return streamBytes(ctx, 206, headers, file, range.start, range.end + 1);
  }
  return streamBytes(ctx, 200, headers, file, 0, file.size);
}

const CHUNK = 1 << 20;

/** Small bodies in one write; big LFS bodies in 1 MiB chunks with backpressure. */
async function streamBytes(ctx: RouteContext, status: number, headers: Record<string, string>, file: RepoFile, start: number, end: number): Promise<void> {
  if (end - start <= CHUNK || ctx.method === 'HEAD' || ctx.cutAfterChunks !== undefined) {
    const body = ctx.method === 'HEAD' ? Buffer.alloc(0) : file.read(start, end);
    if (ctx.method === 'HEAD') {
      ctx.res.writeHead(status, { ...headers, 'Content-Length': end - start });
      ctx.res.end();
      return;
    }
    return writeReply(ctx, status, headers, body);
  }
  const { res } = ctx;
  res.writeHead(status, { ...headers, 'Content-Length': end - start });
  for (let pos = start; pos < end && !ctx.signal.aborted; pos += CHUNK) {
    const ok = res.write(file.read(pos, Math.min(end, pos + CHUNK)));
    if (!ok) await drainedOrClosed(res);
  }
  res.end();
}

function drainedOrClosed(res: RouteContext['res']): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
