// The Space runtime routes of huggingface.co (as huggingface_hub's HfApi calls them; @huggingface/hub has none):
//   GET  /api/spaces/{id}/runtime                      → runtime JSON
//   POST /api/spaces/{id}/restart[?factory=true]       → runtime JSON (starts a build)
//   POST /api/spaces/{id}/pause                        → runtime JSON (PAUSED)
//   POST /api/spaces/{id}/sleeptime   {"seconds": n}   → runtime JSON
//   POST /api/spaces/{id}/hardware    {"flavor": "…"}  → runtime JSON (starts a build)
//   GET  /api/spaces/{id}/logs/build | /logs/run       → SSE `data: {"data": "<line>", "timestamp": "<ISO>"}`
// Actions need a write token: the read-only token gets 403, no token 401. A private Space without access is 404/401
// as every other repo route. Stream faults (cut-stream with the Space id) drop a log stream.
import type { SpaceEntry } from './catalogTypes';
import { bearerToken, decodeSegments, hasValidToken, INVALID_CREDENTIALS, isRecord, sendError, sendJson, type RouteContext, type RouteMatch, type RouteTable } from './http';
import { SseWriter } from './sse';
import { isBuilding, pauseSpace, requestHardware, runtimeJson, runtimeOf, setSleepTime, startSpaceBuild } from './spaceRuntime';
import { READONLY_TOKEN } from './state';

const ACTIONS = new Set(['restart', 'pause', 'sleeptime', 'hardware']);

function withSpace(id: string, write: boolean, then: (ctx: RouteContext, entry: SpaceEntry) => void | Promise<void>): RouteMatch {
  return {
    models: [id],
    handler: (ctx) => {
      const token = bearerToken(ctx);
      if (token !== undefined && !ctx.state.tokens.has(token)) return sendError(ctx, 401, INVALID_CREDENTIALS);
      const entry = ctx.state.repo('space', id);
      if (!entry || entry.type !== 'space') return sendError(ctx, 404, 'Repository not found', { 'X-Error-Code': 'RepoNotFound' });
      if (entry.private && !hasValidToken(ctx)) return sendError(ctx, 401, 'Invalid username or password.', { 'X-Error-Code': 'RepoNotFound' });
      if (write && token === undefined) return sendError(ctx, 401, 'Invalid username or password.');
      if (write && token === READONLY_TOKEN) {
        return sendError(ctx, 403, `You don't have the rights to manage the Space ${id}: your token is read-only.`);
      }
      return then(ctx, entry);
    },
  };
}

async function streamLogs(ctx: RouteContext, entry: SpaceEntry, log: 'build' | 'run'): Promise<void> {
  const rt = runtimeOf(ctx.state, entry);
  const sse = new SseWriter(ctx);
  let sent = 0;
  const generation = rt.generation;
  const done = (): boolean => log === 'build' && (!isBuilding(rt) || rt.generation !== generation);
  for (;;) {
    while (sent < rt[log].length) {
      if (!(await sse.send(rt[log][sent]))) return;
      sent += 1;
    }
    if (done() && sent >= rt[log].length) break;
    const changed = await new Promise<boolean>((resolve) => {
      const onChange = (): void => finish(true);
      const onAbort = (): void => finish(false);
      const finish = (v: boolean): void => {
        rt.listeners.delete(onChange);
        ctx.signal.removeEventListener('abort', onAbort);
        resolve(v);
      };
      rt.listeners.add(onChange);
      ctx.signal.addEventListener('abort', onAbort, { once: true });
    });
    if (!changed || !sse.open) return;
  }
  ctx.res.end();
}

function action(ctx: RouteContext, entry: SpaceEntry, name: string): void {
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (name === 'restart') {
    startSpaceBuild(ctx.state, entry.id);
  } else if (name === 'pause') {
    pauseSpace(ctx.state, entry);
  } else if (name === 'sleeptime') {
    if (typeof body.seconds !== 'number' || !Number.isInteger(body.seconds) || (body.seconds < 0 && body.seconds !== -1)) {
      return sendError(ctx, 400, '"seconds" must be a positive integer or -1');
    }
    setSleepTime(ctx.state, entry, body.seconds);
  } else {
    if (typeof body.flavor !== 'string' || !body.flavor) return sendError(ctx, 400, '"flavor" is required');
    requestHardware(ctx.state, entry, body.flavor);
  }
  sendJson(ctx, 200, runtimeJson(ctx.state, entry));
}

export const spaceRuntimeRoutes: RouteTable = (ctx) => {
  const segs = decodeSegments(ctx.path);
  if (segs[0] !== 'api' || segs[1] !== 'spaces' || segs.length < 5) return undefined;
  const id = `${segs[2]}/${segs[3]}`;
  const [, , , , what, sub] = segs;
  if (ctx.method === 'GET' && what === 'runtime' && segs.length === 5) return withSpace(id, false, (c, e) => sendJson(c, 200, runtimeJson(c.state, e)));
  if (ctx.method === 'GET' && what === 'logs' && segs.length === 6 && (sub === 'build' || sub === 'run')) {
    return withSpace(id, false, (c, e) => streamLogs(c, e, sub));
  }
  if (ctx.method === 'POST' && ACTIONS.has(what) && segs.length === 5) return withSpace(id, true, (c, e) => action(c, e, what));
  return undefined;
};
