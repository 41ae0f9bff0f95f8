// Installs extensions into a code-server --extensions-dir the way VS Code lays them out itself:
// one folder per extension named `publisher.name-version`, holding its package.json and runtime files.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
