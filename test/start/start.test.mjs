// `node test/start/start.test.mjs [--direct]`: the `npm start` command, end to end.
//  1. A missing system package (simulated: pkg-config finds no .pc files) fails fast with the exact apt-get line,
//     exit code non-zero, and nothing built, provisioned or written.
//  2. With a cold cache and the npm registry unreachable, provisioning fails with a message and keeps nothing.
//  3. `npm start -- <folder>` with HF_ENDPOINT / HF_ROUTER_URL pointing at the fake Hugging Face server and
//     HF_TOKEN set: the printed URL loads in headless Chromium, "Summarize Selection" on a file writes the fake's
//     deterministic summary (requests reach the fake Hub and router with the token), the profile is isolated
//     (HOME stays empty, stale versions are replaced), the token is never printed, and Ctrl+C (SIGINT to the
//     command's process group, as a terminal sends it) leaves no process behind.
// `--direct` runs `node scripts/start/main.mjs` instead of `npm start` (before package.json has the script).
// Env: SARVANOM_START_TEST_TIMEOUT_MS (wait for the URL; default 15 min, a cold cache builds code-server),
// SARVANOM_START_TEST_KEEP=1 keeps the temp root. Artifacts (output, screenshots) go to test-results/start/.
import { watchTokenApprovals } from '../e2e/tokenApprovals.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/vscode-host/config.mjs';
import { launchChromium } from '../../scripts/vscode-host/chromium.mjs';
import { freePort } from '../../scripts/vscode-host/code-server.mjs';
import { startFakeHf } from '../../scripts/vscode-host/fake-hf.mjs';
import { killAllGroupsNow, stopAllGroups } from '../../scripts/vscode-host/process-group.mjs';
import { summarizeFileInWorkbench, workbenchHelpersBuilt } from './editorAction.mjs';
import { processTree, waitForNoSurvivors } from './processes.mjs';
import { fileContaining, runCommand, startCommand } from './support.mjs';

const DIRECT = process.argv.includes('--direct');
const URL_TIMEOUT_MS = Number(process.env.SARVANOM_START_TEST_TIMEOUT_MS) || 15 * 60 * 1000;
const ARTIFACTS = join(REPO_ROOT, 'test-results', 'start');
const TOKEN = 'hf_fake_valid_token';
const NOTES = 'The quick brown fox jumps over the lazy dog. It was a sunny day in the park.\n';
const EXPECTED_SUMMARY = 'Summary: The quick brown fox jumps over the lazy dog.';
const PRODUCT = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const PRODUCT_ID = `${PRODUCT.publisher}.${PRODUCT.name}`;

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok: Boolean(ok) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${String(detail).split('\n').join('\n     ')}`}`);
  return Boolean(ok);
}

/** The environment `npm start` gets: the caller's, minus npm's own variables and XDG dirs (so HOME decides). */
function baseEnv(overrides) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$|XDG_)/i.test(k)));
  for (const key of ['HF_TOKEN', 'HF_ENDPOINT', 'HF_ROUTER_URL', 'HF_DATASETS_SERVER_URL', 'PORT', 'SARVANOM_START_PROFILE']) delete env[key];
  // An empty HOME proves nothing is written there; npm's own config and cache stay where they are.
  if (existsSync(join(homedir(), '.npmrc'))) env.npm_config_userconfig = join(homedir(), '.npmrc');
  env.npm_config_cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  env.npm_config_update_notifier = 'false';
  return { ...env, ...overrides };
}

function commandLine(folder) {
  return DIRECT ? [process.execPath, ['scripts/start/main.mjs', folder]] : ['npm', ['start', '--', folder]];
}

async function missingPrerequisiteCase(root) {
  const emptyPkgConfig = join(root, 'no-pc-files');
  mkdirSync(emptyPkgConfig);
  const cache = join(root, 'missing-cache');
  const profile = join(root, 'missing-profile');
  const distBefore = statSync(join(REPO_ROOT, 'dist', 'extension.js'), { throwIfNoEntry: false })?.mtimeMs;
  const [cmd, args] = commandLine(root);
  const run = await runCommand(cmd, args, {
    cwd: REPO_ROOT,
    timeoutMs: 60_000,
    env: baseEnv({ HOME: join(root, 'home'), PKG_CONFIG_LIBDIR: emptyPkgConfig, PKG_CONFIG_PATH: emptyPkgConfig, SARVANOM_VSCODE_HOST_CACHE: cache, SARVANOM_START_PROFILE: profile }),
  });
  const line = 'apt-get install -y libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev';
  check('missing system package: exits non-zero', run.code !== 0 && run.code !== null, `exit ${run.code} ${run.signal ?? ''}`);
  check('missing system package: prints the exact apt-get line', run.stderr.includes(line), run.stderr);
  check('missing system package: no cache or profile was created', !existsSync(cache) && !existsSync(profile));
  const distAfter = statSync(join(REPO_ROOT, 'dist', 'extension.js'), { throwIfNoEntry: false })?.mtimeMs;
  check('missing system package: nothing was built', distBefore === distAfter);
}

