// Test-only extension installed beside the product by bench/vscode/measure.mjs. Once the window has finished
// starting (onStartupFinished, a settle delay, then until the machine is quiet), it records whether the product is
// already active (it must not be: nothing activates it at startup), then calls `activate()` on it and reads VS
// Code's own marks of that activation (loading dist/extension.js; activate() called and resolved). Writes
// { activeAtStartup, activationMs (wall time), phases, probePhases, quiet, vscodeVersion, measuredAt } to
// SARVANOM_BENCH_RESULTS.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS extension */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const vscode = require('vscode');

const PRODUCT_ID = 'sarvanom.sarvanom-hf';
/** Startup activations (views restored, workspace events) finish within this after onStartupFinished. */
const SETTLE_MS = 3000;

function write(file, result) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file);
}

/**
 * VS Code's own marks around the activation (vs/base/common/performance keeps them on
 * globalThis.MonacoPerformanceMarks in the extension host): loading the extension's code, and its activate() from call to resolved. The rest of the
 * probe's time is VS Code preparing the ExtensionContext (storage and secrets), in parallel with the loading.
 */
function phases(id) {
  const perf = globalThis.MonacoPerformanceMarks;
  const marks = perf && typeof perf.getMarks === 'function' ? perf.getMarks() : [];
  const at = (name) => {
    const mark = marks.find((m) => m.name === `code/extHost/${name}/${id}`);
    return mark ? mark.startTime : undefined;
  };
  const span = (from, to) => {
    const a = at(from);
    const b = at(to);
    return a === undefined || b === undefined ? undefined : b - a;
  };
  return {
    codeLoadingMs: span('willLoadExtensionCode', 'didLoadExtensionCode'),
    activateMs: span('willActivateExtension', 'didActivateExtension'),
  };
}

async function measure(file, quiet) {
  const result = { vscodeVersion: vscode.version, measuredAt: new Date().toISOString(), quiet };
  const ext = vscode.extensions.getExtension(PRODUCT_ID);
  if (!ext) {
    write(file, { ...result, error: `${PRODUCT_ID} is not installed` });
    return;
  }
  result.activeAtStartup = ext.isActive;
  const started = performance.now();
  try {
    await ext.activate();
    result.activationMs = performance.now() - started;
    result.phases = phases(PRODUCT_ID);
    // The same marks for this probe (a few lines that require 'vscode'): VS Code's floor for any extension.
    result.probePhases = phases('sarvanom.sarvanom-bench-probe');
  } catch (err) {
    result.error = err instanceof Error ? err.stack || err.message : String(err);
  }
  write(file, result);
}

/** Whole-machine CPU counters (Linux /proc/stat): [idle, total] jiffies, or undefined elsewhere. */
function cpuTimes() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return [fields[3] + (fields[4] || 0), fields.reduce((a, b) => a + b, 0)];
  } catch {
    return undefined;
  }
}

/**
 * Waits until the machine is quiet: the workbench in headless Chromium keeps both cores busy for a while after
 * onStartupFinished, and an activation timed then measures the contention, not the extension. Quiet = at least
 * QUIET_IDLE of the CPU idle over a QUIET_WINDOW_MS window; gives up after QUIET_MAX_MS. Returns what it saw.
 */
async function waitForQuiet() {
  const QUIET_IDLE = 0.85;
  const QUIET_WINDOW_MS = 500;
  const QUIET_MAX_MS = 30_000;
  const started = Date.now();
  let idleShare;
  while (Date.now() - started < QUIET_MAX_MS) {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, QUIET_WINDOW_MS));
    const b = cpuTimes();
    if (!a || !b) return { waitedMs: Date.now() - started };
    idleShare = (b[0] - a[0]) / Math.max(1, b[1] - a[1]);
    if (idleShare >= QUIET_IDLE) break;
  }
  return { waitedMs: Date.now() - started, idleShare };
}

function activate() {
  const file = process.env.SARVANOM_BENCH_RESULTS;
  if (!file) return;
  setTimeout(() => {
    waitForQuiet()
      .then((quiet) => measure(path.resolve(file), quiet))
      .catch((err) => console.error('[sarvanom-bench-probe]', err));
  }, SETTLE_MS);
}

function deactivate() {}

module.exports = { activate, deactivate };
