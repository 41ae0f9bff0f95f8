import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The .vsix ships only what .vscodeignore lets through: every bundle the extension loads must be there.
const root = join(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_CHUNKS } = require(join(root, 'scripts/esbuild-plugins.cjs')) as { LAZY_CHUNKS: { outfile: string }[] };
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());

describe('the .vsix contents', () => {
  for (const file of ['dist/extension.js', 'dist/webview.js', ...LAZY_CHUNKS.map((c) => c.outfile)]) {
    it(`ships ${file}`, () => assert.ok(ignore.includes(`!${file}`), `.vscodeignore must contain !${file}`));
  }
  it('ships no source maps, sources or tests', () => {
    assert.equal(ignore[ignore.findIndex((l) => l && !l.startsWith('#'))], '**', 'everything is excluded first');
    assert.ok(!ignore.some((l) => /^!(src|test|out)\b|\.map$/.test(l)));
  });
});
