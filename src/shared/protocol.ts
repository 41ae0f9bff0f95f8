/**
 * The one message protocol between the Hub webview and the extension host.
 *
 * - webview -> host: requests, each with a numeric `seq` and a `type` naming the method.
 * - host -> webview: a reply per request (`seq`, `method`, ok/result or error) and unsolicited events
 *   (streamed "Try it" tokens, title-bar commands, sign-in changes).
 *
 * Both sides run every incoming message through `parseWebviewMessage` / `parseHostMessage`, which
 * reject unknown types and malformed fields and rebuild the message from checked fields only.
 * The webview never sees the token and never calls the network: it can only ask the host.
 */
import { TASK_KINDS, type TaskKind } from '../core/tasks/taskTypes';
import type { Pin } from './pins';
import { LOCAL_PIN } from './taskMapping';

/** The task vocabulary is part of the protocol: the webview takes it from here, never from core/. */
export type { TaskKind };
import {
  VIEW_COMMANDS,
  type CardResult,
  type DatasetPreview,
  type FilesResult,
  type HubFailure,
  type HubQuery,
  type ListPage,
  type RepoDetails,
  type RepoKind,
  type SpaceRuntime,
  type TryInput,
  type TryResult,
  type ViewCommand,
  type ViewState,
} from './hubTypes';
import {
  asArr,
  asNullable,
  asObj,
  asOneOf,
  bool,
  num,
  oneOf,
  seqOf,
  str,
  type Obj,
} from './validate';
import {
  parseCard,
  parseDatasetPreview,
  parseFiles,
  parseHubFailure,
  parseHubQuery,
  parseListPage,
  parseRepoDetails,
  parseSpaceRuntime,
  parseTryInput,
  parseTryResult,
  parseViewState,
  pipelineTagOrNone,
  repoId,
  repoKind,
} from './hubValidators';

export { ProtocolError } from './validate';

interface Req<T extends string> {
  readonly type: T;
  readonly seq: number;
}

/** webview -> host. */
export type WebviewRequest =
  | Req<'init'>
  | (Req<'saveState'> & { readonly state: ViewState })
  | (Req<'list'> & { readonly query: HubQuery; readonly offset: number; readonly count: number; readonly fresh: boolean })
  | (Req<'details'> & { readonly kind: RepoKind; readonly id: string; readonly fresh: boolean })
  | (Req<'card'> & { readonly kind: RepoKind; readonly id: string })
  | (Req<'files'> & { readonly kind: RepoKind; readonly id: string })
  | (Req<'datasetPreview'> & { readonly id: string; readonly config: string; readonly split: string })
  | (Req<'spaceRuntime'> & { readonly id: string })
  | (Req<'pinModel'> & { readonly task: TaskKind; readonly modelId: string })
  /** Clears the pin of `task` wherever it is set (user, workspace or folder settings). */
  | (Req<'unpinModel'> & { readonly task: TaskKind })
  /** The pinned models, for the details panel's "Pinned for …" line. */
  | Req<'pins'>
  | (Req<'tryRun'> & { readonly modelId: string; readonly task: TaskKind; readonly provider: string; readonly input: TryInput })
  /** Cancels the request whose seq is `target` (a running "Try it", a superseded search). */
  | (Req<'cancel'> & { readonly target: number })
  | (Req<'copyId'> & { readonly id: string })
  | (Req<'openOnHub'> & { readonly kind: RepoKind; readonly id: string })
  /** Adds the repo to the workspace as an hf:// folder (the `huggingface.openRepoInExplorer` command). */
  | (Req<'openInExplorer'> & { readonly kind: RepoKind; readonly id: string })
  /** A link in a card: the host opens it externally after re-checking the scheme. */
  | (Req<'openExternal'> & { readonly url: string })
  /** A Space's "Logs" / "Restart" buttons: the host runs Show Space Logs… / Restart Space… (which asks to confirm). */
  | (Req<'spaceCommand'> & { readonly id: string; readonly command: SpaceCommand })
  /** `task`: the model's pipeline tag, one of the Hub's pipeline types ('' when unknown), to pick the client call. */
  | (Req<'insertSnippet'> & { readonly kind: RepoKind; readonly id: string; readonly task: string })
  | Req<'signIn'>;

export const SPACE_COMMANDS = ['logs', 'restart'] as const;
export type SpaceCommand = (typeof SPACE_COMMANDS)[number];

export type WebviewMessage = WebviewRequest;
export type Method = WebviewRequest['type'];
export type RequestOf<M extends Method> = Extract<WebviewRequest, { type: M }>;
export type ParamsOf<M extends Method> = Omit<RequestOf<M>, 'type' | 'seq'>;

