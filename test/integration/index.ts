// Entry of the integration suite that runs INSIDE a VS Code extension host. It keeps the contract of
// @vscode/test-electron (`run(): Promise<void>`, rejecting when a test fails) and adds runWithReport(), which the
// offline e2e runner extension (test/e2e/runner-extension) uses to write per-test failures to its results file.
// Compiled by test/build-tests.mjs to out/test/integration/index.js; mocha resolves from the repo's node_modules.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { currentPhase, isFileOfPhase, writeHandOver, type Phase } from './support/phases';
import { prepareWindow } from './support/window';
import { producedTexts } from './support/product';

export interface SuiteFailure {
  title: string;
  error: string;
}

export interface SuiteReport {
  passed: number;
  failed: number;
  failures: SuiteFailure[];
}

/**
 * startup.test.js checks that only onStartupFinished activated the extension, with no request, so it must run
 * before any file that executes a command.
 */
const RUN_FIRST = ['startup.test.js'];

/**
 * quota.test.js leaves the window in the state the after-reload phase checks (signed in with the valid token),
 * so nothing may run after it.
 */
const RUN_LAST = ['quota.test.js'];

/**
 * The compiled `*.test.js` files of `phase` under this folder (see support/phases.ts), RUN_FIRST files first,
 * RUN_LAST files last, the rest sorted by path.
 */
export function integrationTestFiles(dir: string = __dirname, phase: Phase = 'main'): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return walk(path);
      return name.endsWith('.test.js') ? [path] : [];
    });
  const files = walk(dir)
    .filter((file) => isFileOfPhase(file, phase))
    .sort();
  const rank = (file: string): number => {
    const first = RUN_FIRST.findIndex((name) => file.endsWith(`/${name}`));
    if (first !== -1) return first;
    const last = RUN_LAST.findIndex((name) => file.endsWith(`/${name}`));
    return last === -1 ? RUN_FIRST.length : RUN_FIRST.length + 1 + last;
  };
  return files.sort((a, b) => rank(a) - rank(b));
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export async function runWithReport(): Promise<SuiteReport> {
  const phase = currentPhase();
  if (phase === 'chatWindow') return { passed: 0, failed: 0, failures: [] };
  await prepareWindow();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  // SARVANOM_E2E_GREP (passed on by test/e2e/run.mjs) runs only the matching cases, for a quick look at a few.
  const grep = process.env.SARVANOM_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of integrationTestFiles(__dirname, phase)) mocha.addFile(file);
  mocha.suite.afterAll('no token in any result, message or decision the product returned', () => {
    const leaks = producedTexts.filter((text) => /\bhf_[A-Za-z0-9]{6,}\b/.test(text));
    if (phase === 'main' && !grep && producedTexts.length === 0) throw new Error('nothing was recorded, so the scan would prove nothing');
    if (leaks.length > 0) throw new Error(`token-shaped text in ${leaks.length} of ${producedTexts.length} results: ${leaks[0]?.slice(0, 200)}`);
  });
  return new Promise((resolve, reject) => {
    let passed = 0;
    const failures: SuiteFailure[] = [];
    try {
      const runner = mocha.run(() => {
        if (passed + failures.length === 0 && !grep) failures.push({ title: 'integration suite', error: 'no integration test ran' });
        // Tells a reloaded window (a new extension host running this suite again) to run the after-reload phase.
        if (phase === 'main') writeHandOver({ pid: process.pid, finishedAt: new Date().toISOString(), passed, failed: failures.length });
        resolve({ passed, failed: failures.length, failures });
      });
      runner.on('pass', () => {
        passed += 1;
      });
      // Hook failures arrive here too, titled after the hook.
      runner.on('fail', (test, err) => {
        failures.push({ title: test.fullTitle(), error: describeError(err) });
      });
    } catch (err) {
      reject(err);
    }
  });
}

/** The @vscode/test-electron contract: resolves when every test passed, rejects otherwise. */
export async function run(): Promise<void> {
  const report = await runWithReport();
  if (report.failed > 0) {
    const summary = report.failures.map((f) => `${f.title}: ${f.error.split('\n')[0]}`).join('\n  ');
    throw Object.assign(new Error(`${report.failed} integration test(s) failed:\n  ${summary}`), { report });
  }
}