async function unreachableRegistryCase(root) {
  const cache = join(root, 'cold-cache');
  const profile = join(root, 'cold-profile');
  const [cmd, args] = commandLine(root);
  const run = await runCommand(cmd, args, {
    cwd: REPO_ROOT,
    timeoutMs: 120_000,
    // A cold cache and a registry on a closed port: provisioning fails at its first download.
    env: baseEnv({ HOME: join(root, 'home'), SARVANOM_VSCODE_HOST_CACHE: cache, SARVANOM_START_PROFILE: profile, npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' }),
  });
  check('registry unreachable: exits non-zero and says what failed', run.code !== 0 && run.code !== null && run.stderr.includes('Nothing half-installed was kept'), `exit ${run.code}\n${run.stderr.slice(-1500)}`);
  const left = existsSync(cache) ? readdirSync(cache) : [];
  check('registry unreachable: nothing half-installed in the cache, no profile', left.length === 0 && !existsSync(profile), left.join());
}

function prepareDirs(root) {
  const dirs = Object.fromEntries(['workspace', 'profile', 'home', 'tmp', 'browser-profile', 'browser-home'].map((n) => [n, join(root, n)]));
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.workspace, 'notes.md'), NOTES);
  // A version left by an earlier start: it must be replaced, not loaded beside the new one.
  const stale = join(dirs.profile, 'extensions', `${PRODUCT_ID}-0.0.1`);
  mkdirSync(stale, { recursive: true });
  writeFileSync(join(stale, 'package.json'), JSON.stringify({ ...PRODUCT, version: '0.0.1' }));
  return dirs;
}

