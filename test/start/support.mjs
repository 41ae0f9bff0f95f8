// Running the command under test: to completion (with a time limit), or in the background in its own process
// group (so the test can send SIGINT to the whole group, as a terminal's Ctrl+C does) with its output kept.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @returns {{ child: import('node:child_process').ChildProcess, stdout: () => string, stderr: () => string,
 *   waitForLine: (re: RegExp, timeoutMs: number) => Promise<string>,
 *   exited: (timeoutMs: number) => Promise<{ code: number | null, signal: string | null }> }}
 */
export function startCommand(command, args, { cwd, env }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
  const exit = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForLine(re, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no line matching ${re} within ${timeoutMs} ms\n${err.slice(-2000)}`)), timeoutMs);
        const onData = () => {
          const line = out.split('\n').find((l) => re.test(l));
          if (line) finish(undefined, re.exec(line)[1] ?? line);
        };
        const finish = (error, value) => {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          if (error) reject(error);
          else resolve(value);
        };
        child.stdout.on('data', onData);
        void exit.then(({ code, signal }) => finish(new Error(`exited (${signal ?? code}) before printing a line matching ${re}\n${err.slice(-3000)}`)));
        onData();
      });
    },
    exited(timeoutMs) {
      const timeout = new Promise((resolve) => setTimeout(() => resolve({ code: null, signal: `still running after ${timeoutMs} ms` }), timeoutMs).unref());
      return Promise.race([exit, timeout]);
    },
  };
}

/** Runs to completion; a run over `timeoutMs` is killed (its whole group) and reported with signal SIGKILL. */
export async function runCommand(command, args, { cwd, env, timeoutMs }) {
  const run = startCommand(command, args, { cwd, env });
  const result = await run.exited(timeoutMs);
  if (result.code === null && run.child.exitCode === null) {
    try {
      process.kill(-run.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await run.exited(5000);
  }
  return { ...result, stdout: run.stdout(), stderr: run.stderr() };
}

/** Files under `dir` (recursively) whose content includes `needle`. */
export function fileContaining(dir, needle) {
  const hits = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) hits.push(...fileContaining(path, needle));
    else if (stat?.isFile() && stat.size < 64 * 1024 * 1024 && readFileSync(path).includes(needle)) hits.push(path);
  }
  return hits;
}
