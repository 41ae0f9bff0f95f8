// Starts child processes each in their own process group (detached) and stops whole groups, because
// code-server, chromium and npm all fork helpers that outlive their first pid. Every group started here is
// remembered so `stopAllGroups()` (called from `finally` and from signal handlers) leaves nothing behind.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** @type {Set<import('node:child_process').ChildProcess>} */
const live = new Set();

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns `command` as the leader of a new process group.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions & { logFile?: string }} [options]
 */
export function spawnGroup(command, args, options = {}) {
  const { logFile, ...spawnOptions } = options;
  // A log file is handed over as a file descriptor: no pipe for grandchildren to hold open, nothing lost at exit.
  const fd = logFile ? openSync(logFile, 'a') : undefined;
  const stdio = fd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd];
  const child = spawn(command, args, { stdio, ...spawnOptions, detached: true });
  if (fd !== undefined) closeSync(fd);
  live.add(child);
  child.once('exit', () => {
    // The leader exiting does not end its group; keep tracking until stopGroup confirms it.
    if (!groupAlive(child.pid)) live.delete(child);
  });
  return child;
}

/** SIGTERM the group, wait up to `graceMs`, then SIGKILL what is left. */
export async function stopGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  const pid = child.pid;
  if (groupAlive(pid)) {
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
    while (groupAlive(pid) && Date.now() < deadline + 2000) await sleep(50);
  }
  live.delete(child);
}

export async function stopAllGroups() {
  await Promise.all([...live].map((child) => stopGroup(child)));
}

/** Synchronous last resort for `process.on('exit')`: no waiting is possible there. */
export function killAllGroupsNow() {
  for (const child of live) if (child.pid) signalGroup(child.pid, 'SIGKILL');
  live.clear();
}

/**
 * Runs a command to completion in its own group, output appended to `logFile`.
 * Rejects with the log's last lines when it exits non-zero.
 */
export function runLogged(command, args, { logFile, ...options }) {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(command, args, { ...options, logFile });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      void stopGroup(child, 500).then(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); see ${logFile}\n${tail}`));
      });
    });
  });
}
