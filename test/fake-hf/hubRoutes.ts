// Route table of the fake huggingface.co: whoami, listings, repo info (with expand), tree, paths-info, resolve.
import type { RepoEntry, RepoType } from './catalogTypes';
import { expandParams, invalidExpand, projectRepo } from './hubFields';
import { handlePathsInfo, handleResolve, handleTree, isKnownRevision, sendRevisionNotFound } from './hubFiles';
import { handleList } from './hubListing';
import {
  bearerToken,
  decodeSegments,
  canSeePrivate,
  hasValidToken,
  INVALID_CREDENTIALS,
  sendError,
  sendJson,
  type RouteContext,
  type RouteMatch,
  type RouteTable,
} from './http';
import { runtimeJson } from './spaceRuntime';
import { commitRoute, createRepoRoute, lfsBatchRoute, lfsStorageRoute } from './commitRoutes';
import { FAKE_ORG, FAKE_USER, OTHER_USER, OTHER_USER_TOKEN, READONLY_TOKEN } from './state';

const TYPES: Record<string, RepoType> = { models: 'model', datasets: 'dataset', spaces: 'space' };
/** Any hub request carrying an unknown token is refused, as on the real Hub. */
function requireKnownTokenIfAny(ctx: RouteContext): boolean {
  const token = bearerToken(ctx);
  if (token === undefined || ctx.state.tokens.has(token)) return true;
  sendError(ctx, 401, INVALID_CREDENTIALS);
  return false;
}

function guarded(handler: (ctx: RouteContext) => void | Promise<void>, models?: string[]): RouteMatch {
  return {
    models,
    handler: (ctx) => (requireKnownTokenIfAny(ctx) ? handler(ctx) : undefined),
  };
}

/** Looks the repo up and answers 404/401 itself when it is missing or private to someone else. */
function withRepo(type: RepoType, id: string, then: (ctx: RouteContext, entry: RepoEntry) => void | Promise<void>): RouteMatch {
  return guarded(
    (ctx) => {
      const entry = ctx.state.repo(type, id);
      if (!entry) return sendError(ctx, 404, 'Repository not found', { 'X-Error-Code': 'RepoNotFound' });
      if (entry.private && !canSeePrivate(ctx, entry.author)) {
        // Like the Hub: without a token 401; with another user's token the repo does not exist for them (404).
        if (hasValidToken(ctx)) return sendError(ctx, 404, 'Repository not found', { 'X-Error-Code': 'RepoNotFound' });
        return sendError(ctx, 401, 'Invalid username or password.', { 'X-Error-Code': 'RepoNotFound' });
      }
      return then(ctx, entry);
    },
    [id],
  );
}

