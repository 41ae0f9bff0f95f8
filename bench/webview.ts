/**
 * The Hub webview in headless Chromium: dist/webview.js loaded into a static page whose mock host
 * (bench/webview/mockHost.js) restores a view of 1,000 results and answers the `list` request with all of
 * them in one message, once the page is idle and the harness has released it (so Playwright's own work in the
 * page is not inside the measured window). Per page load (PAGE_LOADS, fresh page each):
 * - time to interactive: from the moment the 1,000 results are posted to the first task after the frame that
 *   shows them (rows painted, main thread free for input);
 * - longest frame while scrolling: the list is scrolled top to bottom over SCROLL_FRAMES animation frames and the
 *   longest interval between frames is kept.
 * The medians over the page loads are reported. The page is the extension's own (src/hubView/html.ts: CSP,
 * media/hub.css, codicons); without the stylesheet the list would have no scroll viewport and render every row.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildHubHtml, makeNonce } from '../src/hubView/html';
import { fmt, infoRow, targetRow, unavailableRow, type Row } from './report';
import type { BenchContext, Section, SectionResult } from './section';
import { median } from './stats';

const PAGE_LOADS = 7;
const SCROLL_FRAMES = 120;
const VIEWPORT = { width: 400, height: 800 };
export const CHROMIUM_PATH = process.env.SARVANOM_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.svg': 'image/svg+xml' };

/**
 * The page the extension serves (src/hubView/html.ts: same CSP, stylesheets and root element), with the mock
 * host script added before the bundle under the same nonce.
 */
