// Test-only extension installed beside the product by test/e2e/run.mjs (and loaded by test/e2e/run-electron.mjs).
// On startup it runs the integration suite named by SARVANOM_TEST_ENTRY and writes
// { passed, failed, failures: [{ title, error }], done: true } to SARVANOM_TEST_RESULTS.
// The launcher reads only that file for its verdict, so a result is written whatever happens:
// the entry fails to load, run() throws, or the suite hangs past SARVANOM_TEST_TIMEOUT_MS.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS extension: require() is how it loads modules and the suite */
const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_TIMEOUT_MS = 6 * 60 * 1000;

function writeResults(file, results) {
  // Write-then-rename: the launcher polls this file and must never read half a JSON document.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file);
}

function describeError(err) {
  if (err instanceof Error) return err.stack || `${err.name}: ${err.message}`;
  return String(err);
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`integration suite did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Prefers the suite's runWithReport() (per-test failures); falls back to the bare run() contract. */
async function runEntry(entry) {
  const suite = require(entry);
  if (typeof suite.runWithReport === 'function') return suite.runWithReport();
  if (typeof suite.run !== 'function') throw new Error(`${entry} exports neither run() nor runWithReport()`);
  await suite.run();
  return { passed: 1, failed: 0, failures: [] };
}

async function runSuite(entry, resultsFile) {
  const startedAt = new Date().toISOString();
  writeResults(resultsFile, { done: false, startedAt, passed: 0, failed: 0, failures: [] });
  const timeoutMs = Number(process.env.SARVANOM_TEST_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  let results;
  try {
    const report = await withTimeout(runEntry(entry), timeoutMs);
    results = { passed: report.passed, failed: report.failed, failures: report.failures };
  } catch (err) {
    const partial = err && err.report;
    results = {
      passed: partial ? partial.passed : 0,
      failed: (partial ? partial.failed : 0) + 1,
      failures: [...(partial ? partial.failures : []), { title: 'integration suite run()', error: describeError(err) }],
    };
  }
  writeResults(resultsFile, { ...results, done: true, startedAt, finishedAt: new Date().toISOString() });
  console.log(`[sarvanom-e2e-runner] ${results.passed} passed, ${results.failed} failed`);
}

/** The runner's exports give the suite a real ExtensionContext (secrets, globalState) without touching the product. */
function activate(context) {
  const entry = process.env.SARVANOM_TEST_ENTRY;
  const resultsFile = process.env.SARVANOM_TEST_RESULTS;
  if (entry && resultsFile) {
    // Not awaited: activation must finish first, since the suite itself activates this extension to reach its exports.
    setTimeout(() => {
      runSuite(path.resolve(entry), path.resolve(resultsFile)).catch((err) => {
        console.error('[sarvanom-e2e-runner] could not write results', err);
      });
    }, 0);
  }
  return { context };
}

function deactivate() {}

module.exports = { activate, deactivate };
