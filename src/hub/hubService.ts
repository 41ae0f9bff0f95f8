/**
 * The host-side Hub service: every network call the Hub browser makes, through @huggingface/hub
 * (and the small dataset viewer client), with an injectable fetch. Plain TypeScript, no `vscode`.
 *
 * - Lists: one ListSession per (account, hub, query), kept in an LRU; a new search reuses a session
 *   younger than the TTL, "load more" always continues its session. The generator pages itself.
 * - Details, cards, files, previews: a TTL cache with in-flight de-duplication (ttlCache.ts).
 * - The token goes to the hub client only when it looks like a Hub token (hf_…); otherwise calls are
 *   anonymous (the client would throw before any request).
 * - Every failure rejects with a HubError carrying a HubFailure (offline, rate-limited, signed-out, …).
 */
import { redactSecrets } from '../core/trust/redact';
import { accountKey } from '../core/trust/accountKey';
import { credentialGuardedFetch, hfTokenCheck, type TokenApprovals } from '../core/trust/credentialHosts';
import { isHfToken } from '../core/trust/hfToken';
import { loadHubLibrary } from '../lazyChunks';
import { CardThread } from './cardThread';
import type {
  CardResult,
  DatasetPreview,
  FileEntry,
  FilesResult,
  HubListItem,
  HubQuery,
  ListPage,
  RepoDetails,
  RepoKind,
  SpaceRuntime,
} from '../shared/hubTypes';
import { DatasetViewerClient } from './datasetViewer';
import { hostOf, withoutTrailingSlash } from '../core/web/urls';
import { HubError, probingFetch, sameOriginFetch, toHubFailure, type ResponseProbe } from './hubErrors';
import { datasetDetails, datasetItem, modelDetails, modelItem, spaceDetails, spaceItem, spaceRuntimeOf, type Raw } from './hubMapping';
import { clientFilter, queryKey, toHubListParams, withOwner, type HubListParams } from './hubParams';
import { mergeKey, mergeListings } from './mergeListings';
import { ListSession } from './listSession';
import type { SpaceCallContext } from './spaceRuntimeApi';
import { TtlCache } from './ttlCache';

export interface HubServiceOptions {
  readonly hubUrl: () => string;
  readonly datasetsServerUrl: () => string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  /**
   * Runs before any request that carries the token (core/trust/credentialHosts.ts); throws to stop it.
   * Default: Hugging Face's own hosts only.
   */
  readonly checkTokenDestination?: (url: URL) => Promise<void>;
  readonly now?: () => number;
  /** How long a search and a details answer are reused. Default 5 minutes. */
  readonly ttlMs?: number;
  /** Per-request timeout. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Hosts card images may load from (must match the webview CSP). Default none. */
  readonly allowedImageHosts?: () => readonly string[];
  readonly cardMaxChars?: number;
  /** Where cards are rendered (a worker thread); tests pass one pointing at the transpiled worker. */
  readonly cardThread?: CardThread;
  readonly maxFiles?: number;
  readonly log?: (line: string) => void;
}

interface Auth {
  readonly accessToken?: string;
  /** Distinguishes accounts in cache keys without keeping the token in them. */
  readonly key: string;
}

interface CallContext {
  readonly hubUrl: string;
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
}

const MAX_SESSIONS = 24;
/** Without a way to ask the user, nothing besides Hugging Face's own hosts is approved. */
const NO_APPROVALS: TokenApprovals = { isApproved: () => false, requestApproval: async () => false };
const DEFAULT_TTL_MS = 5 * 60_000;

export function repoPath(kind: RepoKind, id: string): string {
  return kind === 'model' ? id : `${kind}s/${id}`;
}

export class HubService {
  private readonly sessions = new Map<string, { session: ListSession; probe: ResponseProbe }>();
  private readonly cache: TtlCache<unknown>;
  private readonly viewer: DatasetViewerClient;
  private readonly now: () => number;
  private readonly baseFetch: typeof fetch;
  private readonly cards: CardThread;

