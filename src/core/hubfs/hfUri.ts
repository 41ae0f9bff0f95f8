/**
 * `hf://{models|datasets|spaces}/{owner}/{name}/{path}`: the repo a URI names and the file path inside it.
 * Pure: callers pass the URI's authority and path (vscode's Uri.authority / Uri.path).
 */
export type HfRepoType = 'model' | 'dataset' | 'space';

export interface HfLocation {
  readonly type: HfRepoType;
  /** `owner/name` */
  readonly repo: string;
  /** Path inside the repo without a leading slash; '' for the repo's root. */
  readonly path: string;
}

export const HF_SCHEME = 'hf';

const TYPES: Readonly<Record<string, HfRepoType>> = { models: 'model', datasets: 'dataset', spaces: 'space' };
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The location, or a message saying what is wrong with the URI. */
export function parseHfUri(authority: string, path: string): HfLocation | { error: string } {
  const type = TYPES[authority];
  if (!type) return { error: `hf:// URIs start with models/, datasets/ or spaces/ (got "${authority}")` };
  const segs = path.split('/').filter((s) => s !== '');
  if (segs.length < 2) return { error: 'hf:// URIs name a repo as owner/name' };
  const [owner, name, ...rest] = segs;
  if (!NAME.test(owner) || !NAME.test(name)) return { error: `Not a repo name: ${owner}/${name}` };
  if (rest.some((s) => s === '.' || s === '..')) return { error: 'hf:// paths cannot contain . or .. segments' };
  return { type, repo: `${owner}/${name}`, path: rest.join('/') };
}

/** The `authority` and `path` of the URI of `loc` (inverse of parseHfUri). */
export function formatHfUri(loc: HfLocation): { authority: string; path: string } {
  const authority = `${loc.type}s`;
  return { authority, path: `/${loc.repo}${loc.path ? `/${loc.path}` : ''}` };
}

/** The default commit message for a save of `path`. */
export function defaultCommitMessage(verb: 'Update' | 'Create' | 'Delete' | 'Rename', path: string, to?: string): string {
  return to ? `Rename ${path} to ${to} from VS Code` : `${verb} ${path} from VS Code`;
}
