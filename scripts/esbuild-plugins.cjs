// esbuild plugins shared by the product build (esbuild.mjs) and the test that checks the bundled
// core (test/unit/build). CommonJS so that both ESM scripts and the compiled tests can load it.

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
 * Lazy chunks: a module the extension loads with a `require('./x')` inside a function, only when a
 * feature needs it, is built as its own bundle (dist/<chunk>.js) and left out of dist/extension.js,
 * which keeps the bundle small and activation quick (esbuild has no code splitting for CommonJS).
 */
exports.LAZY_CHUNKS = [
  { source: 'src/hub/cardSanitizer.ts', specifier: './cardSanitizer', outfile: 'dist/cardRenderer.js' },
  { source: 'src/core/taskDetection.ts', specifier: '../core/taskDetection', outfile: 'dist/taskDetector.js' },
];

exports.lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    for (const chunk of exports.LAZY_CHUNKS) {
      const filter = new RegExp(`^${chunk.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) => {
        if (args.kind !== 'require-call') return undefined;
        return { path: `./${chunk.outfile.replace(/^dist\//, '')}`, external: true };
      });
    }
  },
};