  constructor(private readonly options: HubServiceOptions) {
    this.now = options.now ?? Date.now;
    this.cards = options.cardThread ?? new CardThread();
    this.baseFetch = credentialGuardedFetch(
      options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      options.checkTokenDestination ?? hfTokenCheck(NO_APPROVALS),
    );
    this.cache = new TtlCache({ ttlMs: options.ttlMs ?? DEFAULT_TTL_MS, maxEntries: 200, now: this.now });
    this.viewer = new DatasetViewerClient({
      baseUrl: options.datasetsServerUrl,
      fetch: this.baseFetch,
      getToken: options.getToken,
      now: this.now,
      timeoutMs: options.requestTimeoutMs,
    });
  }

  hubUrl(): string {
    return withoutTrailingSlash(this.options.hubUrl());
  }

  /** `<hubUrl>/<id>`, `<hubUrl>/datasets/<id>`, `<hubUrl>/spaces/<id>`. */
  repoUrl(kind: RepoKind, id: string): string {
    return `${this.hubUrl()}/${repoPath(kind, id)}`;
  }

  /** Items [offset, offset + count) of a search. `fresh` starts the search over (refresh, retry). */
  async list(query: HubQuery, offset: number, count: number, fresh = false): Promise<ListPage> {
    const auth = await this.auth();
    const key = `${auth.key}|${this.hubUrl()}|${queryKey(query)}`;
    let entry = this.sessions.get(key);
    const stale = entry !== undefined && offset === 0 && this.now() - entry.session.createdAt >= (this.options.ttlMs ?? DEFAULT_TTL_MS);
    if (!entry || fresh || stale || entry.session.failed) {
      entry?.session.dispose();
      const owners = query.scope === 'yours' ? await this.owners(auth, fresh) : undefined;
      entry = this.startSession(query, auth, owners);
    }
    this.sessions.delete(key);
    this.sessions.set(key, entry);
    this.evictSessions();
    try {
      return await entry.session.page(offset, count);
    } catch (err) {
      throw this.failure(err, auth, entry.probe, `list ${query.tab}`);
    }
  }

  details(kind: RepoKind, id: string, fresh = false): Promise<RepoDetails> {
    return this.cached(`details|${kind}|${id}`, `details ${id}`, fresh, async (ctx) => {
      const params = { ...ctx, name: id };
      if (kind === 'model') {
        const info = await loadHubLibrary().modelInfo({ ...params, additionalFields: ['author', 'library_name', 'tags', 'inferenceProviderMapping'] });
        return modelDetails(info as unknown as Raw);
      }
      if (kind === 'dataset') {
        return datasetDetails((await loadHubLibrary().datasetInfo({ ...params, additionalFields: ['author', 'tags'] })) as unknown as Raw);
      }
      return spaceDetails((await loadHubLibrary().spaceInfo({ ...params, additionalFields: ['author', 'tags', 'runtime'] })) as unknown as Raw);
    });
  }

  /** A Space's runtime, always fetched anew (the refresh button). */
  async spaceRuntime(id: string): Promise<SpaceRuntime | null> {
    return this.call(`runtime ${id}`, async (ctx) => {
      const info = await loadHubLibrary().spaceInfo({ ...ctx, name: id, additionalFields: ['runtime'] });
      return spaceRuntimeOf((info as unknown as Raw).runtime);
    });
  }

  /**
   * What the Space runtime routes (spaceRuntimeApi.ts) run with: the guarded fetch held to the Hub's origin and the
   * token when it is a Hub token. No per-request timeout: a log stream stays open as long as the build runs (the
   * caller's signal ends it).
   */
  async spaceCallContext(): Promise<SpaceCallContext> {
    const auth = await this.auth();
    const hubUrl = this.hubUrl();
    return { hubUrl, fetch: sameOriginFetch(this.baseFetch, new URL(hubUrl).origin), ...(auth.accessToken ? { accessToken: auth.accessToken } : {}) };
  }

  /** The Spaces of the signed-in user and their organisations (ids, newest first per owner); empty when signed out. */
  async mySpaces(max = 200): Promise<string[]> {
    return this.call('my spaces', async (ctx) => {
      if (!ctx.accessToken) return [];
      const hub = loadHubLibrary();
      const me = (await hub.whoAmI({ ...ctx, accessToken: ctx.accessToken })) as { name?: unknown; orgs?: readonly { name?: unknown }[] };
      const owners = [me.name, ...(me.orgs ?? []).map((o) => o.name)].filter((n): n is string => typeof n === 'string' && n !== '');
      const ids: string[] = [];
      for (const owner of owners) {
        for await (const s of hub.listSpaces({ ...ctx, search: { owner } })) {
          if (ids.length >= max) return ids;
          ids.push(String(s.name));
        }
      }
      return ids;
    });
  }