function handleWhoAmI(ctx: RouteContext): void {
  const token = bearerToken(ctx);
  if (token === undefined) return sendError(ctx, 401, 'Invalid username or password.');
  if (!ctx.state.tokens.has(token)) return sendError(ctx, 401, INVALID_CREDENTIALS);
  if (token === OTHER_USER_TOKEN) {
    return sendJson(ctx, 200, { type: 'user', id: '65a1f0c0ffee000000000009', name: OTHER_USER, fullname: 'Someone Else', isPro: false, canPay: false, avatarUrl: '/avatars/someone-else.svg', periodEnd: null, orgs: [], auth: { type: 'access_token', accessToken: { displayName: 'other user token', role: 'write', createdAt: '2026-01-01T00:00:00.000Z' } } });
  }
  sendJson(ctx, 200, {
    type: 'user',
    id: '65a1f0c0ffee000000000001',
    name: FAKE_USER,
    fullname: 'Fake User',
    email: 'fake-user@example.com',
    emailVerified: true,
    isPro: false,
    canPay: false,
    avatarUrl: '/avatars/fake-user.svg',
    periodEnd: null,
    billingMode: 'prepaid',
    orgs: [
      {
        type: 'org',
        id: '65a1f0c0ffee000000000002',
        name: FAKE_ORG,
        fullname: 'Fake Org',
        email: null,
        canPay: false,
        avatarUrl: '/avatars/fake-org.svg',
        periodEnd: null,
        roleInOrg: 'write',
      },
    ],
    auth: {
      type: 'access_token',
      accessToken: {
        displayName: token === READONLY_TOKEN ? 'fake readonly token' : 'fake token',
        role: token === READONLY_TOKEN ? 'read' : 'write',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    },
  });
}

function handleInfo(ctx: RouteContext, entry: RepoEntry, rev: string): void {
  if (!isKnownRevision(entry, rev)) return sendRevisionNotFound(ctx, rev);
  const expand = expandParams(ctx.query);
  const bad = invalidExpand(entry.type, expand);
  if (bad) return sendError(ctx, 400, bad);
  const body = projectRepo(entry, expand, 'info');
  // A Space's runtime is live (builds, restarts, pauses change it): the same as GET /api/spaces/{id}/runtime.
  if (entry.type === 'space' && 'runtime' in body) body.runtime = runtimeJson(ctx.state, entry);
  sendJson(ctx, 200, body);
}

/** /api/... routes */
function apiRoute(ctx: RouteContext, segs: string[]): RouteMatch | undefined {
  if (segs[1] === 'whoami-v2' && segs.length === 2 && ctx.method === 'GET') return { handler: handleWhoAmI };
  if (segs[1] === 'repos' && segs[2] === 'create' && segs.length === 3 && ctx.method === 'POST') return { handler: createRepoRoute };
  const type = TYPES[segs[1]];
  if (!type) return undefined;
  if (segs.length === 2 && ctx.method === 'GET') return guarded((c) => handleList(c, type));
  if (segs.length < 4) return undefined;
  const id = `${segs[2]}/${segs[3]}`;
  const action = segs[4];
  if (ctx.method === 'GET' && action === undefined) return withRepo(type, id, (c, e) => handleInfo(c, e, 'main'));
  if (ctx.method === 'GET' && action === 'revision' && segs.length === 6) return withRepo(type, id, (c, e) => handleInfo(c, e, segs[5]));
  if (ctx.method === 'GET' && action === 'tree' && segs.length >= 6) {
    return withRepo(type, id, (c, e) => handleTree(c, e, segs[5], segs.slice(6).join('/')));
  }
  if (ctx.method === 'POST' && action === 'paths-info' && segs.length === 6) return withRepo(type, id, (c, e) => handlePathsInfo(c, e, segs[5]));
  if (ctx.method === 'POST' && (action === 'preupload' || action === 'commit') && segs.length === 6) {
    return withRepo(type, id, (c, e) => commitRoute(c, e, action, segs[5]));
  }
  return undefined;
}

/** /[datasets/|spaces/]<org>/<name>/(resolve|raw)/<rev>/<path> */
function fileRoute(ctx: RouteContext, segs: string[]): RouteMatch | undefined {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return undefined;
  const type: RepoType = segs[0] === 'datasets' ? 'dataset' : segs[0] === 'spaces' ? 'space' : 'model';
  const rest = type === 'model' ? segs : segs.slice(1);
  if (rest.length < 5 || (rest[2] !== 'resolve' && rest[2] !== 'raw')) return undefined;
  const id = `${rest[0]}/${rest[1]}`;
  return withRepo(type, id, (c, e) => handleResolve(c, e, rest[3], rest.slice(4).join('/')));
}

/** The Git LFS batch endpoint of a repo (`[datasets/|spaces/]owner/name.git/info/lfs/objects/batch`) and the object store. */
function lfsRoute(ctx: RouteContext, segs: string[]): RouteMatch | undefined {
  if (segs[0] === 'lfs-storage' && segs.length === 2 && ctx.method === 'PUT') {
    const oid = segs[1];
    return { handler: (c) => lfsStorageRoute(c, oid) };
  }
  if (ctx.method !== 'POST' || segs.slice(-4).join('/') !== 'info/lfs/objects/batch') return undefined;
  const type: RepoType = segs[0] === 'datasets' ? 'dataset' : segs[0] === 'spaces' ? 'space' : 'model';
  const rest = type === 'model' ? segs : segs.slice(1);
  if (rest.length !== 6 || !rest[1].endsWith('.git')) return undefined;
  const id = `${rest[0]}/${rest[1].slice(0, -'.git'.length)}`;
  return withRepo(type, id, (c, e) => lfsBatchRoute(c, e));
}

export const hubRoutes: RouteTable = (ctx) => {
  const segs = decodeSegments(ctx.path);
  return segs[0] === 'api' ? apiRoute(ctx, segs) : lfsRoute(ctx, segs) ?? fileRoute(ctx, segs);
};
