// Space runtime routes @huggingface/hub has no function for, as huggingface_hub's HfApi calls them
// (restart_space, pause_space, set_space_sleep_time, request_space_hardware) and the Hub's UI reads the logs:
//   GET  <hub>/api/spaces/{id}/runtime
//   POST <hub>/api/spaces/{id}/restart[?factory=true] | /pause | /sleeptime {"seconds"} | /hardware {"flavor"}
//   GET  <hub>/api/spaces/{id}/logs/build | /logs/run  (text/event-stream)
// `fetch` is the Hub service's guarded fetch (same origin, token destination checked). Plain TypeScript, no `vscode`.

export interface SpaceCallContext {
  readonly hubUrl: string;
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
}

export type SpaceAction =
  | { readonly kind: 'restart'; readonly factory?: boolean }
  | { readonly kind: 'pause' }
  | { readonly kind: 'sleeptime'; readonly seconds: number }
  | { readonly kind: 'hardware'; readonly flavor: string };

/** An HTTP failure of a runtime route, with the Hub's `error` message when it sent one. */
export class SpaceRouteError extends Error {
  constructor(
    readonly status: number,
    readonly hubMessage: string | undefined,
  ) {
    super(hubMessage ? `${status}: ${hubMessage}` : `HTTP ${status}`);
    this.name = 'SpaceRouteError';
  }
}

function spaceUrl(ctx: SpaceCallContext, id: string, tail: string): string {
  const path = id.split('/').map(encodeURIComponent).join('/');
  return `${ctx.hubUrl.replace(/\/+$/, '')}/api/spaces/${path}/${tail}`;
}

function headers(ctx: SpaceCallContext, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, ...(ctx.accessToken ? { Authorization: `Bearer ${ctx.accessToken}` } : {}) };
}

async function failure(res: Response): Promise<SpaceRouteError> {
  let message: string | undefined;
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string') message = (body as { error: string }).error;
  } catch {
    // not JSON: the status says enough
  }
  return new SpaceRouteError(res.status, message);
}

/** Runs an action; resolves to the runtime JSON the Hub answers with. */
export async function runSpaceAction(ctx: SpaceCallContext, id: string, action: SpaceAction, signal?: AbortSignal): Promise<unknown> {
  const tail = action.kind === 'restart' && action.factory ? 'restart?factory=true' : action.kind;
  const body = action.kind === 'sleeptime' ? { seconds: action.seconds } : action.kind === 'hardware' ? { flavor: action.flavor } : undefined;
  const res = await ctx.fetch(spaceUrl(ctx, id, tail), {
    method: 'POST',
    headers: headers(ctx, body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
    signal,
  });
  if (!res.ok) throw await failure(res);
  return res.json();
}

/** `GET /api/spaces/{id}/runtime` (huggingface_hub's get_space_runtime): the current stage, e.g. BUILDING, RUNNING. */
export async function readSpaceStage(ctx: SpaceCallContext, id: string, signal?: AbortSignal): Promise<string | undefined> {
  const res = await ctx.fetch(spaceUrl(ctx, id, 'runtime'), { headers: headers(ctx), signal });
  if (!res.ok) throw await failure(res);
  const body: unknown = await res.json();
  const stage = typeof body === 'object' && body !== null ? (body as { stage?: unknown }).stage : undefined;
  return typeof stage === 'string' && stage !== '' ? stage : undefined;
}

/** Opens a log stream; yields raw SSE text chunks until the Hub ends it (or it drops: then it throws). */
export async function* openSpaceLogs(ctx: SpaceCallContext, id: string, log: 'build' | 'run', signal?: AbortSignal): AsyncGenerator<string> {
  const res = await ctx.fetch(spaceUrl(ctx, id, `logs/${log}`), { headers: headers(ctx, { Accept: 'text/event-stream' }), signal });
  if (!res.ok) throw await failure(res);
  if (!res.body) return;
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}
