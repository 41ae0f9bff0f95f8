// Transpiles src/ and test/ (no bundling) into out/ so mocha runs the unit tests in plain node.
// Type checking is `npm run typecheck`; this step only strips types, so it takes well under a second.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

rmSync('out', { recursive: true, force: true });
await esbuild.build({
  entryPoints: [...tsFiles('src'), ...tsFiles('test'), ...tsFiles('bench')],
  outdir: 'out',
  outbase: '.',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
