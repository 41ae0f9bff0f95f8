import { strict as assert } from 'node:assert';
import { contributorName, findOutput, topContributors, type MetafileLike } from '../../../bench/metafile';

const meta: MetafileLike = {
  outputs: {
    'dist/extension.js': {
      bytes: 1000,
      inputs: {
        'node_modules/@huggingface/inference/dist/a.js': { bytesInOutput: 300 },
        'node_modules/@huggingface/inference/dist/b.js': { bytesInOutput: 100 },
        'node_modules/marked/lib/marked.esm.js': { bytesInOutput: 250 },
        'node_modules/x/node_modules/@scope/inner/index.js': { bytesInOutput: 50 },
        'src/core/router.ts': { bytesInOutput: 200 },
        'src/core/types.ts': { bytesInOutput: 0 },
        'src/extension.ts': { bytesInOutput: 100 },
      },
    },
    'dist/webview.js': { bytes: 10, inputs: { 'src/webview/main.ts': { bytesInOutput: 10 } } },
  },
};

describe('bundle contributors from the esbuild metafile', () => {
  it('names a node_modules file by its innermost package, scoped or not, and a project file by its path', () => {
    assert.equal(contributorName('node_modules/@huggingface/hub/dist/index.js'), '@huggingface/hub');
    assert.equal(contributorName('node_modules/marked/lib/marked.esm.js'), 'marked');
    assert.equal(contributorName('node_modules/a/node_modules/b/x.js'), 'b');
    assert.equal(contributorName('src/core/router.ts'), 'src/core/router.ts');
  });

  it('lists the largest contributors to one output first, packages summed, with their share', () => {
    assert.deepEqual(topContributors(meta, 'dist/extension.js', 3), [
      { name: '@huggingface/inference', bytes: 400, share: 0.4 },
      { name: 'marked', bytes: 250, share: 0.25 },
      { name: 'src/core/router.ts', bytes: 200, share: 0.2 },
    ]);
  });

  it('leaves out inputs that contribute nothing and orders ties by name', () => {
    const all = topContributors(meta, 'dist/extension.js', 10).map((c) => c.name);
    assert.deepEqual(all, ['@huggingface/inference', 'marked', 'src/core/router.ts', 'src/extension.ts', '@scope/inner']);
  });

  it('finds the output by its path with or without ./, and names the outputs when it is missing', () => {
    assert.equal(findOutput(meta, './dist/webview.js').bytes, 10);
    assert.throws(() => findOutput(meta, 'dist/other.js'), /dist\/extension\.js, dist\/webview\.js/);
  });
});