export function benchPageHtml(origin: string): string {
  const nonce = makeNonce();
  const html = buildHubHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview.js`,
    styleUri: `${origin}/media/hub.css`,
    codiconsUri: `${origin}/media/codicons/codicon.css`,
  });
  const mock = `<script nonce="${nonce}" src="${origin}/bench/webview/mockHost.js"></script>\n`;
  const at = html.indexOf('<script nonce=');
  if (at < 0) throw new Error('src/hubView/html.ts no longer loads its bundle with a nonce script tag');
  return html.slice(0, at) + mock + html.slice(at);
}

/** Serves the page, dist/ (from the measured build), media/ and bench/webview/ (nothing else). */
function startServer(ctx: BenchContext): Promise<{ server: Server; origin: string }> {
  let html = '';
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    if (path === '' || path === 'index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
      return;
    }
    const file = path.startsWith('dist/')
      ? join(ctx.distDir, path.slice('dist/'.length))
      : ['media/', 'bench/webview/'].some((p) => path.startsWith(p))
        ? join(ctx.repoRoot, path)
        : undefined;
    if (!file || path.includes('..') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      html = benchPageHtml(origin);
      resolve({ server, origin });
    });
  });
}

interface LoadResult {
  readonly ttiMs: number;
  /** Parts of ttiMs: posted → the page's message event → first frame showing rows → first task after it. */
  readonly phasesMs: { readonly delivery: number; readonly handleAndRender: number; readonly paint: number };
  readonly sinceNavigationMs: number;
  readonly listItems: number;
  readonly longestFrameMs?: number;
  readonly scrollError?: string;
  readonly renderedRows: number;
  readonly longTasks: number;
  readonly errors: readonly string[];
}

interface BenchMarks {
  listPostedAt?: number;
  listReceivedAt?: number;
  renderedAt?: number;
  interactiveAt?: number;
  listItems: number;
  errors: string[];
  longTasks: unknown[];
  ready: Promise<boolean>;
  release(): Promise<boolean>;
}

interface ScrollResult {
  readonly deltas?: number[];
  readonly error?: string;
  readonly renderedRows: number;
}

/** Runs in the page: scrolls the largest scroll container top to bottom, one step per frame. */
async function scrollInPage(frames: number): Promise<ScrollResult> {
  const rowCount = (): number => document.querySelectorAll('[role="option"]').length;
  let el: Element | null = null;
  let range = 0;
  for (const e of [document.scrollingElement, ...Array.from(document.querySelectorAll('*'))]) {
    if (!e) continue;
    const overflow = getComputedStyle(e).overflowY;
    const d = e.scrollHeight - e.clientHeight;
    if (d > range && (e === document.scrollingElement || overflow === 'auto' || overflow === 'scroll')) {
      range = d;
      el = e;
    }
  }
  if (!el || range < 1000) return { error: 'no scroll container (the page lacks the view stylesheet?)', renderedRows: rowCount() };
  const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
  const deltas: number[] = [];
  let last = await frame();
  for (let i = 1; i <= frames; i++) {
    el.scrollTop = Math.round((range * i) / frames);
    const t = await frame();
    deltas.push(t - last);
    last = t;
  }
  return { deltas, renderedRows: rowCount() };
}

async function loadOnce(browser: Browser, url: string): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    // Held by the mock host until the view asked for the list and the page is idle; then posted, and awaited.
    await page.evaluate(() => (window as unknown as { __bench: BenchMarks }).__bench.ready);
    await page.evaluate(() => (window as unknown as { __bench: BenchMarks }).__bench.release());
    const marks = await page.evaluate(() => (window as unknown as { __bench: BenchMarks }).__bench);
    const scroll = await page.evaluate(scrollInPage, SCROLL_FRAMES);
    const after = await page.evaluate(() => (window as unknown as { __bench: BenchMarks }).__bench);
    const ttiMs = (marks.interactiveAt ?? NaN) - (marks.listPostedAt ?? NaN);
    return {
      ttiMs,
      phasesMs: {
        delivery: (marks.listReceivedAt ?? NaN) - (marks.listPostedAt ?? NaN),
        handleAndRender: (marks.renderedAt ?? NaN) - (marks.listReceivedAt ?? NaN),
        paint: (marks.interactiveAt ?? NaN) - (marks.renderedAt ?? NaN),
      },
      sinceNavigationMs: marks.interactiveAt ?? NaN,
      listItems: marks.listItems,
      ...(scroll.deltas ? { longestFrameMs: Math.max(...scroll.deltas) } : { scrollError: scroll.error }),
      renderedRows: scroll.renderedRows,
      longTasks: after.longTasks.length,
      errors: after.errors,
    };
  } finally {
    await context.close();
  }
}

export const webviewSection: Section = {
  name: 'webview',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const ttiMetric = 'Webview: time to interactive with 1,000 results (headless Chromium)';
    const frameMetric = 'Webview: longest frame while scrolling 1,000 results';
    const missing = [join(ctx.distDir, 'webview.js'), join(ctx.repoRoot, 'bench/webview/mockHost.js')].filter((f) => !existsSync(f));
    if (missing.length > 0 || !existsSync(CHROMIUM_PATH)) {
      const reason = missing.length > 0 ? `${missing.map((f) => relative(ctx.repoRoot, f)).join(', ')} missing` : `${CHROMIUM_PATH} missing`;
      return {
        rows: [unavailableRow('webview', ttiMetric, reason, { op: '<', value: 100, unit: 'ms' }), unavailableRow('webview', frameMetric, reason, { op: '<', value: 50, unit: 'ms' })],
        details: { reason },
      };
    }
    const { server, origin } = await startServer(ctx);
    const url = `${origin}/`;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const loads: LoadResult[] = [];
    try {
      ctx.log(`webview: ${PAGE_LOADS} page loads in headless Chromium, 1,000 results, ${SCROLL_FRAMES}-frame scroll each`);
      for (let i = 0; i < PAGE_LOADS; i++) loads.push(await loadOnce(browser, url));
    } finally {
      await browser.close();
      await new Promise((r) => server.close(r));
    }
    const rows: Row[] = [];
    const tti = median(loads.map((l) => l.ttiMs));
    const items = loads[0].listItems;
    rows.push(targetRow('webview', ttiMetric, tti, `${fmt.ms(tti)} (${items} results in one message)`, { op: '<', value: 100, unit: 'ms' }));
    const frames = loads.map((l) => l.longestFrameMs).filter((v): v is number => v !== undefined);
    if (frames.length === loads.length) {
      const longest = median(frames);
      rows.push(targetRow('webview', frameMetric, longest, `${fmt.ms(longest)} (worst of ${loads.length} loads ${fmt.ms(Math.max(...frames))})`, { op: '<', value: 50, unit: 'ms' }));
    } else {
      rows.push(unavailableRow('webview', frameMetric, loads.find((l) => l.scrollError)?.scrollError ?? 'scroll failed', { op: '<', value: 50, unit: 'ms' }));
    }
    const sinceNavigation = median(loads.map((l) => l.sinceNavigationMs));
    rows.push(infoRow('webview', 'Webview: page navigation → interactive with 1,000 results', fmt.ms(sinceNavigation), sinceNavigation));
    rows.push(infoRow('webview', 'Webview: result rows in the DOM after scrolling (virtualised list)', `${Math.max(...loads.map((l) => l.renderedRows))} of ${items}`));
    return { rows, details: { viewport: VIEWPORT, pageLoads: PAGE_LOADS, scrollFrames: SCROLL_FRAMES, loads } };
  },
};