  card(kind: RepoKind, id: string): Promise<CardResult> {
    return this.cached(`card|${kind}|${id}`, `card ${id}`, false, async (ctx) => {
      const blob = await loadHubLibrary().downloadFile({ ...ctx, repo: { type: kind, name: id }, path: 'README.md', xet: false });
      if (!blob) return { html: '', truncated: false, missing: true };
      const maxChars = this.options.cardMaxChars ?? 200_000;
      // UTF-8 needs at least one byte per character: reading maxChars bytes never downloads more than the cap.
      const cut = blob.size > maxChars;
      const markdown = await (cut ? blob.slice(0, maxChars) : blob).text();
      // Rendered off the event loop: a 2 MB card table would otherwise block every extension for seconds.
      const rendered = await this.cards.render(markdown, {
        baseUrl: `${this.repoUrl(kind, id)}/blob/main/`,
        allowedImageHosts: this.options.allowedImageHosts?.() ?? [],
        maxChars,
        sourceTruncated: cut,
      });
      return { html: rendered.html, truncated: rendered.truncated, missing: false };
    });
  }

  /**
   * The start of a repo's README.md as raw markdown (front matter included), or null when it has none: for text
   * summaries (the agent-mode tools), where rendering the whole card would be wasted. Only `maxChars` bytes are read.
   */
  cardText(kind: RepoKind, id: string, maxChars = 8_000): Promise<string | null> {
    return this.cached(`cardText|${kind}|${id}|${maxChars}`, `card ${id}`, false, async (ctx) => {
      const blob = await loadHubLibrary().downloadFile({ ...ctx, repo: { type: kind, name: id }, path: 'README.md', xet: false });
      if (!blob) return null;
      return (blob.size > maxChars ? blob.slice(0, maxChars) : blob).text();
    });
  }

  files(kind: RepoKind, id: string): Promise<FilesResult> {
    return this.cached(`files|${kind}|${id}`, `files ${id}`, false, async (ctx) => {
      const max = this.options.maxFiles ?? 500;
      const files: FileEntry[] = [];
      let truncated = false;
      for await (const f of loadHubLibrary().listFiles({ ...ctx, repo: { type: kind, name: id }, recursive: true })) {
        if (f.type !== 'file') continue;
        if (files.length === max) {
          truncated = true;
          break; // leaves the generator: no further pages are fetched
        }
        files.push({ path: String(f.path), type: 'file', size: f.lfs?.size ?? (Number.isFinite(f.size) ? f.size : 0) });
      }
      return { files, truncated };
    });
  }

  datasetPreview(id: string, config: string, split: string): Promise<DatasetPreview> {
    return this.cached(`preview|${id}|${config}|${split}`, `preview ${id}`, false, () => this.viewer.preview(id, config, split), {
      host: hostOf(this.options.datasetsServerUrl()),
    });
  }

  /** Forgets every cached answer and list (sign-in changes, "refresh"). */
  /** Stops the card renderer's thread (the view went away for good). */
  dispose(): void {
    this.clear();
    this.cards.dispose();
  }

