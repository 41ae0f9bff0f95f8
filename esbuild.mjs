// Builds the extension host (dist/extension.js, the shell activation loads, plus the lazy chunks it
// requires on first use: see buildExtensionHost in scripts/esbuild-plugins.cjs) and the Hub browser
// webview (browser, IIFE), and dist/THIRD-PARTY-NOTICES.txt for every package they bundle. `--production` minifies; every bundle's metafile is written next to it as
// *.meta.json (read by `npm run bench` and the build tests); `--watch` rebuilds when src/ changes.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, watch as watchFiles, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtensionHost, buildWebview } from './scripts/esbuild-plugins.cjs';
import { NOTICES_FILE, thirdPartyNotices } from './scripts/notices.cjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
const DIST = join(ROOT, 'dist');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)}kb`;

async function buildAll() {
  const started = Date.now();
  const metafiles = await buildExtensionHost({ esbuild, root: ROOT, outdir: DIST, production });
  metafiles['webview.js'] = await buildWebview({ esbuild, root: ROOT, outdir: DIST, production });
  writeFileSync(join(ROOT, NOTICES_FILE), thirdPartyNotices(ROOT, metafiles));
  for (const [file, metafile] of Object.entries(metafiles)) {
    writeFileSync(join(DIST, file.replace(/\.js$/, '.meta.json')), JSON.stringify(metafile));
    const bytes = Object.entries(metafile.outputs).find(([out]) => out.endsWith(`/${file}`) || out === `dist/${file}`)?.[1].bytes ?? 0;
    console.log(`  dist/${file}  ${kb(bytes)}`);
  }
  console.log(`built in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}

// A clean dist/: no stale source maps or bundles from an earlier (dev or production) build.
rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
try {
  await buildAll();
} catch (err) {
  if (!watch) throw err;
  console.error(err instanceof Error ? err.message : err);
}
if (watch) {
  let timer;
  watchFiles(join(ROOT, 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildAll().catch((err) => console.error(err instanceof Error ? err.message : err)), 100);
  });
  console.log('watching src/ for changes');
}
