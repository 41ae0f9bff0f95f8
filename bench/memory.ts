/**
 * Memory: runs bench/memoryChild.ts in its own `node --expose-gc` process (a clean heap, and gc() without
 * exposing it to the whole benchmark) against this run's fake server, and compares the heap after 1,000
 * requests and 200 searches with the heap before them, both after full GCs.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fmt, infoRow, targetRow } from './report';
import type { BenchContext, Section, SectionResult } from './section';

const LIMIT_BYTES = 5 * 1024 * 1024;

interface ChildReport {
  readonly cold: number;
  readonly before: number;
  readonly after: number;
  readonly requests: number;
  readonly searches: number;
  readonly cacheEntries: number;
}

function runChild(ctx: BenchContext): Promise<ChildReport> {
  const { hubUrl, routerUrl, datasetsServerUrl } = ctx.fake;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(__dirname, 'memoryChild.js')], {
      cwd: ctx.repoRoot,
      env: { ...process.env, BENCH_FAKE_URLS: JSON.stringify({ hubUrl, routerUrl, datasetsServerUrl }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`memory child exited with ${code}: ${err.trim().split('\n').slice(0, 4).join(' / ')}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ChildReport);
      } catch {
        reject(new Error(`memory child printed no report: ${out.slice(0, 200)}`));
      }
    });
  });
}

export const memorySection: Section = {
  name: 'memory',
  async run(ctx: BenchContext): Promise<SectionResult> {
    ctx.fake.reset();
    ctx.log('memory: 1,000 requests and 200 searches in a --expose-gc child process');
    const r = await runChild(ctx);
    ctx.fake.reset();
    const growth = r.after - r.before;
    return {
      rows: [
        targetRow(
          'memory',
          `Memory: heap growth after ${r.requests.toLocaleString('en-US')} requests + ${r.searches} searches, after GC`,
          Math.round((growth / (1024 * 1024)) * 100) / 100,
          `${growth >= 0 ? '+' : ''}${fmt.mb(growth)} (${fmt.mb(r.before)} → ${fmt.mb(r.after)})`,
          { op: '<=', value: 5, unit: 'MB' },
        ),
        infoRow('memory', 'Memory: heap of the warmed-up core (router + Hub service, caches full) over a cold start', `+${fmt.mb(r.before - r.cold)}`),
      ],
      details: { ...r, growthBytes: growth, limitBytes: LIMIT_BYTES },
    };
  },
};
