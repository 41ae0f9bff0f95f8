import { createHash } from 'node:crypto';
// Writes to a repo as @huggingface/hub's `commit` (and uploadFile/deleteFile, which call it) sends them:
// `POST /api/<type>s/<id>/preupload/<rev>` with {gitAttributes?, files: [{path, size, sample}]} answers each file's
// uploadMode, then `POST /api/<type>s/<id>/commit/<rev>` with an NDJSON body: a `header` line {summary, description,
// parentCommit?} then `file` {path, content (base64), encoding: 'base64'} and `deletedFile` {path} lines.
// The answer is {success, commitOid, commitUrl, hookOutput}. A stale parentCommit answers 412 as the Hub does; a token
// without write access to the namespace answers 403. Files over 10 MB would go through the LFS batch API, which the fake
// does not serve: preupload never asks for `lfs` below that size.
import { hexId, type RepoEntry, type RepoType } from './catalogTypes';
import { bearerToken, isRecord, sendError, sendJson, type RouteContext } from './http';
import { isKnownRevision, sendRevisionNotFound } from './hubFiles';
import { createdRepo } from './catalogNamed';
import { bytesFile, lfsBytes, repoFiles, setRepoFiles, type RepoFile } from './repoFiles';
import { startSpaceBuild } from './spaceRuntime';
import { FAKE_ORG, FAKE_USER, READONLY_TOKEN, type FakeCommit, type FakeState } from './state';

/** Above this size the Hub asks for an LFS upload (and then the fake refuses: no LFS batch here). */
const REGULAR_MAX = 10 * 1024 * 1024;

type CommitListener = (state: FakeState, repoType: RepoType, repoId: string) => void;
const listeners: CommitListener[] = [];

/** Adds a listener called after every successful commit (e.g. a Space build); returns its removal. */
export function addCommitListener(listener: CommitListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Called after every successful commit. */
export function onRepoCommitted(state: FakeState, repoType: RepoType, repoId: string): void {
  // As on the Hub, a commit to a Space starts a new build (BUILDING, then RUNNING or BUILD_ERROR).
  if (repoType === 'space') startSpaceBuild(state, repoId);
  for (const l of [...listeners]) l(state, repoType, repoId);
}

function canWrite(ctx: RouteContext, entry: RepoEntry): boolean {
  const token = bearerToken(ctx);
  if (token === undefined) {
    sendError(ctx, 401, 'Invalid username or password.');
    return false;
  }
  const namespace = entry.id.split('/')[0];
  if (token === READONLY_TOKEN || (namespace !== FAKE_USER && namespace !== FAKE_ORG)) {
    sendError(ctx, 403, `You don't have the rights to create a commit on ${entry.type} ${entry.id}`, { 'X-Error-Code': 'Forbidden' });
    return false;
  }
  return true;
}

export function commitRoute(ctx: RouteContext, entry: RepoEntry, action: 'preupload' | 'commit', rev: string): void {
  if (!isKnownRevision(entry, rev)) return sendRevisionNotFound(ctx, rev);
  if (!canWrite(ctx, entry)) return;
  return action === 'preupload' ? handlePreupload(ctx) : handleCommit(ctx, entry);
}

function handlePreupload(ctx: RouteContext): void {
  const body = ctx.body as { files?: unknown } | undefined;
  if (!Array.isArray(body?.files)) return sendError(ctx, 400, 'files must be an array');
  const files = (body.files as { path?: unknown; size?: unknown }[]).map((f) => ({
    path: String(f.path),
    uploadMode: typeof f.size === 'number' && f.size > REGULAR_MAX ? 'lfs' : 'regular',
    shouldIgnore: false,
  }));
  sendJson(ctx, 200, { files, commitOid: undefined });
}

interface Line {
  key?: unknown;
  value?: { path?: unknown; content?: unknown; encoding?: unknown; summary?: unknown; description?: unknown; parentCommit?: unknown };
}

function parseLines(body: unknown): Line[] | string {
  if (typeof body !== 'string') return 'Expected an NDJSON body';
  try {
    return body.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Line);
  } catch {
    return 'Invalid NDJSON body';
  }
}

