// `npm run test:e2e`: the extension in a real VS Code (code-server 4.139 = VS Code 1.139) driven by headless
// Chromium, fully offline against the fake HF server. Steps: build tests (and dist/ if missing), provision the host
// into .cache/vscode-host/, start a session (fake HF, fresh workspace + user data + extensions dir, code-server),
// open the workbench in Chromium, wait for the runner extension's results file, run the browser cases on the same
// page, print `N passed, N failed`. Every process group and temp dir is torn down whatever happens.
//
// Env: SARVANOM_E2E_TIMEOUT_MS (results wait, default 8 min), SARVANOM_E2E_PRODUCT_DIR (install another built
// product folder instead of this repo), SARVANOM_E2E_KEEP=1 (keep the temp root for debugging), SARVANOM_E2E_GREP=text
// (only the integration and browser cases whose title contains it, and none of the whole-run checks: for a quick look).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  REPO_ROOT, buildForVscodeTests, killAllGroupsNow, launchChromium, provisionHost, startVscodeSession, stopAllGroups,
} from '../../scripts/vscode-host/index.mjs';
import { scanForTokens } from './secretScan.mjs';
import { watchTokenApprovals } from './tokenApprovals.mjs';

const ARTIFACTS = join(REPO_ROOT, 'test-results', 'e2e');
const RESULTS_FILE = join(ARTIFACTS, 'integration-results.json');
const SUITE_ENTRY = join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const BROWSER_CASES_DIR = join(REPO_ROOT, 'out', 'test', 'browser');
const RUNNER_DIR = join(REPO_ROOT, 'test', 'e2e', 'runner-extension');
const RESULTS_TIMEOUT_MS = Number(process.env.SARVANOM_E2E_TIMEOUT_MS) || 8 * 60 * 1000;
const PRODUCT_DIR = resolve(process.env.SARVANOM_E2E_PRODUCT_DIR ?? REPO_ROOT);
const GREP = process.env.SARVANOM_E2E_GREP ?? '';

