import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The .vsix ships only what .vscodeignore lets through: every bundle the extension loads must be there.
const root = join(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_CHUNKS, WORKER_BUNDLES, RUNTIME_ASSETS } = require(join(root, 'scripts/esbuild-plugins.cjs')) as {
  LAZY_CHUNKS: { outfile: string }[];
  WORKER_BUNDLES: { outfile: string }[];
  RUNTIME_ASSETS: { outfile: string }[];
};
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());

describe('the .vsix contents', () => {
  for (const file of ['dist/extension.js', 'dist/webview.js', ...[...LAZY_CHUNKS, ...WORKER_BUNDLES, ...RUNTIME_ASSETS].map((c) => c.outfile)]) {
    it(`ships ${file}`, () => assert.ok(ignore.includes(`!${file}`), `.vscodeignore must contain !${file}`));
  }
  it('ships the TextMate chunk and the Oniguruma WASM it loads', () => {
    assert.ok(LAZY_CHUNKS.some((c) => c.outfile === 'dist/textmate.js'));
    assert.ok(RUNTIME_ASSETS.some((a) => a.outfile === 'dist/onig.wasm'));
    assert.ok(ignore.includes('!dist/textmate.js') && ignore.includes('!dist/onig.wasm'));
  });
  it('ships the local inference thread with ONNX Runtime\'s one WebAssembly build (not the 21 MB JSEP/WebGPU one, nor native binaries)', () => {
    assert.ok(WORKER_BUNDLES.some((b) => b.outfile === 'dist/localWorker.js'));
    const wasm = RUNTIME_ASSETS.map((a) => a.outfile).filter((f) => f.startsWith('dist/ort-'));
    assert.deepEqual(wasm.sort(), ['dist/ort-wasm-simd-threaded.mjs', 'dist/ort-wasm-simd-threaded.wasm']);
    assert.ok(!ignore.some((l) => /jsep|\.node$|onnxruntime-node/.test(l)));
  });
  it('ships no source maps, sources or tests', () => {
    assert.equal(ignore[ignore.findIndex((l) => l && !l.startsWith('#'))], '**', 'everything is excluded first');
    assert.ok(!ignore.some((l) => /^!(src|test|out)\b|\.map$/.test(l)));
  });
  it('ships exactly the images the README shows (the Details tab of an installed extension renders them), and the changelog', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+\.(?:png|jpg|gif|svg))\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0, 'the README shows a screenshot');
    for (const image of images) assert.ok(ignore.includes(`!${image}`), `.vscodeignore must ship ${image}`);
    const shippedScreenshots = ignore.filter((l) => l.startsWith('!media/screenshots/')).map((l) => l.slice(1));
    assert.deepEqual(shippedScreenshots.sort(), images.filter((i) => i.startsWith('media/screenshots/')).sort());
    assert.ok(ignore.includes('!CHANGELOG.md'));
  });
  it('has a 128×128 PNG icon that ships, a repository and a settings group titled "Hugging Face" whose id trims the key prefix', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      icon?: string;
      repository?: { url?: string };
      contributes: { configuration: { id?: string; title?: string; properties: Record<string, unknown> } };
    };
    assert.equal(manifest.icon, 'media/icon.png');
    assert.ok(ignore.includes(`!${manifest.icon}`), 'the icon ships');
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'width and height from the IHDR chunk');
    assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\//);
    const { id, title, properties } = manifest.contributes.configuration;
    assert.equal(title, 'Hugging Face');
    // The Settings editor drops the part of a key that matches the group's id: "Models: Translate", not "Huggingface › Models: Translate".
    assert.ok(Object.keys(properties).every((key) => key.startsWith(`${id}.`)), `every setting key starts with "${id}."`);
  });
  it('puts every view in a view container it declares (else VS Code moves the Hub view into the Explorer)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { views: Record<string, unknown>; viewsContainers: { activitybar: { id: string }[] } };
    };
    const containers = manifest.contributes.viewsContainers.activitybar.map((c) => c.id);
    assert.deepEqual(Object.keys(manifest.contributes.views).filter((k) => !containers.includes(k)), []);
  });
});