function handleCommit(ctx: RouteContext, entry: RepoEntry): void {
  const lines = parseLines(ctx.body);
  if (typeof lines === 'string') return sendError(ctx, 400, lines);
  const header = lines[0];
  if (header?.key !== 'header' || typeof header.value?.summary !== 'string' || header.value.summary.trim() === '') {
    return sendError(ctx, 400, 'The first line must be the header with a summary');
  }
  const parent = header.value.parentCommit;
  if (typeof parent === 'string' && parent !== '' && !entry.sha.startsWith(parent)) {
    return sendError(ctx, 412, 'A commit has happened since. Please refresh and try again.');
  }
  const files = new Map<string, RepoFile>(repoFiles(entry).map((f) => [f.path, f]));
  const state0 = ctx.state;
  const added: string[] = [];
  const deleted: string[] = [];
  for (const line of lines.slice(1)) {
    const path = line.value?.path;
    if (typeof path !== 'string' || path === '' || path.startsWith('/') || path.split('/').includes('..')) {
      return sendError(ctx, 400, `Invalid path in commit: ${String(path)}`);
    }
    if (line.key === 'file' && typeof line.value?.content === 'string' && line.value.encoding === 'base64') {
      files.set(path, bytesFile(path, Buffer.from(line.value.content, 'base64')));
      added.push(path);
    } else if (line.key === 'lfsFile' && typeof (line.value as { oid?: unknown } | undefined)?.oid === 'string') {
      const bytes = state0.lfsObjects.get((line.value as { oid: string }).oid);
      if (!bytes) return sendError(ctx, 400, `LFS object ${(line.value as { oid: string }).oid} was not uploaded`);
      files.set(path, lfsBytes(path, bytes));
      added.push(path);
    } else if (line.key === 'deletedFile') {
      if (!files.delete(path)) return sendError(ctx, 404, `File not found: ${path}`, { 'X-Error-Code': 'EntryNotFound' });
      deleted.push(path);
    } else {
      return sendError(ctx, 400, `Unsupported commit operation: ${String(line.key)}`);
    }
  }
  const { state } = ctx;
  const oid = hexId(`commit:${entry.type}:${entry.id}:${state.commits.length}:${entry.sha}`, 40);
  const head: RepoEntry = { ...entry, sha: oid, lastModified: new Date().toISOString() };
  setRepoFiles(head, [...files.values()]);
  state.repoHeads.set(`${entry.type}:${entry.id}`, head);
  const commit: FakeCommit = {
    repoType: entry.type,
    repoId: entry.id,
    oid,
    parentOid: entry.sha,
    summary: header.value.summary,
    description: typeof header.value.description === 'string' ? header.value.description : '',
    added,
    deleted,
  };
  state.commits.push(commit);
  const prefix = entry.type === 'model' ? '' : `${entry.type}s/`;
  sendJson(ctx, 200, { success: true, commitOid: oid, commitUrl: `${ctx.baseUrl}/${prefix}${entry.id}/commit/${oid}`, hookOutput: '' });
  onRepoCommitted(state, entry.type, entry.id);
}

const REPO_NAME = /^[A-Za-z0-9][\w.-]{0,95}$/;
const SDKS = ['gradio', 'streamlit', 'docker', 'static'] as const;

/**
 * `POST /api/repos/create` as @huggingface/hub's createRepo sends it: `{ name, organization, type, visibility, sdk }`
 * (sdk for Spaces). 200 `{ url, name, id }`; 409 when it exists (the Hub's "You already created this … repo"),
 * 400 for an invalid name or SDK, 401 without a token, 403 for a read-only token or another namespace.
 */
