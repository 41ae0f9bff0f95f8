// Starts code-server (VS Code 1.139's server + web workbench) isolated under a HostDirs temp root, on loopback,
// in its own process group, and waits until it answers HTTP. Used by the e2e launcher and by `npm start`.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY, NODE_BIN } from './config.mjs';
import { spawnGroup, stopGroup } from './process-group.mjs';
import { node24Env } from './provision.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/** Environment variables the extension host must not inherit from the developer's shell. */
const SCRUBBED_ENV = ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HF_ENDPOINT', 'HF_HUB_OFFLINE', 'VSCODE_IPC_HOOK_CLI', 'ELECTRON_RUN_AS_NODE'];

/**
 * @param {{ dirs: import('./host-dirs.mjs').HostDirs, env?: Record<string, string>, logFile: string,
 *   port?: number, startTimeoutMs?: number }} options
 * @returns {Promise<{ url: string, port: number, workbenchUrl: string, child: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ dirs, env = {}, logFile, port, startTimeoutMs = 60_000 }) {
  const chosenPort = port ?? (await freePort());
  const baseEnv = node24Env();
  for (const key of SCRUBBED_ENV) delete baseEnv[key];
  const childEnv = {
    ...baseEnv,
    // code-server keeps logs and state under XDG dirs; keep them inside the temp root, not in $HOME.
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    XDG_STATE_HOME: join(dirs.xdg, 'state'),
    // Its IPC sockets (vscode-ipc-*.sock) go to the temp dir; keep them inside the root that teardown removes.
    TMPDIR: dirs.tmp,
    ...env,
  };
  const args = [
    CODE_SERVER_ENTRY,
    '--config', dirs.configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    dirs.workspace,
  ];
  const child = spawnGroup(NODE_BIN, args, { env: childEnv, cwd: dirs.root, logFile });
  const url = `http://127.0.0.1:${chosenPort}`;
  try {
    await waitForHttp(`${url}/healthz`, child, startTimeoutMs);
  } catch (err) {
    await stopGroup(child);
    throw err;
  }
  return {
    url,
    port: chosenPort,
    workbenchUrl: `${url}/?folder=${encodeURIComponent(dirs.workspace)}`,
    child,
    stop: () => stopGroup(child),
  };
}
