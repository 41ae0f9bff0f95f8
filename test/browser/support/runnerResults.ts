// The runner extension's results file (test/e2e/run.mjs puts it in the artifacts folder under this name). A reloaded
// window's runner writes it again with a new `startedAt`: the browser cases that reload wait for that, which tells
// them the new extension host is up (and the product, activated on startup finished, with it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from './wait';

const RESULTS_FILE = 'integration-results.json';

export interface RunnerResults {
  done: boolean;
  startedAt?: string;
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export function readRunnerResults(dir: string): RunnerResults | undefined {
  const file = join(dir, RESULTS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunnerResults) : undefined;
}

/** Waits until the runner of a window started after `before` has finished its phase. */
export function waitForNewWindowResults(dir: string, before: RunnerResults | undefined, what: string, timeoutMs = 180_000): Promise<RunnerResults> {
  return waitUntil(
    what,
    () => {
      const r = readRunnerResults(dir);
      return r?.done && r.startedAt !== before?.startedAt ? r : undefined;
    },
    timeoutMs,
    500,
  );
}
