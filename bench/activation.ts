/**
 * Activation in a real VS Code. Two sources, newest first:
 * - BENCH_VSCODE=1: bench/vscode/measure.mjs starts code-server + headless Chromium (scripts/vscode-host) with a
 *   probe extension beside the product, three times; in each start, once the window has started and the machine
 *   is quiet, the probe records whether the product is already active, then calls `extension.activate()` and
 *   reads VS Code's own marks of the activation (loading dist/extension.js, activate() called → resolved). Slow
 *   (VS Code starts), so only on request.
 * - otherwise the last timings file a previous run left: test-results/bench/activation.json (written by the
 *   above) or test-results/e2e/activation.json (same shape, if the e2e harness records one).
 * Always: a static check of package.json's activationEvents: no "*" (it would load the extension while the window
 * starts). `onStartupFinished` is the one startup event: it fires once the window is up, so it never delays it, and
 * comment hovers need the extension active before any of its commands ran.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, infoRow, targetRow, unavailableRow, type Row, type Target } from './report';
import type { BenchContext, Section, SectionResult } from './section';

const ACTIVATION_TARGET: Target = { op: '<', value: 50, unit: 'ms' };
const EAGER_EVENTS = ['*'];

/** What bench/vscode/measure.mjs records (also the shape the e2e harness may write). */
export interface ActivationTimings {
  /**
   * Milliseconds from the activation event until activate() resolved: VS Code's own timing of the activation
   * (loading the extension's code + activate() called and resolved, as Developer: Show Running Extensions shows
   * it), the median over `starts` VS Code starts; the probe's wall time when `activationSource` says so.
   */
  readonly activationMs: number;
  /** Whether the product was already active when the window finished starting (in any start). */
  readonly activeAtStartup: boolean;
  readonly activationSource?: 'vscode-marks' | 'probe-wall-time';
  readonly starts?: number;
  /** The probe's wall time around extension.activate(): also VS Code preparing the extension context (median). */
  readonly wallMs?: number;
  /** Loading dist/extension.js, as VS Code times it (median). */
  readonly codeLoadingMs?: number;
  /** The same for the probe, a few lines that require 'vscode': what any extension pays (median). */
  readonly probeCodeLoadingMs?: number;
  readonly vscodeVersion?: string;
  readonly measuredAt?: string;
}

export function isActivationTimings(v: unknown): v is ActivationTimings {
  const o = v as Partial<ActivationTimings> | null;
  return typeof o === 'object' && o !== null && typeof o.activationMs === 'number' && Number.isFinite(o.activationMs) && typeof o.activeAtStartup === 'boolean';
}

/** Activation events that load the extension while the window starts: the contract is that none does. */
export function eagerActivationEvents(manifest: { activationEvents?: unknown }): string[] {
  const events = Array.isArray(manifest.activationEvents) ? manifest.activationEvents.filter((e): e is string => typeof e === 'string') : [];
  return events.filter((e) => EAGER_EVENTS.includes(e));
}

/** A duration a timings file really holds (JSON turns NaN into null). */
function isMs(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function readTimings(file: string): (ActivationTimings & { file: string; mtime: number }) | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isActivationTimings(parsed) ? { ...parsed, file, mtime: statSync(file).mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

function measureInVsCode(ctx: BenchContext): Promise<void> {
  const script = join(ctx.repoRoot, 'bench', 'vscode', 'measure.mjs');
  ctx.log('activation: BENCH_VSCODE=1, starting code-server + Chromium (about a minute)');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ctx.repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bench/vscode/measure.mjs exited with ${code}`))));
  });
}

export const activationSection: Section = {
  name: 'activation',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const rows: Row[] = [];
    const manifest = JSON.parse(readFileSync(join(ctx.repoRoot, 'package.json'), 'utf8')) as { activationEvents?: unknown };
    const eager = eagerActivationEvents(manifest);
    rows.push(
      targetRow(
        'activation',
        'Activation: events that load the extension while the window starts (package.json)',
        eager.length,
        eager.length === 0 ? 'none' : eager.join(', '),
        { op: '==', value: 0, unit: '', text: 'none' },
      ),
    );
    let note: string | undefined;
    if (process.env.BENCH_VSCODE === '1') {
      try {
        await measureInVsCode(ctx);
      } catch (err) {
        note = err instanceof Error ? err.message : String(err);
      }
    }
    const candidates = [join(ctx.repoRoot, 'test-results', 'bench', 'activation.json'), join(ctx.repoRoot, 'test-results', 'e2e', 'activation.json')];
    const found = candidates.map(readTimings).filter((t) => t !== undefined).sort((a, b) => b.mtime - a.mtime)[0];
    if (!found) {
      const reason = note ?? 'no VS Code run recorded activation timings; run with BENCH_VSCODE=1';
      rows.push(unavailableRow('activation', 'Activation: activation event → activate() resolved (real VS Code)', reason, ACTIVATION_TARGET));
      return { rows, details: { eagerEvents: eager, reason } };
    }
    const when = new Date(found.mtime).toISOString();
    const bundle = join(ctx.distDir, 'extension.js');
    const stale = existsSync(bundle) && statSync(bundle).mtimeMs > found.mtime ? ', measured before the current dist/ build' : '';
    const starts = found.starts ?? 1;
    const source = `${starts === 1 ? 'one start' : `median of ${starts} starts`}, ${found.file.slice(ctx.repoRoot.length + 1)}, ${when}${found.vscodeVersion ? `, VS Code ${found.vscodeVersion}` : ''}${stale}`;
    const how = found.activationSource === 'vscode-marks' ? 'VS Code’s own timing: code loading + activate()' : 'wall time of extension.activate()';
    rows.push(
      targetRow('activation', `Activation: activation event → activate() resolved (real VS Code; ${how})`, found.activationMs, fmt.ms(found.activationMs), ACTIVATION_TARGET),
      // onStartupFinished: active once the window is up (for hovers), never while it starts.
      infoRow('activation', 'Activation: active once the window is up (onStartupFinished; real VS Code)', found.activeAtStartup ? 'yes' : 'no', found.activeAtStartup ? 1 : 0),
    );
    const { codeLoadingMs, probeCodeLoadingMs, wallMs } = found;
    if (isMs(codeLoadingMs) && isMs(probeCodeLoadingMs)) {
      rows.push(
        infoRow(
          'activation',
          'Activation: loading dist/extension.js vs a 40-line extension (VS Code’s marks)',
          `${fmt.ms(codeLoadingMs)} vs ${fmt.ms(probeCodeLoadingMs)}`,
          codeLoadingMs,
        ),
      );
    }
    if (isMs(wallMs)) {
      rows.push(
        infoRow('activation', 'Activation: wall time of extension.activate(), incl. VS Code preparing the extension context', fmt.ms(wallMs), wallMs),
      );
    }
    rows.push(infoRow('activation', 'Activation: source of the rows above', source));
    if (note) rows.push(infoRow('activation', 'Activation: this run’s BENCH_VSCODE measurement failed (rows above are older)', note));
    return { rows, details: { eagerEvents: eager, timings: found, ...(note ? { note } : {}) } };
  },
};
