import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MonthlyQuota } from '../../../../src/core/routing/quota';
import type { QuotaThreshold } from '../../../../src/core/routing/quotaTally';
import { FakeClock } from '../../support/fakeClock';
import { MemoryStore } from '../../support/memoryStore';
import { reserveMany, tempLedgerDir } from '../../support/quotaHelpers';

const NOVEMBER = 'quota-2026-11.log';

/** Two VS Code windows are two MonthlyQuota instances over one directory (and one globalState). */
describe('MonthlyQuota ledger shared by windows', () => {
  let dir: string;
  let clock: FakeClock;
  let store: MemoryStore;
  let errors: string[];

  const window = (limit: number): MonthlyQuota => new MonthlyQuota({ store, clock, limit, dir, onError: (m) => errors.push(m) });
  const lines = (file = NOVEMBER): string[] => readFileSync(join(dir, file), 'latin1').split('\n').filter(Boolean);

  beforeEach(() => {
    dir = tempLedgerDir();
    clock = new FakeClock('2026-11-25T12:00:00Z');
    store = new MemoryStore();
    errors = [];
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts exactly when two windows interleave their requests', async () => {
    const a = window(100);
    const b = window(100);
    for (let round = 0; round < 3; round++) {
      await reserveMany(a, 2);
      await reserveMany(b, 2);
    }
    assert.equal((await a.refresh()).used, 12);
    assert.equal((await b.refresh()).used, 12);
    assert.equal(window(100).usage().used, 12, 'a window started now');
    assert.deepEqual(errors, []);
  });

  it('never grants past the limit between two windows, taking turns or all at once', async () => {
    const a = window(5);
    const b = window(5);
    let granted = 0;
    for (let i = 0; i < 4; i++) for (const w of [a, b]) if ((await w.reserve()).granted) granted++;
    assert.equal(granted, 5);

    const c = window(12);
    const d = window(12);
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? c : d).reserve()));
    assert.equal(all.filter((r) => r.granted).length, 12 - 5);
    assert.equal((await c.refresh()).used, 12);
  });

  it('reports each threshold once across windows, in the window whose request crossed it', async () => {
    const a = window(20);
    const b = window(20);
    const crossed: Array<[string, QuotaThreshold]> = [];
    for (let i = 0; i < 12; i++) {
      for (const [name, w] of [['a', a], ['b', b]] as const) {
        const c = (await w.reserve()).crossing;
        if (c) crossed.push([name, c.threshold]);
      }
    }
    // Requests alternate a, b, a, b…: the 16th (b) reaches 80 %, the 19th (a) 95 %, the 20th (b) 100 %.
    assert.deepEqual(crossed, [
      ['b', 80],
      ['a', 95],
      ['b', 100],
    ]);
  });

  it('keeps one short line per request, refused ones included, in quota-YYYY-MM.log', async () => {
    const quota = window(1);
    await quota.reserve();
    await quota.reserve();
    assert.deepEqual(readdirSync(dir), [NOVEMBER]);
    assert.deepEqual(
      lines().map((l) => l.replace(/ \S+$/, ' <id>')),
      ['R 1 1 <id>', 'R 1 1 <id>'],
    );
    assert.equal(quota.usage().used, 1);
  });

  it('carries the globalState count of the current month over once, however many windows start', async () => {
    store.data.set('sarvanom.quota.monthly', { month: '2026-11', used: 9, reported: [80] });
    const a = window(10);
    const b = window(10);
    assert.equal(a.usage().used, 9);
    assert.equal(b.usage().used, 9);
    const c = (await b.reserve()).crossing;
    assert.equal(c?.threshold, 100, '80 % was already reported before the carry-over');
    assert.equal((await a.refresh()).used, 10);
    assert.equal(window(10).usage().used, 10);
    assert.equal(lines().filter((l) => l.startsWith('C ')).length, 1);
  });

  it('does not carry over a count from another month', () => {
    store.data.set('sarvanom.quota.monthly', { month: '2026-10', used: 9, reported: [] });
    assert.equal(window(10).usage().used, 0);
  });

  it('replays only complete lines: a line still being written waits, a torn one is skipped', async () => {
    const quota = window(10);
    appendFileSync(join(dir, NOVEMBER), 'R 1 10 other.0\nR 1 1');
    assert.equal((await quota.refresh()).used, 1);
    appendFileSync(join(dir, NOVEMBER), '0 other.1\nR 1 1R 1 10 torn.0\n');
    assert.equal((await quota.refresh()).used, 2);
    assert.equal(window(10).usage().used, 2);
  });

  it('a clock set back keeps counting into the latest ledger month, also for a window started then', async () => {
    clock = new FakeClock('2026-12-01T00:30:00Z');
    await reserveMany(window(100), 3);
    clock.setWallClock('2026-11-30T23:00:00Z');
    const started = window(100);
    await started.reserve();
    assert.deepEqual(started.usage(), { used: 4, limit: 100, month: '2026-12', fraction: 0.04 });
    assert.deepEqual(readdirSync(dir), ['quota-2026-12.log']);
  });

  it('deletes ledgers more than a year older than the current month', () => {
    for (const month of ['2025-10', '2025-11', '2026-10']) writeFileSync(join(dir, `quota-${month}.log`), '');
    writeFileSync(join(dir, 'unrelated.txt'), '');
    window(10).usage();
    assert.deepEqual(readdirSync(dir).sort(), ['quota-2025-11.log', 'quota-2026-10.log', 'unrelated.txt']);
  });

  it('falls back to globalState and says why when the directory cannot be created', async () => {
    writeFileSync(join(dir, 'file'), '');
    const quota = new MonthlyQuota({ store, clock, limit: 10, dir: join(dir, 'file', 'quota'), onError: (m) => errors.push(m) });
    await quota.reserve();
    assert.equal(errors.length, 1);
    assert.match(errors[0], /Could not create the quota ledger directory/);
    assert.equal(new MonthlyQuota({ store, clock, limit: 10 }).usage().used, 1);
  });

  it('keeps counting in the window, and says why, when the ledger cannot be written', async () => {
    mkdirSync(join(dir, NOVEMBER)); // a directory where the file should be: reads and appends fail
    const quota = window(2);
    assert.equal((await quota.reserve()).granted, true);
    assert.equal((await quota.reserve()).granted, true);
    assert.equal((await quota.reserve()).granted, false);
    assert.equal(quota.usage().used, 2);
    assert.equal(errors.length, 1, 'said once, not once per request');
    assert.match(errors[0], /Could not read the quota ledger/);
  });

  it('counts exactly when two processes append at the same time', async function () {
    this.timeout(60_000);
    const perProcess = 200;
    const limit = 300;
    const children = [runReserver(dir, perProcess, limit), runReserver(dir, perProcess, limit)];
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const granted = await Promise.all(children.map((c) => c.granted));
    assert.equal(granted[0] + granted[1], limit);
    assert.equal(lines().length, 2 * perProcess);
    assert.equal(window(limit).usage().used, limit);
  });
});

