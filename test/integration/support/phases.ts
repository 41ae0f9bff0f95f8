// The two phases of the integration suite in the offline e2e run (test/e2e/run.mjs), and the files they hand over.
//
// Phase "main" runs every `*.test.js` except `*.afterReload.test.js`, then writes the hand-over file. The browser
// phase later reloads the workbench page, which starts a NEW extension host; the runner extension starts the suite
// again there, and index.ts, finding the hand-over file, runs only the `*.afterReload.test.js` files. That is how
// a case proves that state (the quota count in globalState, the token in SecretStorage) survives a window reload
// without killing the suite that checks it. No `vscode` import here: the browser cases read these files too.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const AFTER_RELOAD_SUFFIX = '.afterReload.test.js';

/**
 * "chatWindow": the browser's chat cases (test/browser/04-chat.cases.ts) turn VS Code's AI features on and reload the
 * page once more; that window runs no integration test (it is there for the chat view), so the suite ends at once.
 */
export type Phase = 'main' | 'afterReload' | 'chatWindow';

/** Written by phase "main" when it finished. */
export interface HandOver {
  readonly pid: number;
  readonly finishedAt: string;
  readonly passed: number;
  readonly failed: number;
}

/** Written by the browser case right before it reloads the page: the count the workbench showed. */
export interface QuotaBeforeReload {
  readonly used: number;
  readonly month: string;
}

export const HANDOVER_FILE = 'integration-handover.json';
export const QUOTA_BEFORE_RELOAD_FILE = 'quota-before-reload.json';
/** Written by the chat cases right before their reload: the next window is the chat window. */
export const CHAT_WINDOW_FILE = 'chat-window.json';

/** Folder of the runner's results file (test-results/e2e/), or undefined outside the offline e2e run. */
export function resultsDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env.SARVANOM_TEST_RESULTS;
  return file ? dirname(file) : undefined;
}

function readJson<T>(dir: string | undefined, name: string): T | undefined {
  if (!dir || !existsSync(join(dir, name))) return undefined;
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

export function readHandOver(dir = resultsDir()): HandOver | undefined {
  return readJson<HandOver>(dir, HANDOVER_FILE);
}

export function writeHandOver(handOver: HandOver, dir = resultsDir()): void {
  if (dir) writeFileSync(join(dir, HANDOVER_FILE), JSON.stringify(handOver, null, 2));
}

export function readQuotaBeforeReload(dir = resultsDir()): QuotaBeforeReload | undefined {
  return readJson<QuotaBeforeReload>(dir, QUOTA_BEFORE_RELOAD_FILE);
}

export function writeQuotaBeforeReload(quota: QuotaBeforeReload, dir: string): void {
  writeFileSync(join(dir, QUOTA_BEFORE_RELOAD_FILE), JSON.stringify(quota, null, 2));
}

/** A host that finds the hand-over file is a reloaded window: it runs the after-reload phase. */
export function currentPhase(dir = resultsDir()): Phase {
  if (dir && existsSync(join(dir, CHAT_WINDOW_FILE))) return 'chatWindow';
  return readHandOver(dir) ? 'afterReload' : 'main';
}

export function writeChatWindowMarker(dir: string): void {
  writeFileSync(join(dir, CHAT_WINDOW_FILE), JSON.stringify({ at: new Date().toISOString() }));
}

export function isFileOfPhase(file: string, phase: Phase): boolean {
  return file.endsWith(AFTER_RELOAD_SUFFIX) === (phase === 'afterReload');
}
