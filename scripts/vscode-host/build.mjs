// The only build steps the VS Code launchers take: transpile src/ + test/ to out/ (fast), and bundle dist/
// when it is missing. A stale dist/ is NOT rebuilt here: run `npm run build` first (the npm scripts do).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './config.mjs';

export function buildForVscodeTests({ buildProduct = true } = {}) {
  execFileSync(process.execPath, ['test/build-tests.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (buildProduct && !existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}
