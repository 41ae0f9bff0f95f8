import type { FakeHf } from '../test/fake-hf/server';
import type { Row } from './report';

export interface BenchContext {
  /** The repository root (dist/, bench/results/, test-results/ are resolved from it). */
  readonly repoRoot: string;
  /** The production build to measure: <repo>/dist, or BENCH_DIST_DIR (to measure another build without touching dist/). */
  readonly distDir: string;
  /** One fake Hugging Face server shared by every section of the run. */
  readonly fake: FakeHf;
  /** Progress lines go to stderr, so stdout holds only the table. */
  readonly log: (line: string) => void;
}

export interface SectionResult {
  readonly rows: readonly Row[];
  /** Raw numbers for the JSON file (summaries, parameters, reasons). */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface Section {
  readonly name: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}
