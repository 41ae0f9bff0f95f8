// Builds two bundles: the extension host (node, CommonJS, `vscode` external) and the
// Hub browser webview (browser, IIFE). `--production` minifies and writes metafiles
// (read by `npm run bench`); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hfPackagesArePure, LAZY_CHUNKS, lazyChunks } from './scripts/esbuild-plugins.cjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [hfPackagesArePure, lazyChunks],
  },
  ...LAZY_CHUNKS.map((chunk) => ({
    entryPoints: [chunk.source],
    outfile: chunk.outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  })),
  {
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// A clean dist/: no stale source maps or bundles from an earlier (dev or production) build.
if (!watch) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
for (const options of builds) {
  const config = {
    ...options,
    bundle: true,
    minify: production,
    sourcemap: !production,
    metafile: true,
    logLevel: 'info',
    legalComments: 'none',
  };
  if (watch) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  } else {
    const result = await esbuild.build(config);
    writeFileSync(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
  }
}
