// `npm start [-- <folder>]`: the extension in a real VS Code in the browser, with one command and no VS Code
// desktop. Checks prerequisites (before writing anything), builds dist/, provisions node 24 + code-server into
// .cache/vscode-host/ (the same cache the real-VS Code tests use), reinstalls the product into an isolated
// profile, serves the workbench on 127.0.0.1 and stays in the foreground. Ctrl+C (SIGINT), SIGTERM or SIGHUP
// stop every child process group. `--help` lists the environment variables.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startCodeServer } from '../vscode-host/code-server.mjs';
import { CACHE_DIR, CODE_SERVER_VERSION, NODE_MAJOR, REPO_ROOT } from '../vscode-host/config.mjs';
import { killAllGroupsNow, stopAllGroups } from '../vscode-host/process-group.mjs';
import { provisionHost } from '../vscode-host/provision.mjs';
import { StartError, USAGE, readStartOptions } from './options.mjs';
import { checkDependencies, checkPlatform, checkPortFree, checkSystemPackages } from './preflight.mjs';
import { lockProfile, prepareProfile, removeRunDirs } from './profile.mjs';

const say = (line) => console.error(`start: ${line}`);

/** Thrown into a step that a stop request interrupted. */
class Stopped extends Error {}

/**
 * Resolves with the first SIGINT/SIGTERM/SIGHUP. Later signals are ignored: a terminal's Ctrl+C reaches npm and
 * this process at once and npm forwards it again, and teardown is bounded anyway (a few seconds per group).
 */
function stopRequested() {
  return new Promise((resolve) => {
    let seen = false;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        if (!seen) resolve(signal);
        seen = true;
      });
    }
  });
}

/** `node esbuild.mjs` (what `npm run build` runs); its output is shown only when it fails. */
function buildProduct(children) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new StartError(`Building the extension failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}

function logTail(file, lines = 30) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}

/** Paths inside the repository are shown relative to it, others as they are. */
const shown = (p) => (p.startsWith(`${REPO_ROOT}/`) ? relative(REPO_ROOT, p) : p);

function banner({ url, options, dirs, port }) {
  return [
    '',
    `SarvanOM is running in VS Code for the Web (code-server ${CODE_SERVER_VERSION}). Open:`,
    '',
    `  ${url}`,
    '',
    `Folder:       ${options.folder}`,
    `Hugging Face: ${options.services.join('; ')}`,
    `Profile:      ${shown(dirs.root)} (logs in ${shown(dirs.logs)})`,
    `Remote machine? Forward the port first: ssh -L ${port}:127.0.0.1:${port} <host>`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

async function main() {
  const options = readStartOptions(process.argv.slice(2), process.env, { repoRoot: REPO_ROOT, cwd: process.cwd() });
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  // Before anything is built, downloaded or written: a missing prerequisite leaves no half-installed state.
  checkPlatform();
  checkDependencies(REPO_ROOT);
  checkSystemPackages();
  if (options.port) await checkPortFree(options.port);

  const stop = stopRequested();
  const untilStopped = (step) => Promise.race([step, stop.then(() => Promise.reject(new Stopped()))]);
  const children = new Set();
  let release;
  let dirs;
  const cleanUpNow = () => {
    killAllGroupsNow();
    for (const child of children) child.kill('SIGKILL');
    removeRunDirs(dirs);
    release?.();
  };
  // A step interrupted by a stop may still spawn a group after teardown; the exit hook kills it.
  process.once('exit', cleanUpNow);
  try {
    say('building the extension');
    await untilStopped(buildProduct(children));
    await untilStopped(provisionHost({ needBrowser: false, log: say }).catch((err) => {
      throw new StartError(
        `Setting up VS Code for the Web (node ${NODE_MAJOR} and code-server from the npm registry) failed:\n` +
          `${err.message.split('\n').slice(0, 12).join('\n')}\n` +
          `Nothing half-installed was kept in ${shown(CACHE_DIR)}; fix the cause (registry reachable?) and run npm start again.`,
      );
    }));
    release = lockProfile(options.profileDir);
    const prepared = prepareProfile({ ...options, productDir: REPO_ROOT });
    dirs = prepared.dirs;
    say(`installed ${prepared.product.id}@${prepared.product.manifest.version} into ${shown(prepared.product.dir)}`);
    const logFile = join(dirs.logs, 'code-server.log');
    rmSync(logFile, { force: true });
    say('starting code-server');
    const codeServer = await untilStopped(
      startCodeServer({ dirs, env: options.extensionEnv, logFile, port: options.port, startTimeoutMs: 120_000 }).catch((err) => {
        throw new StartError(`code-server did not start: ${err.message}\nLast lines of ${logFile}:\n${logTail(logFile)}`);
      }),
    );
    const url = `${codeServer.url}/?folder=${encodeURIComponent(options.folder)}`;
    console.log(banner({ url, options, dirs, port: codeServer.port }));
    const exited = new Promise((resolve) => codeServer.child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
    const outcome = await Promise.race([stop.then(() => undefined), exited]);
    if (outcome !== undefined) {
      say(`code-server stopped unexpectedly (${outcome}); last lines of ${logFile}:\n${logTail(logFile)}`);
      return 1;
    }
    say('stopping');
    return 0;
  } catch (err) {
    if (!(err instanceof Stopped)) throw err;
    say('stopped before the workbench was ready');
    return 0;
  } finally {
    await stopAllGroups();
    cleanUpNow();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // Provisioning and code-server errors carry their own explanation; a stack helps only when debugging.
    say(err instanceof Error && !process.env.SARVANOM_START_DEBUG ? err.message : (err?.stack ?? String(err)));
    process.exit(1);
  },
);
