// Transpiles src/ and test/ (no bundling) into out/ so mocha runs the unit tests in plain node.
// Type checking is `npm run typecheck`; this step only strips types, so it takes well under a second.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';

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

// The local-inference tests run the real inference thread: dist/localWorker.js built into out/local-runtime/,
// with ONNX Runtime's WASM next to it, as the .vsix has them (about 1 s).
const { buildWorkerBundles, RUNTIME_ASSETS } = createRequire(import.meta.url)('../scripts/esbuild-plugins.cjs');
const runtime = join('out', 'local-runtime');
mkdirSync(runtime, { recursive: true });
await buildWorkerBundles({ esbuild, root: resolve('.'), outdir: resolve(runtime), production: false, only: ['dist/localWorker.js'] });
for (const asset of RUNTIME_ASSETS.filter((a) => a.outfile.startsWith('dist/ort-'))) copyFileSync(asset.from, join(runtime, basename(asset.outfile)));
