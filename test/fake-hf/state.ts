// Mutable state shared by the four listeners of one fake instance.
import { getCatalog, type Catalog } from './catalog';
import { FaultStore } from './faults';
import type { RepoEntry, RepoType } from './catalogTypes';
import type { RecordedRequest } from './http';

/**
 * A tool call the fake answers with when a chat request declares tools. `arguments` is sent as its JSON, or
 * verbatim when it is a string (to test malformed arguments).
 */
export interface FakeToolCall {
  name: string;
  arguments: object | string;
}

export const VALID_TOKEN = 'hf_fake_valid_token';
/**
 * A token that is valid on the Hub (whoami, listings) but has no permission to call Inference Providers,
 * like a fine-grained token without the "inference" scope: the router answers 403.
 */
export const READONLY_TOKEN = 'hf_fake_readonly_token';
export const FAKE_USER = 'fake-user';
/** A valid token of ANOTHER user (`OTHER_USER`, in no organisation): it cannot see fake-user's private repos. */
export const OTHER_USER_TOKEN = 'hf_fake_other_user_token';
export const OTHER_USER = 'someone-else';
/** The organisation the fake user belongs to (whoami `orgs`); its repos are writable by the user's write token. */
export const FAKE_ORG = 'fake-org';

/** A commit the fake accepted (read through the control API `GET /__fake/commits`). */
export interface FakeCommit {
  repoType: RepoType;
  repoId: string;
  oid: string;
  parentOid: string;
  summary: string;
  description: string;
  added: string[];
  deleted: string[];
}

export class FakeState {
  readonly tokens = new Set<string>([VALID_TOKEN, READONLY_TOKEN, OTHER_USER_TOKEN]);
  readonly inferenceDeniedTokens = new Set<string>([READONLY_TOKEN]);
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultStore();
  readonly chatReplies = new Map<string, string>();
  /** model ('*' for any) -> the tool call to answer with when the request has tools. */
  readonly chatToolCalls = new Map<string, FakeToolCall>();
  /** model ('*' for any) -> the text of text completions (fill-in-the-middle ghost text), instead of generateText. */
  readonly completionReplies = new Map<string, string>();
  readonly catalog: Catalog = getCatalog();
  /** `type:id` -> the repo as it is after the last commit (the catalog entry is never changed). */
  readonly repoHeads = new Map<string, RepoEntry>();
  readonly commits: FakeCommit[] = [];
  /** LFS objects uploaded through the batch API (sha256 -> bytes), until a reset. */
  readonly lfsObjects = new Map<string, Buffer>();
  private seq = 0;

  /** Deterministic, increasing ids for request ids and completion ids. */
  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${String(this.seq).padStart(6, '0')}`;
  }

  reset(): void {
    this.faults.clear();
    this.requests.length = 0;
    this.chatReplies.clear();
    this.chatToolCalls.clear();
    this.completionReplies.clear();
    this.repoHeads.clear();
    this.commits.length = 0;
    this.lfsObjects.clear();
  }

  /** The repo as currently committed: the catalog entry, or its state after the fake's last commit to it. */
  repo(type: RepoType, id: string): RepoEntry | undefined {
    return this.repoHeads.get(`${type}:${id}`) ?? this.catalog.repo(type, id);
  }

  /** The text a text completion or text generation of `model` answers with, if one was set. */
  completionReply(model: string): string | undefined {
    return this.completionReplies.get(model) ?? this.completionReplies.get('*');
  }
}