export type Empty = Readonly<Record<string, never>>;

export interface InitResult {
  readonly signedIn: boolean;
  readonly hubUrl: string;
  /** The host's mirror of the last saved view state (the webview's own getState() wins when present). */
  readonly savedState: ViewState | null;
}

/** What each request resolves to. */
export interface ResultMap {
  init: InitResult;
  saveState: Empty;
  list: ListPage;
  details: RepoDetails;
  card: CardResult;
  files: FilesResult;
  datasetPreview: DatasetPreview;
  spaceRuntime: { readonly runtime: SpaceRuntime | null };
  pinModel: Empty;
  unpinModel: Empty;
  pins: { readonly pins: readonly Pin[] };
  tryRun: TryResult;
  cancel: Empty;
  copyId: Empty;
  openOnHub: Empty;
  openInExplorer: Empty;
  openExternal: Empty;
  spaceCommand: Empty;
  insertSnippet: { readonly inserted: boolean; readonly language: string };
  signIn: { readonly signedIn: boolean };
}

export type ResultOf<M extends Method> = ResultMap[M];

export type HostReply =
  | {
      [M in Method]: {
        readonly type: 'reply';
        readonly seq: number;
        readonly method: M;
        readonly ok: true;
        readonly result: ResultMap[M];
      };
    }[Method]
  | { readonly type: 'reply'; readonly seq: number; readonly method: Method; readonly ok: false; readonly error: HubFailure };

/** host -> webview, unsolicited. `seq` on run events is the seq of the tryRun request they belong to. */
export type HostEvent =
  | { readonly type: 'runToken'; readonly seq: number; readonly text: string }
  /** The router moved on after a partial stream: discard the tokens received so far. */
  | { readonly type: 'runRestart'; readonly seq: number }
  | { readonly type: 'command'; readonly command: ViewCommand }
  /** Open a repo's details (from `@hf /models` buttons); `tryIt` opens a model's "Try it" panel too. */
  | { readonly type: 'showRepo'; readonly kind: RepoKind; readonly id: string; readonly tryIt: boolean }
  | { readonly type: 'auth'; readonly signedIn: boolean }
  /** The pinned models changed (from the view, a command or the settings editor). */
  | { readonly type: 'pins'; readonly pins: readonly Pin[] };

export type HostMessage = HostReply | HostEvent;

const LONG = 100_000;
const task = (o: Obj, p: string): TaskKind => oneOf(o, 'task', TASK_KINDS, p);
const kindAndId = (o: Obj, p: string): { kind: RepoKind; id: string } => ({ kind: repoKind(o, 'kind', p), id: repoId(o, 'id', p) });
const nothing = (): Empty => ({});

/** Reads each request's own fields (type and seq are read by parseWebviewMessage). */
const REQUEST_PARSERS: { readonly [M in Method]: (o: Obj, p: string) => ParamsOf<M> } = {
  init: nothing,
  saveState: (o, p) => ({ state: parseViewState(o.state, `${p}.state`) }),
  list: (o, p) => ({
    query: parseHubQuery(o.query, `${p}.query`),
    offset: num(o, 'offset', p, { int: true, min: 0, max: 100_000 }),
    count: num(o, 'count', p, { int: true, min: 1, max: 1000 }),
    fresh: bool(o, 'fresh', p),
  }),
  details: (o, p) => ({ ...kindAndId(o, p), fresh: bool(o, 'fresh', p) }),
  card: kindAndId,
  files: kindAndId,
  datasetPreview: (o, p) => ({ id: repoId(o, 'id', p), config: str(o, 'config', p, 200), split: str(o, 'split', p, 200) }),
  spaceRuntime: (o, p) => ({ id: repoId(o, 'id', p) }),
  // A repo id, or one with ":local" (the details' "Run locally": that model on this machine).
  pinModel: (o, p) => {
    const raw = o.modelId;
    const local = typeof raw === 'string' && raw.endsWith(LOCAL_PIN);
    const id = repoId(local ? { modelId: (raw as string).slice(0, -LOCAL_PIN.length) } : o, 'modelId', p);
    return { task: task(o, p), modelId: local ? `${id}${LOCAL_PIN}` : id };
  },
  unpinModel: (o, p) => ({ task: task(o, p) }),
  pins: nothing,
  tryRun: (o, p) => ({
    modelId: repoId(o, 'modelId', p),
    task: task(o, p),
    provider: str(o, 'provider', p, 100),
    input: parseTryInput(o.input, `${p}.input`),
  }),
  cancel: (o, p) => ({ target: num(o, 'target', p, { int: true, min: 1 }) }),
  copyId: (o, p) => ({ id: repoId(o, 'id', p) }),
  openOnHub: kindAndId,
  openInExplorer: kindAndId,
  openExternal: (o, p) => ({ url: str(o, 'url', p, 4096) }),
  spaceCommand: (o, p) => ({ id: repoId(o, 'id', p), command: oneOf(o, 'command', SPACE_COMMANDS, p) }),
  insertSnippet: (o, p) => ({ ...kindAndId(o, p), task: pipelineTagOrNone(o, 'task', p) }),
  signIn: nothing,
};

