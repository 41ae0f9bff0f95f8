import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { LAZY_CHUNK_SPECIFIERS } from '../../src/lazyChunks';

const root = join(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_CHUNKS } = require(join(root, 'scripts/esbuild-plugins.cjs')) as {
  LAZY_CHUNKS: readonly { source: string; specifier: string; outfile: string }[];
};

describe('lazyChunks: the loaders mirror the build', () => {
  it('has one loader per chunk the build makes, with the specifier the build externalises', () => {
    const fromBuild = Object.fromEntries(LAZY_CHUNKS.map((c) => [c.outfile, c.specifier]));
    assert.deepEqual(LAZY_CHUNK_SPECIFIERS, fromBuild);
  });

  it('each specifier resolves (from src/) to the source file the build makes the chunk from', () => {
    for (const chunk of LAZY_CHUNKS) {
      assert.equal(`src/${chunk.specifier.replace(/^\.\//, '')}.ts`, chunk.source, chunk.outfile);
    }
  });
});