interface Reserver {
  readonly ready: Promise<void>;
  go(): void;
  readonly granted: Promise<number>;
}

/** Compiled next to this test in out/: the child requires the same build of the quota. */
const QUOTA_MODULE = resolve(__dirname, '../../../../src/core/routing/quota.js');

/**
 * A child process that opens the ledger, says "ready", waits for "go" on stdin (so both children append
 * over the same stretch of time), then reserves `count` requests ten at a time and prints how many were granted.
 */
function runReserver(dir: string, count: number, limit: number): Reserver {
  const script = `
    const { MonthlyQuota } = require(${JSON.stringify(QUOTA_MODULE)});
    const now = Date.parse('2026-11-25T12:00:00Z');
    const clock = { now: () => now, monotonicNow: () => 0, sleep: async () => undefined };
    const store = { get: () => undefined, update: async () => undefined };
    const quota = new MonthlyQuota({ store, clock, limit: ${limit}, dir: ${JSON.stringify(dir)} });
    process.stdout.write('ready\\n');
    process.stdin.once('data', async () => {
      let granted = 0;
      for (let i = 0; i < ${count}; i += 10) {
        const batch = await Promise.all(Array.from({ length: 10 }, () => quota.reserve()));
        granted += batch.filter((r) => r.granted).length;
      }
      process.stdout.write('granted ' + granted + '\\n');
      process.exit(0);
    });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => (onReady = resolveReady));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('ready\n')) onReady();
  });
  const granted = new Promise<number>((resolveGranted, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const match = /granted (\d+)/.exec(out);
      if (code === 0 && match) resolveGranted(Number(match[1]));
      else reject(new Error(`reserver exited with ${code}: ${out}`));
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), granted };
}
