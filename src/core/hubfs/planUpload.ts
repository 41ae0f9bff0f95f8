/**
 * Upload planning for "Deploy folder": which files to send, which a .gitignore leaves out, and which are refused
 * (a path escaping the folder, a file over the size guard). Pure; gitignore subset: comments, blank lines, `!`
 * negation, trailing `/` (folders), `*`, `?`, `**`, and patterns anchored when they contain a `/`.
 */
export interface UploadLimits {
  readonly maxFileBytes: number;
}

export interface PlannedFile {
  readonly path: string;
  readonly size: number;
}

export interface UploadRefusal {
  readonly path: string;
  readonly reason: string;
}

export interface UploadPlan {
  readonly send: PlannedFile[];
  readonly ignored: string[];
  readonly refused: UploadRefusal[];
}

interface Rule {
  readonly negate: boolean;
  readonly dirOnly: boolean;
  readonly re: RegExp;
}

function globToRegExp(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

export function parseGitignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globToRegExp(line);
    rules.push({ negate, dirOnly, re: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}${dirOnly ? '/' : '(?:/|$)'}`) });
  }
  return rules;
}

/** True when the last rule matching `path` (or one of its folders) ignores it. */
export function isIgnored(rules: readonly Rule[], path: string): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.re.test(path)) ignored = !rule.negate;
  return ignored;
}

function escapes(path: string): boolean {
  return path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split(/[\\/]/).some((s) => s === '..');
}

export function planUpload(files: readonly PlannedFile[], gitignoreText: string, limits: UploadLimits): UploadPlan {
  const rules = parseGitignore(gitignoreText);
  const plan: { send: PlannedFile[]; ignored: string[]; refused: UploadRefusal[] } = { send: [], ignored: [], refused: [] };
  for (const f of files) {
    if (escapes(f.path)) plan.refused.push({ path: f.path, reason: `${f.path} is outside the folder` });
    else if (f.path === '.git' || f.path.startsWith('.git/') || isIgnored(rules, f.path)) plan.ignored.push(f.path);
    else if (f.size > limits.maxFileBytes) plan.refused.push({ path: f.path, reason: `${f.path} is ${f.size} bytes, over the ${limits.maxFileBytes}-byte limit` });
    else plan.send.push(f);
  }
  return plan;
}
