import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

// Bundles strip licence comments, so the notices file is where every bundled package's licence ships.
type Metafiles = Record<string, { readonly outputs: Record<string, { readonly inputs: Record<string, unknown> }> }>;
interface Notices {
  bundledPackages(metafiles: Metafiles): string[];
  packageNotice(root: string, name: string): { name: string; version: string; license: string; text: string };
  thirdPartyNotices(root: string, metafiles: Metafiles): string;
  NOTICES_FILE: string;
}
interface Builds {
  buildExtensionHost(opts: { esbuild: typeof esbuild; root: string; outdir: string; production: boolean }): Promise<Metafiles>;
  buildWebview(opts: { esbuild: typeof esbuild; root: string; outdir: string; production: boolean }): Promise<Metafiles[string]>;
}

const root = resolve(__dirname, '../../../..');
/* eslint-disable @typescript-eslint/no-require-imports */
const notices = require(join(root, 'scripts/notices.cjs')) as Notices;
const builds = require(join(root, 'scripts/esbuild-plugins.cjs')) as Builds;
/* eslint-enable @typescript-eslint/no-require-imports */

describe('third-party notices', function () {
  this.timeout(60_000);
  let dir: string;
  let metafiles: Metafiles;
  let text: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sarvanom-notices-'));
    metafiles = await builds.buildExtensionHost({ esbuild, root, outdir: dir, production: true });
    metafiles['webview.js'] = await builds.buildWebview({ esbuild, root, outdir: dir, production: true });
    text = notices.thirdPartyNotices(root, metafiles);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the packages the bundles really contain (the HF clients, marked, the webview elements)', () => {
    const packages = notices.bundledPackages(metafiles);
    for (const name of ['@huggingface/inference', '@huggingface/hub', 'marked', '@vscode-elements/elements', 'lit-html']) {
      assert.ok(packages.includes(name), `${name} in ${packages.join(', ')}`);
    }
  });

  it('names every bundled package with its version, licence and full licence text', () => {
    for (const name of notices.bundledPackages(metafiles)) {
      const notice = notices.packageNotice(root, name);
      assert.ok(text.includes(`${name} ${notice.version}\nLicense: ${notice.license}\n`), `${name} has a heading`);
      assert.ok(text.includes(notice.text), `${name}'s licence text is reproduced`);
    }
  });

  it('covers the codicons font (CC-BY-4.0) shipped in media/', () => {
    assert.match(text, /@vscode\/codicons \(media\/codicons\) .*\nLicense: CC-BY-4\.0 \(font\), MIT \(code\)/);
    assert.ok(text.includes(readFileSync(join(root, 'media/codicons/LICENSE'), 'utf8').trim()));
  });

  it('refuses a bundled package that ships no licence text and declares no licence it knows the text of', () => {
    const fakeRoot = mkdtempSync(join(tmpdir(), 'sarvanom-nolicense-'));
    try {
      mkdirSync(join(fakeRoot, 'node_modules', 'no-license'), { recursive: true });
      writeFileSync(join(fakeRoot, 'node_modules', 'no-license', 'package.json'), JSON.stringify({ name: 'no-license', version: '1.0.0', license: 'SEE LICENSE IN terms.txt' }));
      assert.throws(() => notices.packageNotice(fakeRoot, 'no-license'), /no-license ships no licence file/);
    } finally {
      rmSync(fakeRoot, { recursive: true, force: true });
    }
  });

  it('gives a package that declares MIT without the file the standard MIT text, saying so', () => {
    const fakeRoot = mkdtempSync(join(tmpdir(), 'sarvanom-nolicense-'));
    try {
      mkdirSync(join(fakeRoot, 'node_modules', 'mit-only'), { recursive: true });
      writeFileSync(join(fakeRoot, 'node_modules', 'mit-only', 'package.json'), JSON.stringify({ name: 'mit-only', version: '1.0.0', license: 'MIT' }));
      const n = notices.packageNotice(fakeRoot, 'mit-only');
      assert.equal(n.license, 'MIT');
      assert.match(n.text, /^mit-only ships no licence file; its package.json declares MIT/);
      assert.match(n.text, /Permission is hereby granted, free of charge/);
    } finally {
      rmSync(fakeRoot, { recursive: true, force: true });
    }
  });

  it('ships in the .vsix', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(ignore.includes(`!${notices.NOTICES_FILE}`));
  });
});
