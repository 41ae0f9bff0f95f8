// Test-only extension installed beside the product by bench/vscode/measure.mjs. Once the window has finished
// starting (onStartupFinished, then a settle delay), it records whether the product is already active (it must not
// be: nothing activates it at startup), then times `activate()` on it: loading dist/extension.js and the product's
// activate() resolving. Writes { activeAtStartup, activationMs, vscodeVersion, measuredAt } to SARVANOM_BENCH_RESULTS.
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

async function measure(file) {
  const result = { vscodeVersion: vscode.version, measuredAt: new Date().toISOString() };
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
  } catch (err) {
    result.error = err instanceof Error ? err.stack || err.message : String(err);
  }
  write(file, result);
}

function activate() {
  const file = process.env.SARVANOM_BENCH_RESULTS;
  if (!file) return;
  setTimeout(() => {
    measure(path.resolve(file)).catch((err) => console.error('[sarvanom-bench-probe]', err));
  }, SETTLE_MS);
}

function deactivate() {}

module.exports = { activate, deactivate };