export const METHODS: readonly Method[] = Object.keys(REQUEST_PARSERS) as Method[];

const emptyResult = (v: unknown, p: string): Empty => {
  asObj(v, p);
  return {};
};

const RESULT_PARSERS: { readonly [M in Method]: (v: unknown, p: string) => ResultMap[M] } = {
  init: (v, p) => {
    const o = asObj(v, p);
    return {
      signedIn: bool(o, 'signedIn', p),
      hubUrl: str(o, 'hubUrl', p, 2000),
      savedState: asNullable(o.savedState, `${p}.savedState`, parseViewState),
    };
  },
  saveState: emptyResult,
  list: parseListPage,
  details: parseRepoDetails,
  card: parseCard,
  files: parseFiles,
  datasetPreview: parseDatasetPreview,
  spaceRuntime: (v, p) => ({ runtime: asNullable(asObj(v, p).runtime, `${p}.runtime`, parseSpaceRuntime) }),
  pinModel: emptyResult,
  unpinModel: emptyResult,
  pins: (v, p) => ({ pins: parsePins(asObj(v, p).pins, `${p}.pins`) }),
  tryRun: parseTryResult,
  cancel: emptyResult,
  copyId: emptyResult,
  openOnHub: emptyResult,
  openInExplorer: emptyResult,
  openExternal: emptyResult,
  spaceCommand: emptyResult,
  insertSnippet: (v, p) => {
    const o = asObj(v, p);
    return { inserted: bool(o, 'inserted', p), language: str(o, 'language', p, 100) };
  },
  signIn: (v, p) => ({ signedIn: bool(asObj(v, p), 'signedIn', p) }),
};

/** Validates a message the host received from the webview. Throws ProtocolError. */
export function parseWebviewMessage(raw: unknown): WebviewMessage {
  const p = 'message';
  const o = asObj(raw, p);
  const type = oneOf(o, 'type', METHODS, p);
  const seq = seqOf(o, p);
  const params: ParamsOf<Method> = REQUEST_PARSERS[type](o, p);
  return { ...params, type, seq } as WebviewRequest;
}

function parseReply(o: Obj, p: string): HostReply {
  const seq = seqOf(o, p);
  const method = oneOf(o, 'method', METHODS, p);
  if (bool(o, 'ok', p)) {
    const result: ResultMap[Method] = RESULT_PARSERS[method](o.result, `${p}.result`);
    return { type: 'reply', seq, method, ok: true, result } as HostReply;
  }
  return { type: 'reply', seq, method, ok: false, error: parseHubFailure(o.error, `${p}.error`) };
}

/** Validates a message the webview received from the host. Throws ProtocolError. */
export function parseHostMessage(raw: unknown): HostMessage {
  const p = 'message';
  const o = asObj(raw, p);
  const type = asOneOf(o.type, ['reply', 'runToken', 'runRestart', 'command', 'showRepo', 'auth', 'pins'] as const, `${p}.type`);
  switch (type) {
    case 'reply':
      return parseReply(o, p);
    case 'runToken':
      return { type, seq: seqOf(o, p), text: str(o, 'text', p, LONG) };
    case 'runRestart':
      return { type, seq: seqOf(o, p) };
    case 'command':
      return { type, command: oneOf(o, 'command', VIEW_COMMANDS, p) };
    case 'showRepo':
      return { type, ...kindAndId(o, p), tryIt: bool(o, 'tryIt', p) };
    case 'auth':
      return { type, signedIn: bool(o, 'signedIn', p) };
    case 'pins':
      return { type, pins: parsePins(o.pins, `${p}.pins`) };
  }
}

function parsePins(v: unknown, p: string): Pin[] {
  return asArr(v, p, (item, ip) => {
    const o = asObj(item, ip);
    // A pinned id may carry a ":provider" suffix, so it is not read as a bare repo id.
    return { task: task(o, ip), model: str(o, 'model', ip, 300) };
  }, TASK_KINDS.length);
}