const log = (line) => console.error(`e2e: ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls the runner's results file until it says done; fails fast when code-server dies. */
async function waitForResults(codeServer) {
  const deadline = Date.now() + RESULTS_TIMEOUT_MS;
  let started = false;
  while (Date.now() < deadline) {
    if (codeServer.child.exitCode !== null || codeServer.child.signalCode !== null) {
      throw new Error('code-server exited before the integration suite finished; see test-results/e2e/code-server.log');
    }
    if (existsSync(RESULTS_FILE)) {
      const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
      if (results.done) return results;
      if (!started) log('integration suite started in the extension host');
      started = true;
    }
    await sleep(500);
  }
  throw new Error(
    started
      ? `the integration suite did not finish within ${RESULTS_TIMEOUT_MS} ms`
      : `the runner extension never started within ${RESULTS_TIMEOUT_MS} ms (extension host did not come up?)`,
  );
}

async function loadBrowserCases() {
  if (!existsSync(BROWSER_CASES_DIR)) return [];
  const files = readdirSync(BROWSER_CASES_DIR).filter((f) => f.endsWith('.cases.js')).sort();
  const all = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(BROWSER_CASES_DIR, file)).href);
    const cases = mod.cases ?? mod.default?.cases;
    if (!Array.isArray(cases)) throw new Error(`${file} does not export cases: BrowserCase[]`);
    all.push(...cases.filter((c) => c.name.includes(GREP)));
  }
  return all;
}

async function runBrowserCases(ctx) {
  const outcomes = [];
  for (const c of await loadBrowserCases()) {
    const t0 = Date.now();
    try {
      await c.run(ctx);
      outcomes.push({ title: `browser: ${c.name}`, ok: true, ms: Date.now() - t0 });
    } catch (err) {
      outcomes.push({ title: `browser: ${c.name}`, ok: false, error: err?.stack ?? String(err), ms: Date.now() - t0 });
      await ctx.page.screenshot({ path: join(ctx.artifactsDir, `failed-${outcomes.length}.png`) }).catch(() => {});
    }
  }
  return outcomes;
}

function installSignalHandlers(teardown) {
  const onSignal = (signal, code) => {
    log(`${signal}: tearing down`);
    void teardown().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('exit', killAllGroupsNow);
}

async function main() {
  const timings = {};
  let session;
  let browser;
  let approvals;
  let tornDown;
  const teardown = () =>
    (tornDown ??= (async () => {
      await approvals?.stop().catch(() => {});
      await browser?.close().catch(() => {});
      await session?.stop().catch(() => {});
      await stopAllGroups();
    })());
  installSignalHandlers(teardown);

  const integration = { passed: 0, failed: 0, failures: [] };
  let browserOutcomes = [];
  let setupError;
  try {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    buildForVscodeTests({ buildProduct: PRODUCT_DIR === REPO_ROOT });

    let t = Date.now();
    await provisionHost({ log });
    timings.provisionMs = Date.now() - t;

    t = Date.now();
    session = await startVscodeSession({
      productDir: PRODUCT_DIR,
      logsDir: ARTIFACTS,
      extraExtensions: [{ dir: RUNNER_DIR, files: ['package.json', 'extension.js'] }],
      keepDirs: process.env.SARVANOM_E2E_KEEP === '1',
      log,
      env: {
        SARVANOM_TEST_ENTRY: SUITE_ENTRY,
        SARVANOM_TEST_RESULTS: RESULTS_FILE,
        SARVANOM_TEST_TIMEOUT_MS: String(Math.max(RESULTS_TIMEOUT_MS - 30_000, 30_000)),
        ...(GREP ? { SARVANOM_TEST_GREP: GREP } : {}),
      },
    });
    timings.codeServerReadyMs = Date.now() - t;

    browser = await launchChromium({
      profileDir: session.dirs.browserProfile,
      homeDir: session.dirs.browserHome,
      logFile: join(ARTIFACTS, 'chromium.log'),
    });
    const consoleLog = [];
    browser.page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
    browser.page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
    await browser.page.goto(session.workbenchUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // The fake server is on loopback, not a Hugging Face host: the product asks before sending the token there.
    const fakeHosts = new Set(Object.values(session.fake ?? {}).map((u) => new URL(u).host));
    approvals = watchTokenApprovals(browser.page, { approve: (host) => fakeHosts.has(host), log });

    const results = await waitForResults(session.codeServer);
    timings.codeServerToResultsMs = Date.now() - t;
    Object.assign(integration, { passed: results.passed, failed: results.failed, failures: results.failures });

    t = Date.now();
    browserOutcomes = await runBrowserCases({
      page: browser.page,
      workbenchUrl: session.workbenchUrl,
      artifactsDir: ARTIFACTS,
      repoRoot: REPO_ROOT,
      workspaceDir: session.dirs.workspace,
      userDataDir: session.dirs.userData,
      fake: session.fake,
    });
    timings.browserCasesMs = Date.now() - t;
    writeFileSync(join(ARTIFACTS, 'browser-console.log'), consoleLog.join('\n'));
    if (!GREP) browserOutcomes.push(tokenScanOutcome(session), approvalOutcome(approvals, session));
  } catch (err) {
    setupError = err;
  } finally {
    await teardown();
  }
  return report({ integration, browserOutcomes, setupError, timings });
}

/** The product asked before the token went to the fake's hosts (loopback, not Hugging Face): reported like a browser case. */
function approvalOutcome(approvals, session) {
  const title = 'token: the product asked (a modal) before sending the token to each non-Hugging Face host, once per host';
  const hosts = approvals.answers.filter((a) => a.sent).map((a) => a.host);
  const needed = [session.fake.hubUrl, session.fake.routerUrl].map((u) => new URL(u).host);
  const missing = needed.filter((h) => !hosts.includes(h));
  const twice = hosts.filter((h, i) => hosts.indexOf(h) !== i);
  const problem = missing.length > 0 ? `never asked for ${missing.join(', ')}` : twice.length > 0 ? `asked more than once for ${twice.join(', ')}` : undefined;
  return { title, ok: problem === undefined, ms: 0, ...(problem ? { error: `${problem}; answers: ${JSON.stringify(approvals.answers)}` } : {}) };
}

/** The run's logs (the product's output channel among them) hold no token: reported like a browser case. */
function tokenScanOutcome(session) {
  const started = Date.now();
  const title = 'logs: no token appears in any log written during the run';
  const { scanned, productLog, leaks } = scanForTokens([
    join(session.dirs.userData, 'logs'),
    join(ARTIFACTS, 'code-server.log'),
    join(ARTIFACTS, 'chromium.log'),
    join(ARTIFACTS, 'browser-console.log'),
  ]);
  const problem = !productLog
    ? `the "Hugging Face" output log was not found among ${scanned.length} files, so the scan would prove nothing`
    : leaks.length > 0
      ? `token-shaped text in ${leaks.map((l) => `${l.file}:${l.line} (${l.text})`).join(', ')}`
      : undefined;
  return { title, ok: problem === undefined, ms: Date.now() - started, ...(problem ? { error: problem } : {}) };
}

function indent(text) {
  return String(text).split('\n').slice(0, 8).join('\n    ');
}

function report({ integration, browserOutcomes, setupError, timings }) {
  const out = (line) => console.log(line);
  out(`integration (extension host): ${integration.passed} passed, ${integration.failed} failed`);
  for (const f of integration.failures) out(`  FAIL ${f.title}\n    ${indent(f.error)}`);
  for (const o of browserOutcomes) {
    out(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.title} (${o.ms} ms)`);
    if (!o.ok) out(`    ${indent(o.error)}`);
  }
  if (setupError) out(`e2e setup failed: ${setupError?.stack ?? setupError}`);
  out(`timings: ${JSON.stringify(timings)}; logs and screenshots in test-results/e2e/`);
  const passed = integration.passed + browserOutcomes.filter((o) => o.ok).length;
  const failed = integration.failed + browserOutcomes.filter((o) => !o.ok).length + (setupError ? 1 : 0);
  out(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = await main();
