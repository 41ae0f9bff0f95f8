// Process-table helpers for checking that stopping `npm start` leaves nothing behind: snapshot the tree under a
// pid (children of detached groups included, since they are still descendants while running), then look for
// any of those pids or process groups afterwards.
import { execFileSync } from 'node:child_process';

/** @typedef {{ pid: number, ppid: number, pgid: number, stat: string, args: string }} ProcessRow */

/** @returns {ProcessRow[]} */
export function processTable() {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s?(.*)$/.exec(line))
    .filter(Boolean)
    .map(([, pid, ppid, pgid, stat, args]) => ({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), stat, args }));
}

/** `rootPid` and every process below it. */
export function processTree(rootPid, table = processTable()) {
  const tree = [];
  const frontier = [rootPid];
  while (frontier.length > 0) {
    const pid = frontier.pop();
    const row = table.find((r) => r.pid === pid);
    if (row) tree.push(row);
    for (const child of table.filter((r) => r.ppid === pid)) frontier.push(child.pid);
  }
  return tree;
}

/** Live (non-zombie) processes that were in `tree` or belong to one of its process groups. */
export function survivors(tree, table = processTable()) {
  const pids = new Set(tree.map((r) => r.pid));
  const pgids = new Set(tree.map((r) => r.pgid));
  // The test's own group never counts (it is the parent of the tree, not part of it).
  const own = table.find((r) => r.pid === process.pid);
  if (own) pgids.delete(own.pgid);
  return table.filter((r) => !r.stat.startsWith('Z') && r.pid !== process.pid && (pids.has(r.pid) || pgids.has(r.pgid)));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls until no survivor is left or `timeoutMs` passes; returns what is still alive. */
export async function waitForNoSurvivors(tree, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = survivors(tree);
    if (left.length === 0 || Date.now() > deadline) return left;
    await sleep(250);
  }
}
