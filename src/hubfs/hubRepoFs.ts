/**
 * The hf:// file system's logic on @huggingface/hub (no `vscode`): stat, list, read (size-guarded) and write by
 * committing. A save is refused when the file changed on the Hub since it was read (its blob oid differs), and the
 * commit carries the head it checked against as `parentCommit`, so a commit racing in between is refused by the Hub
 * (412) too. The VS Code adapter (hubFsProvider.ts) maps HubFsError codes to FileSystemErrors.
 */
import type { CommitOperation } from '@huggingface/hub';
import { loadHubLibrary } from '../lazyChunks';
import type { HfLocation } from '../core/hubfs/hfUri';

export interface HubCallContext {
  readonly hubUrl: string;
  readonly accessToken?: string;
  readonly fetch: typeof fetch;
}

export type HubFsErrorCode = 'NotFound' | 'NoPermissions' | 'Conflict' | 'TooLarge' | 'Unavailable';

export class HubFsError extends Error {
  constructor(
    readonly code: HubFsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HubFsError';
  }
}

export interface HubFsStat {
  readonly type: 'file' | 'directory';
  readonly size: number;
  /** Date of the last commit that touched the path (0 when unknown). */
  readonly mtime: number;
}

export interface HubRepoFsOptions {
  /** The Hub URL, token and fetch for one call (the token only when one is set). */
  readonly context: () => Promise<HubCallContext>;
  /** Files larger than this are not opened. */
  readonly maxFileBytes: () => number;
}

export interface CommitResult {
  readonly oid: string;
}

/** @huggingface/hub, from its lazy chunk (dist/hfHub.js). */
const hub = loadHubLibrary;

const keyOf = (loc: HfLocation, path = loc.path): string => `${loc.type}:${loc.repo}:${path}`;

function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

function toFsError(err: unknown, loc: HfLocation, writing: boolean): HubFsError {
  if (err instanceof HubFsError) return err;
  const status = statusOf(err);
  const what = `${loc.repo}${loc.path ? `/${loc.path}` : ''}`;
  if (status === 412 || status === 409) {
    return new HubFsError('Conflict', `${what} changed on the Hub since you opened it; nothing was committed.`);
  }
  if (status === 401 || status === 403) {
    return new HubFsError(
      'NoPermissions',
      writing ? `You cannot commit to ${loc.repo}: your token has no write access to it.` : `You have no access to ${what}. Sign in with a token that can read it.`,
    );
  }
  if (status === 404) return new HubFsError('NotFound', `${what} was not found on the Hub.`);
  const detail = err instanceof Error ? err.message : String(err);
  return new HubFsError('Unavailable', `The Hub did not answer for ${what}: ${detail.slice(0, 200)}`);
}

export class HubRepoFs {
  /** Blob oid of each file when it was last read or written (`type:repo:path`); the conflict check's base. */
  private readonly seen = new Map<string, string>();

  constructor(private readonly options: HubRepoFsOptions) {}

  async stat(loc: HfLocation): Promise<HubFsStat> {
    if (loc.path === '') return { type: 'directory', size: 0, mtime: 0 };
    const ctx = await this.options.context();
    try {
      const [info] = await hub().pathsInfo({ ...ctx, repo: { type: loc.type, name: loc.repo }, paths: [loc.path], expand: true });
      if (!info) throw new HubFsError('NotFound', `${loc.repo}/${loc.path} was not found on the Hub.`);
      return { type: info.type === 'directory' ? 'directory' : 'file', size: info.size, mtime: info.lastCommit?.date.getTime() ?? 0 };
    } catch (err) {
      throw toFsError(err, loc, false);
    }
  }

  async readDirectory(loc: HfLocation): Promise<[string, 'file' | 'directory'][]> {
    const ctx = await this.options.context();
    const out: [string, 'file' | 'directory'][] = [];
    try {
      for await (const entry of hub().listFiles({ ...ctx, repo: { type: loc.type, name: loc.repo }, ...(loc.path ? { path: loc.path } : {}) })) {
        const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
        out.push([name, entry.type === 'directory' ? 'directory' : 'file']);
      }
    } catch (err) {
      throw toFsError(err, loc, false);
    }
    return out;
  }

