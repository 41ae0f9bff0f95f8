// `BENCH_VSCODE=1 npm run bench` (activation section): measures activation in a real VS Code, offline, with the
// project's host scripts (scripts/vscode-host): a session with the fake HF server, code-server (VS Code 1.139), the
// product and bench/vscode/probe installed, and headless Chromium on the workbench (the extension host starts only
// when a browser opens it). Waits for the probe's result and writes test-results/bench/activation.json, which
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

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const probeResults = join(ARTIFACTS, 'probe-results.json');
  rmSync(probeResults, { force: true });
  let session;
  let browser;
  try {
    await provisionHost({ log });
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
    writeFileSync(OUTPUT, `${JSON.stringify(result, null, 2)}\n`);
    log(`activation ${result.activationMs.toFixed(1)} ms, active at startup: ${result.activeAtStartup}`);
  } finally {
    await browser?.close().catch(() => {});
    await session?.stop().catch(() => {});
    await stopAllGroups();
  }
}

main().catch((err) => {
  log(err instanceof Error ? (process.env.BENCH_DEBUG ? err.stack : err.message) : String(err));
  process.exitCode = 1;
});
