// Installs extensions into a code-server --extensions-dir the way VS Code lays them out itself:
// one folder per extension named `publisher.name-version`, holding its package.json and runtime files.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** What the packaged product needs at run time (the bundle has no node_modules). Missing entries are skipped. */
export const PRODUCT_FILES = ['package.json', 'package.nls.json', 'dist', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE'];

export function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/**
 * Copies `files` (relative to `sourceDir`) into `<extensionsDir>/<publisher>.<name>-<version>`.
 * @returns {{ id: string, dir: string, manifest: Record<string, unknown> }}
 */
export function installExtensionFolder(sourceDir, extensionsDir, files = PRODUCT_FILES) {
  const manifest = readManifest(sourceDir);
  const { publisher, name, version } = manifest;
  if (!publisher || !name || !version) throw new Error(`${sourceDir}/package.json lacks publisher, name or version`);
  const main = typeof manifest.main === 'string' ? join(sourceDir, manifest.main) : undefined;
  if (main && !existsSync(main) && !existsSync(`${main}.js`)) throw new Error(`${manifest.main} is missing in ${sourceDir}: build it first`);
  const dir = join(extensionsDir, `${publisher}.${name}-${version}`);
  for (const rel of files) {
    const from = join(sourceDir, rel);
    if (existsSync(from)) cpSync(from, join(dir, rel), { recursive: true, filter: (src) => !src.endsWith('.meta.json') });
  }
  return { id: `${publisher}.${name}`, dir, manifest };
}

/** True for a folder VS Code would take as a version of `id` (`publisher.name-<version>`, any version). */
function isVersionOf(folder, id) {
  const lower = folder.toLowerCase();
  const prefix = `${id.toLowerCase()}-`;
  return lower.startsWith(prefix) && /^\d/.test(lower.slice(prefix.length));
}

/** Rewrites a JSON file through `edit` when it exists and parses; a file VS Code would rebuild anyway is left alone otherwise. */
function editJsonFile(path, edit) {
  if (!existsSync(path)) return;
  let data;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return;
  }
  writeFileSync(path, JSON.stringify(edit(data)));
}

/**
 * Points VS Code's records in a persistent extensions dir at the folder just installed for `id`. Once
 * extensions.json exists VS Code 1.139 loads only the folders it lists, so the entry is replaced (a missing file is
 * left missing: VS Code then scans every folder and writes it). An "uninstalled" mark in .obsolete is dropped too.
 */
export function registerExtensionFolder(extensionsDir, { id, dir, manifest }) {
  const lower = id.toLowerCase();
  editJsonFile(join(extensionsDir, 'extensions.json'), (list) => {
    if (!Array.isArray(list)) return list;
    const others = list.filter((e) => String(e?.identifier?.id ?? '').toLowerCase() !== lower);
    const location = { $mid: 1, path: dir, scheme: 'file' };
    return [...others, { identifier: { id }, version: manifest.version, location, relativeLocation: basename(dir) }];
  });
  editJsonFile(join(extensionsDir, '.obsolete'), (marks) =>
    Object.fromEntries(Object.entries(marks ?? {}).filter(([key]) => !isVersionOf(key, id))),
  );
}

/**
 * Installs `sourceDir` as the only version of itself in a persistent `extensionsDir` (e.g. `npm start`'s profile):
 * copied into a staging folder first and swapped in only when complete, so a failed copy never leaves a
 * half-installed extension; every other version of it is removed.
 * @returns {{ id: string, dir: string, manifest: Record<string, unknown> }}
 */
export function replaceExtensionFolder(sourceDir, extensionsDir, files = PRODUCT_FILES) {
  mkdirSync(extensionsDir, { recursive: true });
  const staging = mkdtempSync(join(extensionsDir, '.staging-'));
  try {
    const staged = installExtensionFolder(sourceDir, staging, files);
    for (const entry of readdirSync(extensionsDir)) {
      if (isVersionOf(entry, staged.id)) rmSync(join(extensionsDir, entry), { recursive: true, force: true });
    }
    const dir = join(extensionsDir, basename(staged.dir));
    renameSync(staged.dir, dir);
    const installed = { ...staged, dir };
    registerExtensionFolder(extensionsDir, installed);
    return installed;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
