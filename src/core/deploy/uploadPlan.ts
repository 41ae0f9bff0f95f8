/**
 * What "Deploy Folder to a Space…" and "Upload to a Model or Dataset Repo…" send: the folder's files minus what its
 * `.gitignore` files (and the Hub's own rules: `.git/`, caches) leave out, refusing paths that could land outside the
 * repo or the folder, with a size guard said in numbers before anything is uploaded. Pure: the glue lists the folder
 * (sizes, symlinks resolved) and hands the plan to @huggingface/hub, which takes large files through its own
 * large-file path. Unit-tested in plain node.
 */
import ignore, { type Ignore } from 'ignore';
import { formatBytes } from '../units/bytes';

export interface FolderEntry {
  /** Relative to the folder, `/`-separated. */
  readonly path: string;
  readonly size: number;
  /** A symlink whose target is outside the folder (the glue resolves links): never sent. */
  readonly outside?: boolean;
}

export interface UploadLimits {
  /** The whole upload: refused above this, before anything is sent. */
  readonly maxTotalBytes: number;
  readonly maxFiles: number;
  /** Files from this size up go through the client's large-file path (LFS/xet); said in the plan. */
  readonly largeFileBytes: number;
}

/** The Hub's own guards: about what a browser upload accepts in one commit. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxTotalBytes: 1_000_000_000, maxFiles: 5_000, largeFileBytes: 10_000_000 };

export interface PlannedFile {
  readonly path: string;
  readonly size: number;
  readonly large: boolean;
}

export interface UploadPlan {
  readonly send: readonly PlannedFile[];
  /** Left out by a `.gitignore` or the built-in rules. */
  readonly ignored: readonly string[];
  /** Never sent, with why (an escaping path, a link outside the folder). */
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
  readonly totalBytes: number;
  /** Set when nothing may be uploaded at all: too big, too many files, nothing to send. */
  readonly problem?: string;
}

/** Never uploaded, whatever the `.gitignore` says: version control, caches, secrets' usual homes. */
const BUILT_IN_RULES = ['.git/', '.hg/', '.svn/', '.DS_Store', '__pycache__/', '*.pyc', 'node_modules/', '.venv/', '.env'];

/** `path` may be a repo path: relative, `/`-separated, no `.`/`..` segments, no control characters or backslashes. */
export function unsafePathReason(path: string): string | undefined {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'not a path inside the folder';
  if (path.includes('\\')) return 'a backslash in the name';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'a control character in the name';
  if (path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return 'it would land outside the folder';
  return undefined;
}

/**
 * The plan for `entries`, with the `.gitignore` files found in the folder (`dir` '' for the root, else `a/b`), whose
 * rules apply below their own directory as git applies them.
 */
export function planUpload(entries: readonly FolderEntry[], gitignores: ReadonlyMap<string, string>, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): UploadPlan {
  const matchers: { readonly dir: string; readonly rules: Ignore }[] = [{ dir: '', rules: ignore().add(BUILT_IN_RULES) }];
  for (const [dir, text] of [...gitignores].sort(([a], [b]) => a.length - b.length)) matchers.push({ dir, rules: ignore().add(text) });
  const send: PlannedFile[] = [];
  const ignored: string[] = [];
  const refused: { path: string; reason: string }[] = [];
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const unsafe = unsafePathReason(entry.path);
    if (unsafe) refused.push({ path: entry.path, reason: unsafe });
    else if (entry.outside) refused.push({ path: entry.path, reason: 'a link to a file outside the folder' });
    else if (isIgnored(entry.path, matchers)) ignored.push(entry.path);
    else send.push({ path: entry.path, size: entry.size, large: entry.size >= limits.largeFileBytes });
  }
  const totalBytes = send.reduce((sum, f) => sum + f.size, 0);
  const problem =
    send.length === 0
      ? 'There is nothing to upload: every file is ignored or refused.'
      : send.length > limits.maxFiles
        ? `The folder has ${send.length.toLocaleString('en-US')} files to upload; the limit is ${limits.maxFiles.toLocaleString('en-US')}. Add the ones not needed to .gitignore.`
        : totalBytes > limits.maxTotalBytes
          ? `The folder holds ${formatBytes(totalBytes)} to upload; the limit is ${formatBytes(limits.maxTotalBytes)}. Add large files not needed to .gitignore.`
          : undefined;
  return { send, ignored, refused, totalBytes, ...(problem ? { problem } : {}) };
}

function isIgnored(path: string, matchers: readonly { readonly dir: string; readonly rules: Ignore }[]): boolean {
  // Later (deeper) files decide over earlier ones, as in git: a nested `!keep.txt` re-includes.
  let verdict = false;
  for (const { dir, rules } of matchers) {
    if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
    const rel = dir === '' ? path : path.slice(dir.length + 1);
    const result = rules.test(rel);
    if (result.ignored) verdict = true;
    else if (result.unignored) verdict = false;
  }
  return verdict;
}