  /** The file's bytes; refused above maxFileBytes with the size and the limit. */
  async readFile(loc: HfLocation): Promise<Uint8Array> {
    const ctx = await this.options.context();
    const repo = { type: loc.type, name: loc.repo };
    try {
      const [info] = await hub().pathsInfo({ ...ctx, repo, paths: [loc.path] });
      if (!info || info.type === 'directory') throw new HubFsError('NotFound', `${loc.repo}/${loc.path} was not found on the Hub.`);
      const limit = this.options.maxFileBytes();
      if (info.size > limit) {
        throw new HubFsError('TooLarge', `${loc.path} is ${info.size} bytes, over the ${limit}-byte limit for opening Hub files (setting huggingFace.hubFiles.maxOpenBytes).`);
      }
      const blob = await hub().downloadFile({ ...ctx, repo, path: loc.path, xet: false });
      if (!blob) throw new HubFsError('NotFound', `${loc.repo}/${loc.path} was not found on the Hub.`);
      if (info.oid) this.seen.set(keyOf(loc), info.oid);
      return new Uint8Array(await blob.arrayBuffer());
    } catch (err) {
      throw toFsError(err, loc, false);
    }
  }

  /** Commits `content` to the file. Refused (Conflict) when the file changed on the Hub since it was read here. */
  async writeFile(loc: HfLocation, content: Uint8Array, message: string): Promise<CommitResult> {
    return this.commitOps(loc, [loc.path], message, [{ operation: 'addOrUpdate', path: loc.path, content: new Blob([new Uint8Array(content)]) }]);
  }

  async delete(loc: HfLocation, message: string): Promise<CommitResult> {
    return this.commitOps(loc, [loc.path], message, [{ operation: 'delete', path: loc.path }]);
  }

  /** A rename is one commit: the new path added with the old content, the old path deleted. */
  async rename(from: HfLocation, toPath: string, message: string): Promise<CommitResult> {
    const content = await this.readFile(from);
    return this.commitOps(from, [from.path, toPath], message, [
      { operation: 'addOrUpdate', path: toPath, content: new Blob([new Uint8Array(content)]) },
      { operation: 'delete', path: from.path },
    ]);
  }

  private async commitOps(loc: HfLocation, checked: string[], message: string, operations: CommitOperation[]): Promise<CommitResult> {
    const ctx = await this.options.context();
    const repo = { type: loc.type, name: loc.repo };
    try {
      const head = await this.headOf(loc, ctx);
      const now = await hub().pathsInfo({ ...ctx, repo, paths: checked });
      for (const path of checked) {
        const before = this.seen.get(keyOf(loc, path));
        const current = now.find((p) => p.path === path)?.oid;
        if (before !== undefined && current !== before) {
          throw new HubFsError('Conflict', `${loc.repo}/${path} changed on the Hub since you opened it; nothing was committed.`);
        }
      }
      const out = await hub().commit({ ...ctx, repo, title: message, operations, parentCommit: head, useXet: false });
      if (!out) throw new HubFsError('Unavailable', `The Hub did not confirm the commit to ${loc.repo}.`);
      const after = await hub().pathsInfo({ ...ctx, repo, paths: checked });
      for (const path of checked) {
        const oid = after.find((p) => p.path === path)?.oid;
        if (oid) this.seen.set(keyOf(loc, path), oid);
        else this.seen.delete(keyOf(loc, path));
      }
      return { oid: out.commit.oid };
    } catch (err) {
      throw toFsError(err, loc, true);
    }
  }

  private async headOf(loc: HfLocation, ctx: HubCallContext): Promise<string> {
    const params = { ...ctx, name: loc.repo, additionalFields: ['sha' as const] };
    const info = loc.type === 'model' ? await hub().modelInfo(params) : loc.type === 'dataset' ? await hub().datasetInfo(params) : await hub().spaceInfo(params);
    return info.sha;
  }
}