async function editorActionCase(ctx) {
  const { page } = ctx.browser;
  await page.goto(ctx.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  // HF_ENDPOINT / HF_ROUTER_URL point at the fake on loopback: the product asks before the token goes there.
  const fakeHosts = new Set([ctx.fake.hubUrl, ctx.fake.routerUrl].map((u) => new URL(u).host));
  const approvals = watchTokenApprovals(page, { approve: (host) => fakeHosts.has(host), log: () => undefined });
  let saved;
  try {
    saved = await summarizeFileInWorkbench(page, { workspaceDir: ctx.dirs.workspace, fileName: 'notes.md', expected: EXPECTED_SUMMARY });
  } finally {
    await approvals.stop();
  }
  check('token: the product asked before sending the token to the fake router (not a Hugging Face host)', approvals.answers.some((a) => a.sent && a.host === new URL(ctx.fake.routerUrl).host), JSON.stringify(approvals.answers));
  await page.screenshot({ path: join(ARTIFACTS, 'summarized.png') }).catch(() => {});
  check('editor action: the summary lands as a comment above the untouched text', saved.startsWith('<!--') && saved.endsWith(NOTES) && saved.includes(EXPECTED_SUMMARY), saved);
  const requests = await (await fetch(`${ctx.fake.hubUrl}/__fake/requests`)).json();
  const authed = (listener) => requests.some((r) => r.listener === listener && r.headers.authorization === `Bearer ${TOKEN}`);
  check('HF_ENDPOINT is honoured: the Hub requests went to the fake Hub, with the HF_TOKEN', authed('hub'), JSON.stringify(requests.map((r) => `${r.listener} ${r.url}`)));
  check('HF_ROUTER_URL is honoured: the inference request went to the fake router, with the HF_TOKEN', authed('router'));
}

function profileChecks(ctx) {
  const installed = readdirSync(join(ctx.dirs.profile, 'extensions')).filter((e) => e.startsWith(`${PRODUCT_ID}-`));
  check('profile: exactly the freshly built version is installed', installed.join() === `${PRODUCT_ID}-${PRODUCT.version}`, installed.join());
  const machine = readFileSync(join(ctx.dirs.profile, 'user-data', 'Machine', 'settings.json'), 'utf8');
  check('profile: the router URL is in the profile\'s remote settings', machine.includes(JSON.stringify(ctx.fake.routerUrl)), machine);
}

function killQuietly(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Everything after startup: the editor action, a snapshot of the process tree, Ctrl+C, the leftovers. */
async function whileRunning(ctx) {
  const port = Number(new URL(ctx.url).port);
  check('prints a 127.0.0.1 URL on the PORT it was given', ctx.url.startsWith('http://127.0.0.1:') && port === ctx.port, ctx.url);
  ctx.browser = await launchChromium({ profileDir: ctx.dirs['browser-profile'], homeDir: ctx.dirs['browser-home'], logFile: join(ARTIFACTS, 'chromium.log') });
  const t0 = Date.now();
  try {
    await editorActionCase(ctx);
    console.log(`     (editor action in ${Date.now() - t0} ms)`);
  } catch (err) {
    check('editor action: Summarize Selection on notes.md', false, err?.stack ?? err);
    await ctx.browser.page.screenshot({ path: join(ARTIFACTS, 'failed.png') }).catch(() => {});
  }
  profileChecks(ctx);

  const tree = processTree(ctx.command.child.pid);
  check('process snapshot: code-server runs under the command', tree.some((r) => r.args.includes('code-server')), tree.map((r) => r.args).join('\n'));
  // Ctrl+C in a terminal: SIGINT to the whole foreground process group.
  process.kill(-ctx.command.child.pid, 'SIGINT');
  const t1 = Date.now();
  const exit = await ctx.command.exited(30_000);
  console.log(`     (stopped in ${Date.now() - t1} ms)`);
  // npm re-raises the SIGINT it received once its script has exited; `node scripts/start/main.mjs` exits 0.
  const cleanExit = (exit.code === 0 || exit.signal === 'SIGINT') && ctx.command.stderr().includes('start: stopping');
  check('Ctrl+C: the command stops cleanly', cleanExit, `exit ${exit.code} ${exit.signal ?? ''}\n${ctx.command.stderr().slice(-1500)}`);
  const left = await waitForNoSurvivors(tree, 10_000);
  check(`Ctrl+C: none of the ${tree.length} processes is left`, left.length === 0, left.map((r) => `${r.pid} ${r.args.slice(0, 160)}`).join('\n'));
  for (const row of left) killQuietly(row.pid);
  check('Ctrl+C: the run\'s temp dir and the profile lock are removed', readdirSync(ctx.dirs.tmp).length === 0 && !existsSync(join(ctx.dirs.profile, '.lock')), readdirSync(ctx.dirs.tmp).join());
}

async function npmStartCase(root) {
  const dirs = prepareDirs(root);
  const fake = await startFakeHf({ logFile: join(ARTIFACTS, 'fake-hf.log') });
  if (!fake) throw new Error('out/test/fake-hf/cli.js is missing: run node test/build-tests.mjs');
  const port = await freePort();
  const [cmd, args] = commandLine(dirs.workspace);
  const command = startCommand(cmd, args, {
    cwd: REPO_ROOT,
    env: baseEnv({
      HOME: dirs.home, TMPDIR: dirs.tmp, PORT: String(port), SARVANOM_START_PROFILE: dirs.profile, HF_TOKEN: TOKEN,
      HF_ENDPOINT: fake.urls.hubUrl, HF_ROUTER_URL: fake.urls.routerUrl, HF_DATASETS_SERVER_URL: fake.urls.datasetsServerUrl,
    }),
  });
  const ctx = { dirs, fake: fake.urls, port, command };
  try {
    const t0 = Date.now();
    ctx.url = await command.waitForLine(/^\s*(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)\s*$/, URL_TIMEOUT_MS);
    console.log(`     (workbench URL after ${Date.now() - t0} ms)`);
    await whileRunning(ctx);
  } finally {
    await ctx.browser?.close().catch(() => {});
    if (command.child.exitCode === null) killQuietly(-command.child.pid);
    await fake.stop();
    writeFileSync(join(ARTIFACTS, 'npm-start.log'), `${command.stdout()}\n--- stderr ---\n${command.stderr()}`);
  }
  const output = command.stdout() + command.stderr();
  check('the token is never printed', !output.includes(TOKEN));
  check('nothing is written to HOME (no ~/.config, ~/.local, ~/.vscode*)', readdirSync(dirs.home).length === 0, readdirSync(dirs.home).join());
  const leaks = fileContaining(dirs.profile, TOKEN);
  check('the token is in no file of the profile', leaks.length === 0, leaks.join('\n'));
}

async function main() {
  const t0 = Date.now();
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  // Only when missing: rebuilding out/ would pull it from under a concurrent e2e run.
  if (!existsSync(join(REPO_ROOT, 'out', 'test', 'fake-hf', 'cli.js')) || !workbenchHelpersBuilt()) {
    execFileSync(process.execPath, ['test/build-tests.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const root = mkdtempSync(join(tmpdir(), 'sarvanom-start-test-'));
  process.once('exit', killAllGroupsNow);
  try {
    await missingPrerequisiteCase(root);
    await unreachableRegistryCase(root);
    console.log(`     (failure cases in ${Date.now() - t0} ms)`);
    await npmStartCase(root);
  } catch (err) {
    check('npm start test ran to the end', false, err?.stack ?? err);
  } finally {
    await stopAllGroups();
    if (process.env.SARVANOM_START_TEST_KEEP === '1') console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
  const failed = results.filter((r) => !r.ok).length;
  const passed = results.length - failed;
  console.log(`npm start test: ${failed === 0 && passed > 0 ? 'PASS' : 'FAIL'}: ${passed} passed, ${failed} failed in ${Math.round((Date.now() - t0) / 1000)} s (${DIRECT ? 'node scripts/start/main.mjs' : 'npm start'}); artifacts in test-results/start/`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = await main();
