// Launches the system Chromium headless in its own process group and attaches playwright-core over CDP.
// Spawning it ourselves (rather than chromium.launch) lets teardown kill the whole browser tree by group,
// exactly like code-server's.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './config.mjs';
import { spawnGroup, stopGroup } from './process-group.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-dev-shm-usage',
  // A headless workbench is never "visible" to the OS; keep its timers and renderer at full speed.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--password-store=basic',
  '--mute-audio',
  '--disable-breakpad',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function devToolsPort(profileDir, child, timeoutMs) {
  const file = join(profileDir, 'DevToolsActivePort');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`chromium exited early (${child.exitCode ?? child.signalCode})`);
    if (existsSync(file)) {
      const [port] = readFileSync(file, 'utf8').split('\n');
      if (/^\d+$/.test(port)) return Number(port);
    }
    await sleep(100);
  }
  throw new Error(`chromium did not open a DevTools port within ${timeoutMs} ms`);
}

/**
 * playwright-core makes a `playwright-artifacts-*` dir in os.tmpdir() per connection and has no public option to
 * move it; os.tmpdir() reads TMPDIR on each call, so point it into the session's root while connecting.
 */
async function connectWithTmpDir(endpointURL, tmpDir) {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmpDir;
  try {
    return await chromium.connectOverCDP(endpointURL);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/**
 * `homeDir` becomes the browser's HOME, XDG dirs and TMPDIR, so its crash-report database and shared-memory files
 * stay inside the session's temp root instead of ~/.config/chromium and /tmp.
 * `homeDir` defaults to a `chromium-home` folder beside `profileDir`.
 * @param {{ profileDir: string, homeDir?: string, logFile: string, width?: number, height?: number, headless?: boolean }} options
 * @returns {Promise<{ browser: import('playwright-core').Browser, page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
export async function launchChromium({ profileDir, homeDir: home, logFile, width = 1440, height = 900, headless = true }) {
  const homeDir = home ?? join(profileDir, '..', 'chromium-home');
  mkdirSync(homeDir, { recursive: true });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} not found: apt-get install -y chromium`);
  const args = [
    ...CHROMIUM_ARGS.filter((a) => headless || a !== '--headless'),
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    `--window-size=${width},${height}`,
    'about:blank',
  ];
  const env = {
    ...process.env,
    HOME: homeDir,
    XDG_CONFIG_HOME: join(homeDir, '.config'),
    XDG_CACHE_HOME: join(homeDir, '.cache'),
    TMPDIR: homeDir,
  };
  const child = spawnGroup(CHROMIUM_PATH, args, { logFile, env });
  let browser;
  try {
    const port = await devToolsPort(profileDir, child, 30_000);
    browser = await connectWithTmpDir(`http://127.0.0.1:${port}`, homeDir);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width, height });
    return {
      browser,
      page,
      close: async () => {
        await browser.close().catch(() => {});
        await stopGroup(child);
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    await stopGroup(child);
    throw err;
  }
}
