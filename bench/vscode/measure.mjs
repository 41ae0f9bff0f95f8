// `BENCH_VSCODE=1 npm run bench` (activation section): measures activation in a real VS Code, offline, with the
// project's host scripts (scripts/vscode-host): a session with the fake HF server, code-server (VS Code 1.139), the
// product and bench/vscode/probe installed, and headless Chromium on the workbench (the extension host starts only
// when a browser opens it). Repeats that BENCH_VSCODE_STARTS times (default 3: one activation per start), then
// writes the medians and every start's record to test-results/bench/activation.json, which
// bench/activation.ts reads. The product is this repository (package.json + dist/: `npm run bench` builds dist/ with
// --production first); BENCH_DIST_DIR installs that folder as dist/ instead. Everything started is torn down.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, launchChromium, provisionHost, startVscodeSession, stopAllGroups } from '../../scripts/vscode-host/index.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(REPO_ROOT, 'test-results', 'bench');
const OUTPUT = join(ARTIFACTS, 'activation.json');
const TIMEOUT_MS = Number(process.env.BENCH_VSCODE_TIMEOUT_MS) || 180_000;
/** VS Code starts measured (one activation each); the summary gives medians. */
const STARTS = Number(process.env.BENCH_VSCODE_STARTS) || 3;
const log = (line) => console.error(`bench: vscode: ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The folder to install: the repository, or a staged copy whose dist/ is BENCH_DIST_DIR. */
function productDir() {
  if (!process.env.BENCH_DIST_DIR) return REPO_ROOT;
  const staged = join(REPO_ROOT, '.cache', 'bench-product');
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  for (const rel of ['package.json', 'media']) {
    if (existsSync(join(REPO_ROOT, rel))) cpSync(join(REPO_ROOT, rel), join(staged, rel), { recursive: true });
  }
  cpSync(resolve(process.env.BENCH_DIST_DIR), join(staged, 'dist'), { recursive: true });
  return staged;
}

async function waitForProbe(file, codeServer) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (codeServer.child.exitCode !== null || codeServer.child.signalCode !== null) {
      throw new Error('code-server exited; see test-results/bench/code-server.log');
    }
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    await sleep(250);
  }
  throw new Error(`the probe wrote no result within ${TIMEOUT_MS} ms`);
}

/** One VS Code start: the probe's record of the product's activation. */
async function measureOnce(probeResults) {
  rmSync(probeResults, { force: true });
  let session;
  let browser;
  try {
    session = await startVscodeSession({
      productDir: productDir(),
      logsDir: ARTIFACTS,
      extraExtensions: [{ dir: join(HERE, 'probe'), files: ['package.json', 'extension.js'] }],
      workspaceFiles: { 'sample.md': '# Sample\n\nBenchmark workspace.\n' },
      env: { SARVANOM_BENCH_RESULTS: probeResults },
      log,
    });
    browser = await launchChromium({ profileDir: session.dirs.browserProfile, homeDir: session.dirs.browserHome, logFile: join(ARTIFACTS, 'chromium.log') });
    await browser.page.goto(session.workbenchUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const result = await waitForProbe(probeResults, session.codeServer);
    if (result.error) throw new Error(`probe: ${result.error}`);
    return result;
  } finally {
    await browser?.close().catch(() => {});
    await session?.stop().catch(() => {});
    await stopAllGroups();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** VS Code's own activation time (what Developer: Show Running Extensions shows): code loading + activate(). */
const vscodeActivationMs = (run) => (run.phases && Number.isFinite(run.phases.codeLoadingMs) && Number.isFinite(run.phases.activateMs) ? run.phases.codeLoadingMs + run.phases.activateMs : undefined);

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const probeResults = join(ARTIFACTS, 'probe-results.json');
  await provisionHost({ log });
  const runs = [];
  for (let i = 1; i <= STARTS; i++) {
    const run = await measureOnce(probeResults);
    runs.push(run);
    log(`start ${i}/${STARTS}: activate() resolved after ${run.activationMs.toFixed(1)} ms (code loading ${run.phases?.codeLoadingMs ?? '?'} ms, activate() ${run.phases?.activateMs ?? '?'} ms), active at startup: ${run.activeAtStartup}`);
  }
  const vscodeTimes = runs.map(vscodeActivationMs).filter((v) => v !== undefined);
  const summary = {
    vscodeVersion: runs[0].vscodeVersion,
    measuredAt: new Date().toISOString(),
    starts: runs.length,
    activeAtStartup: runs.some((r) => r.activeAtStartup),
    // The median over the starts of VS Code's own activation time; the probe's wall time when VS Code gave no marks.
    activationMs: vscodeTimes.length === runs.length ? median(vscodeTimes) : median(runs.map((r) => r.activationMs)),
    activationSource: vscodeTimes.length === runs.length ? 'vscode-marks' : 'probe-wall-time',
    wallMs: median(runs.map((r) => r.activationMs)),
    codeLoadingMs: vscodeTimes.length === runs.length ? median(runs.map((r) => r.phases.codeLoadingMs)) : undefined,
    probeCodeLoadingMs: median(runs.map((r) => r.probePhases?.codeLoadingMs ?? Number.NaN)),
    runs,
  };
  writeFileSync(OUTPUT, `${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((err) => {
  log(err instanceof Error ? (process.env.BENCH_DEBUG ? err.stack : err.message) : String(err));
  process.exitCode = 1;
});
