// The extension-host build: esbuild plugins and buildExtensionHost(), shared by esbuild.mjs and the build
// tests (test/unit/build). CommonJS so that both ESM scripts and the compiled tests can load it.

/**
 * The Hugging Face packages declare no `sideEffects`, so esbuild must keep every module they import,
 * e.g. the snippet generator with all of @huggingface/tasks and the jinja engine (~280 KB) that the
 * extension never calls. Their modules only define things, so we tell esbuild they are free of side
 * effects and let it drop whatever is unused. test/unit/build/bundledCore.test.ts proves the result works.
 */
exports.hfPackagesArePure = {
  name: 'hf-packages-are-pure',
  setup(build) {
    build.onResolve({ filter: /^(@huggingface\/|\.{1,2}\/)/ }, async (args) => {
      if (args.pluginData && args.pluginData.resolving) return undefined;
      const fromHf = /node_modules[\\/]@huggingface[\\/]/.test(args.importer);
      if (!fromHf && !args.path.startsWith('@huggingface/')) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

/**
 * Lazy chunks: a module the extension loads with a `require('./x')` inside a loader of src/lazyChunks.ts
 * (the one module that loads chunks; its specifiers are these), only when a feature needs it, is built as
 * its own bundle (dist/<chunk>.js) and left out of dist/extension.js,
 * which keeps the bundle small and activation quick (esbuild has no code splitting for CommonJS).
 * A chunk never carries its own copy of a module that dist/extension.js has: see sharedWithShell.
 */
exports.LAZY_CHUNKS = [
  { source: 'src/actions.ts', specifier: './actions', outfile: 'dist/actions.js' },
  { source: 'src/hubView/hubBackend.ts', specifier: './hubView/hubBackend', outfile: 'dist/hubBackend.js' },
  { source: 'src/core/intent/taskDetection.ts', specifier: './core/intent/taskDetection', outfile: 'dist/taskDetector.js' },
  { source: 'src/core/routing/transport/inferenceLibrary.ts', specifier: './core/routing/transport/inferenceLibrary', outfile: 'dist/hfInference.js' },
  { source: 'src/hub/hubLibrary.ts', specifier: './hub/hubLibrary', outfile: 'dist/hfHub.js' },
  { source: 'src/editor/textMateFinder.ts', specifier: './editor/textMateFinder', outfile: 'dist/textmate.js' },
  { source: 'src/core/tokens/tokenizerLibrary.ts', specifier: './core/tokens/tokenizerLibrary', outfile: 'dist/tokenizers.js' },
  { source: 'src/local/workerRunner.ts', specifier: './local/workerRunner', outfile: 'dist/localRunner.js' },
];

/** Files the bundles read at run time, copied next to them: the Oniguruma WASM that dist/textmate.js loads. */
exports.RUNTIME_ASSETS = [
  { from: 'node_modules/vscode-oniguruma/release/onig.wasm', outfile: 'dist/onig.wasm' },
  // ONNX Runtime's WebAssembly build (one for every platform) and the loader dist/localWorker.js imports it with.
  { from: 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', outfile: 'dist/ort-wasm-simd-threaded.wasm' },
  { from: 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs', outfile: 'dist/ort-wasm-simd-threaded.mjs' },
];

/**
 * Bundles that run on a thread of their own (worker_threads): they cannot take modules from the shell (it
 * needs `vscode`), so each is standalone and may repeat a small module the host also has.
 */
exports.WORKER_BUNDLES = [
  { source: 'src/hub/cardWorker.ts', outfile: 'dist/cardWorker.js' },
  { source: 'src/local/localWorker.ts', outfile: 'dist/localWorker.js' },
];

/**
 * transformers.js in node requires onnxruntime-node (native binaries per platform, ~200 MB) and sharp (native,
 * images only). The .vsix is universal, so onnxruntime-node resolves to onnxruntime-web (the same API on
 * WebAssembly: dist/ort-wasm-simd-threaded.wasm) and sharp to a function that refuses (images are not a local task).
 */
exports.universalOnnxRuntime = {
  name: 'universal-onnx-runtime',
  setup(build) {
    build.onResolve({ filter: /^onnxruntime-node$/ }, (args) =>
      build.resolve('onnxruntime-web', { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir }),
    );
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: 'sharp', namespace: 'no-sharp' }));
    build.onLoad({ filter: /.*/, namespace: 'no-sharp' }, () => ({
      contents: "module.exports = function sharp() { throw new Error('The local model runtime does not read images.'); };",
      loader: 'js',
    }));
  },
};

exports.lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    for (const chunk of exports.LAZY_CHUNKS) {
      const filter = new RegExp(`^${chunk.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) => {
        if (args.kind !== 'require-call' || !/[\\/]src[\\/]lazyChunks\.ts$/.test(args.importer)) return undefined;
        return { path: `./${chunk.outfile.replace(/^dist\//, '')}`, external: true };
      });
    }
  },
};

const path = require('node:path');

/** The shell's export that maps a source path (relative to the repository) to that module's namespace. */
const SHARED = '__sharedModules';

/**
 * For a chunk build: an import of a module that dist/extension.js (the shell) already contains resolves to
 * the shell's instance (`require('./extension.js').__sharedModules[path]`), never to a second copy, so a
 * class, a cache or any module state is the same object on both sides. `requested` collects what the
 * chunk took from the shell, which the shell must then export.
 */
function sharedWithShell(root, shellModules, requested) {
  return {
    name: 'shared-with-shell',
    setup(build) {
      build.onResolve({ filter: /^\.{1,2}\// }, async (args) => {
        if ((args.pluginData && args.pluginData.resolving) || args.namespace !== 'file') return undefined;
        if (/node_modules/.test(args.importer)) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        const rel = path.relative(root, resolved.path).split(path.sep).join('/');
        if (!shellModules.has(rel)) return undefined;
        requested.add(rel);
        return { path: rel, namespace: 'shell-module' };
      });
      build.onResolve({ filter: /^\.\/extension\.js$/, namespace: 'shell-module' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'shell-module' }, (args) => ({
        contents: `module.exports = require('./extension.js').${SHARED}[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/** Source files (relative, "/"-separated) an esbuild metafile bundled, outside node_modules. */
function sourcesOf(metafile, root) {
  const out = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const input of Object.keys(output.inputs)) {
      if (input.includes('node_modules') || input.includes(':')) continue;
      out.add(path.relative(root, path.resolve(root, input)).split(path.sep).join('/'));
    }
  }
  return out;
}

/**
 * Builds dist/extension.js (the shell: what activation loads) and the lazy chunks. A chunk takes every
 * module the shell has from the shell (sharedWithShell), and the shell exports exactly those modules'
 * namespaces; a source module two chunks need goes to the shell too. Chunks are built against the
 * shell's module set until that set no longer changes.
 * Returns the metafiles by output file (written as *.meta.json by esbuild.mjs, read by the bench and tests).
 */
exports.buildExtensionHost = async function buildExtensionHost({ esbuild, root, outdir, production }) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  };
  const shellOutfile = path.join(outdir, 'extension.js');
  const shellBuild = (exported) =>
    esbuild.build({
      ...common,
      stdin: {
        contents: [
          `export * from './src/extension';`,
          ...[...exported].map((rel, i) => `import * as m${i} from ${JSON.stringify(`./${rel}`)};`),
          `export const ${SHARED} = {${[...exported].map((rel, i) => `${JSON.stringify(rel)}: m${i}`).join(', ')}};`,
        ].join('\n'),
        resolveDir: root,
        sourcefile: 'src/extension.ts (with the modules shared with lazy chunks)',
        loader: 'ts',
      },
      outfile: shellOutfile,
      plugins: [exports.hfPackagesArePure, exports.lazyChunks],
    });
  let exported = new Set();
  let shell = await shellBuild(exported);
  const metafiles = {};
  for (let round = 0; ; round++) {
    const shellModules = sourcesOf(shell.metafile, root);
    for (const chunk of exports.LAZY_CHUNKS) {
      if (shellModules.has(chunk.source)) throw new Error(`${chunk.source} is imported by the shell, so it cannot be a lazy chunk`);
    }
    const requested = new Set();
    const inChunks = new Map();
    for (const chunk of exports.LAZY_CHUNKS) {
      const result = await esbuild.build({
        ...common,
        entryPoints: [path.join(root, chunk.source)],
        outfile: path.join(outdir, path.basename(chunk.outfile)),
        plugins: [exports.hfPackagesArePure, exports.lazyChunks, sharedWithShell(root, shellModules, requested)],
      });
      metafiles[path.basename(chunk.outfile)] = result.metafile;
      for (const source of sourcesOf(result.metafile, root)) inChunks.set(source, (inChunks.get(source) || 0) + 1);
    }
    // A source module two chunks would each bundle moves to the shell, which both then take it from.
    for (const [source, count] of inChunks) if (count > 1 && source.startsWith('src/')) requested.add(source);
    const same = requested.size === exported.size && [...requested].every((r) => exported.has(r));
    if (same) break;
    if (round > 3) throw new Error('the modules shared between the shell and the lazy chunks did not settle');
    exported = new Set([...requested].sort());
    shell = await shellBuild(exported);
  }
  metafiles['extension.js'] = shell.metafile;
  for (const asset of exports.RUNTIME_ASSETS) require('node:fs').copyFileSync(path.join(root, asset.from), path.join(outdir, path.basename(asset.outfile)));
  Object.assign(metafiles, await exports.buildWorkerBundles({ esbuild, root, outdir, production }));
  return metafiles;
};

/**
 * Builds the worker bundles (WORKER_BUNDLES, or the ones whose outfile is in `only`) into `outdir`; returns
 * their metafiles by output file. The unit tests build dist/localWorker.js this way (test/build-tests.mjs).
 */
exports.buildWorkerBundles = async function buildWorkerBundles({ esbuild, root, outdir, production, only }) {
  const metafiles = {};
  for (const bundle of exports.WORKER_BUNDLES) {
    if (only && !only.includes(bundle.outfile)) continue;
    const result = await esbuild.build({
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: production,
      sourcemap: !production,
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
      entryPoints: [path.join(root, bundle.source)],
      outfile: path.join(outdir, path.basename(bundle.outfile)),
      plugins: [exports.universalOnnxRuntime, exports.hfPackagesArePure],
      // ES modules bundled as CommonJS (onnxruntime-web, transformers.js) read import.meta.url: the bundle's own URL.
      define: { 'import.meta.url': '__bundleUrl' },
      banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    metafiles[path.basename(bundle.outfile)] = result.metafile;
  }
  return metafiles;
};

/** Builds the Hub view's webview bundle (dist/webview.js: browser, IIFE); returns its metafile. */
exports.buildWebview = async function buildWebview({ esbuild, root, outdir, production }) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/webview/main.ts'],
    outfile: path.join(outdir, 'webview.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    // The protocol validator reads the Hub's pipeline tags from @huggingface/tasks: keep only that table.
    plugins: [exports.hfPackagesArePure],
  });
  return result.metafile;
};

exports.SHARED_MODULES_EXPORT = SHARED;
exports.sourcesOf = sourcesOf;