  clear(): void {
    this.cache.clear();
    for (const { session } of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }

  /**
   * The names whose repos the "Yours" scope lists: the signed-in user's and their organisations' (whoami), cached like
   * details. Signed out, there is no one to list for.
   */
  private async owners(auth: Auth, fresh: boolean): Promise<readonly string[]> {
    if (!auth.accessToken) {
      throw new HubError({
        kind: 'signed-out',
        message: 'Sign in to see your models, datasets and Spaces and your organisations’, private ones included.',
      });
    }
    return this.cached('owners', 'whoami', fresh, async (ctx) => {
      const info = (await loadHubLibrary().whoAmI({ ...ctx, accessToken: ctx.accessToken ?? '' })) as unknown as Raw;
      const names = [info.name, ...(Array.isArray(info.orgs) ? info.orgs.map((o) => (o as Raw | null)?.name) : [])];
      return names.filter((n): n is string => typeof n === 'string' && n !== '');
    });
  }

  private startSession(query: HubQuery, auth: Auth, owners?: readonly string[]): { session: ListSession; probe: ResponseProbe } {
    const probe: ResponseProbe = {};
    const ctx = this.context(auth, probe);
    const filter = clientFilter(query);
    const params = toHubListParams(query);
    const source = owners
      ? mergeListings(owners.map((owner) => listItems(withOwner(params, owner), ctx)), mergeKey(query.sort))
      : listItems(params, ctx);
    const session = new ListSession(source, {
      createdAt: this.now(),
      filter: filter && ((item) => filter({ sdk: item.label, hardware: item.hardware, stage: item.stage })),
    });
    return { session, probe };
  }

  private evictSessions(): void {
    while (this.sessions.size > MAX_SESSIONS) {
      const [oldestKey, oldest] = this.sessions.entries().next().value as [string, { session: ListSession }];
      oldest.session.dispose();
      this.sessions.delete(oldestKey);
    }
  }

  private async auth(): Promise<Auth> {
    const token = await this.options.getToken();
    const accessToken = isHfToken(token) ? token : undefined;
    return { accessToken, key: accountKey(accessToken) };
  }

  private context(auth: Auth, probe: ResponseProbe): CallContext {
    const hubUrl = this.hubUrl();
    const fetch = probingFetch(sameOriginFetch(this.baseFetch, new URL(hubUrl).origin), probe, this.options.requestTimeoutMs ?? 30_000, this.now);
    return { hubUrl, fetch, ...(auth.accessToken ? { accessToken: auth.accessToken } : {}) };
  }

  private async call<T>(what: string, run: (ctx: CallContext) => Promise<T>): Promise<T> {
    const auth = await this.auth();
    const probe: ResponseProbe = {};
    try {
      return await run(this.context(auth, probe));
    } catch (err) {
      throw this.failure(err, auth, probe, what);
    }
  }

  private async cached<T>(
    key: string,
    what: string,
    fresh: boolean,
    run: (ctx: CallContext) => Promise<T>,
    where: { host?: string } = {},
  ): Promise<T> {
    const auth = await this.auth();
    const fullKey = `${auth.key}|${this.hubUrl()}|${key}`;
    const load = async (): Promise<T> => {
      const probe: ResponseProbe = {};
      try {
        return await run(this.context(auth, probe));
      } catch (err) {
        throw this.failure(err, auth, probe, what, where.host);
      }
    };
    return (await this.cache.get(fullKey, load, { fresh })) as T;
  }

  private failure(err: unknown, auth: Auth, probe: ResponseProbe, what: string, host?: string): HubError {
    const failure = toHubFailure(err, { authed: auth.accessToken !== undefined, host: host ?? hostOf(this.hubUrl()), probe });
    // The technical cause, for the log: redacted, short, and with any markup a proxy's HTML page put in it defused.
    const detail = err instanceof Error && err.message !== failure.message ? ` [${redactSecrets(err.message).slice(0, 300).replace(/</g, '‹')}]` : '';
    this.options.log?.(`hub: ${what} failed (${failure.kind}): ${failure.message}${detail}`);
    return new HubError(failure);
  }
}

/** The hub client's list generator for the params, mapped to rows (lazily: one item per pull). */
async function* listItems(params: HubListParams, ctx: CallContext): AsyncGenerator<HubListItem> {
  switch (params.kind) {
    case 'model':
      for await (const e of loadHubLibrary().listModels({ ...ctx, search: params.search, sort: params.sort, additionalFields: params.additionalFields })) {
        yield modelItem(e as unknown as Raw);
      }
      return;
    case 'dataset':
      for await (const e of loadHubLibrary().listDatasets({ ...ctx, search: params.search, sort: params.sort, additionalFields: params.additionalFields })) {
        yield datasetItem(e as unknown as Raw);
      }
      return;
    case 'space':
      for await (const e of loadHubLibrary().listSpaces({ ...ctx, search: params.search, sort: params.sort, additionalFields: params.additionalFields })) {
        yield spaceItem(e as unknown as Raw);
      }
      return;
  }
}