export function createRepoRoute(ctx: RouteContext): void {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const type = body.type === 'space' || body.type === 'dataset' ? body.type : body.type === undefined || body.type === 'model' ? 'model' : undefined;
  if (!type) return sendError(ctx, 400, `Invalid repo type: ${String(body.type)}`);
  const name = typeof body.name === 'string' ? body.name : '';
  const namespace = typeof body.organization === 'string' && body.organization !== '' ? body.organization : FAKE_USER;
  if (!REPO_NAME.test(name) || name.includes('..') || name.endsWith('.git')) {
    return sendError(ctx, 400, 'Repo name must use alphanumeric chars or \'-\', \'_\', \'.\', \'--\' and \'..\' are forbidden, \'-\' and \'.\' cannot start or end the name, max length is 96.');
  }
  const sdk = type === 'space' ? (SDKS as readonly string[]).includes(String(body.sdk)) ? (body.sdk as (typeof SDKS)[number]) : undefined : undefined;
  if (type === 'space' && !sdk) return sendError(ctx, 400, `Invalid sdk: ${String(body.sdk)} (gradio, streamlit, docker or static)`);
  const id = `${namespace}/${name}`;
  const token = bearerToken(ctx);
  if (token === undefined) return sendError(ctx, 401, 'Invalid username or password.');
  if (token === READONLY_TOKEN || (namespace !== FAKE_USER && namespace !== FAKE_ORG)) {
    return sendError(ctx, 403, `You don't have the rights to create a ${type} under the namespace "${namespace}"`, { 'X-Error-Code': 'Forbidden' });
  }
  const prefix = type === 'model' ? '' : `${type}s/`;
  const url = `${ctx.baseUrl}/${prefix}${id}`;
  if (ctx.state.repo(type, id)) return sendJson(ctx, 409, { error: `You already created this ${type} repo`, url });
  const entry = createdRepo(type, id, { private: body.visibility === 'private' || body.private === true, ...(sdk ? { sdk } : {}) });
  const readme = `---\ntitle: ${name}\n${sdk ? `sdk: ${sdk}\n` : ''}---\n`;
  setRepoFiles(entry, [bytesFile('.gitattributes', Buffer.from('*.bin filter=lfs diff=lfs merge=lfs -text\n')), bytesFile('README.md', Buffer.from(readme))]);
  ctx.state.repoHeads.set(`${type}:${id}`, entry);
  sendJson(ctx, 200, { url, name: id, id: hexId(`repo:${type}:${id}`, 24) });
}

/**
 * The Git LFS batch API as @huggingface/hub's commit calls it for large files (not xet):
 * `POST /{models: '' | datasets/ | spaces/}{id}.git/info/lfs/objects/batch` `{ operation: 'upload', transfers, objects }`
 * → `{ transfer: 'basic', objects: [{ oid, size, actions: { upload: { href } } }] }` (no actions for an object the
 * store already has). The client PUTs each object to its href (`/lfs-storage/<oid>`), then commits `lfsFile` lines.
 */
export function lfsBatchRoute(ctx: RouteContext, entry: RepoEntry): void {
  if (!canWrite(ctx, entry)) return;
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (body.operation !== 'upload' || !Array.isArray(body.objects)) return sendError(ctx, 400, 'Expected an upload batch with objects');
  const objects = (body.objects as { oid?: unknown; size?: unknown }[]).map((o) => {
    const oid = String(o.oid);
    const size = Number(o.size);
    if (!/^[0-9a-f]{64}$/.test(oid) || !Number.isInteger(size) || size < 0) return { oid, size, error: { code: 422, message: 'Invalid object' } };
    if (ctx.state.lfsObjects.has(oid)) return { oid, size, authenticated: true };
    return { oid, size, authenticated: true, actions: { upload: { href: `${ctx.baseUrl}/lfs-storage/${oid}`, expires_in: 3600 } } };
  });
  sendJson(ctx, 200, { transfer: 'basic', objects, hash_algo: 'sha256' }, { 'Content-Type': 'application/vnd.git-lfs+json' });
}

/** `PUT /lfs-storage/<oid>`: the object's bytes; refused when they do not hash to the oid. */
export function lfsStorageRoute(ctx: RouteContext, oid: string): void {
  const bytes = ctx.rawBody ?? Buffer.alloc(0);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== oid) return sendError(ctx, 400, `The uploaded bytes hash to ${actual}, not ${oid}`);
  ctx.state.lfsObjects.set(oid, bytes);
  ctx.res.writeHead(200, { ETag: `"${oid}"`, 'Content-Length': '0' });
  ctx.res.end();
}
