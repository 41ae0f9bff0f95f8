// The contract between test/e2e/run.mjs and the browser cases: each `test/browser/*.cases.ts` exports
// `cases: BrowserCase[]`, run in file then array order against the same workbench page after the integration suite.
import type { Page } from 'playwright-core';

export interface FakeHfUrls {
  hubUrl: string;
  routerUrl: string;
  datasetsServerUrl: string;
  openaiUrl?: string;
}

export interface BrowserCaseContext {
  page: Page;
  /** `http://127.0.0.1:<port>/?folder=<workspace>` */
  workbenchUrl: string;
  /** test-results/e2e/ (ignored by git): screenshots and logs of this run. */
  artifactsDir: string;
  /** The repository root (for media/screenshots/ meant for the README). */
  repoRoot: string;
  workspaceDir: string;
  /** The window's user data (User/ and Machine/settings.json): cases that need other settings rewrite them and reload. */
  userDataDir: string;
  fake?: FakeHfUrls;
}

export interface BrowserCase {
  name: string;
  run(ctx: BrowserCaseContext): Promise<void>;
}
