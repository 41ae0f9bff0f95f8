// Third-party notices for the .vsix: every npm package esbuild put into a bundle, with its licence text,
// plus the codicons font shipped in media/. Bundles strip licence comments (legalComments: 'none'), so this
// file is where the notices the licences ask for live. esbuild.mjs writes it as dist/THIRD-PARTY-NOTICES.txt;
// test/unit/build/notices.test.ts checks every bundled package is in it.
const fs = require('node:fs');
const path = require('node:path');

const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'license.md', 'LICENCE', 'COPYING'];

/** The npm packages (by name) whose files an esbuild metafile bundled; the innermost node_modules wins. */
function bundledPackages(metafiles) {
  const names = new Set();
  for (const metafile of Object.values(metafiles)) {
    for (const output of Object.values(metafile.outputs)) {
      for (const input of Object.keys(output.inputs)) {
        const parts = input.split(/[\\/]/);
        const at = parts.lastIndexOf('node_modules');
        if (at < 0) continue;
        names.add(parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]);
      }
    }
  }
  return [...names].sort();
}

/**
 * The standard text of licences a package may declare in package.json without shipping the file (gearhash-jit,
 * which @huggingface/hub's commit code bundles, declares MIT and ships only dist/ and README.md).
 */
const DECLARED_LICENSE_TEXTS = {
  MIT: [
    'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:',
    '',
    'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.',
    '',
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
  ].join('\n'),
};

/**
 * Name, version, licence id and licence text of an installed package. A package without a licence file gets the
 * standard text of the licence its package.json declares, said as such; throws when there is neither.
 */
function packageNotice(root, name) {
  const dir = path.join(root, 'node_modules', name);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = LICENSE_FILES.find((f) => fs.existsSync(path.join(dir, f)));
  const license = typeof manifest.license === 'string' ? manifest.license : 'see text';
  if (!file) {
    const standard = DECLARED_LICENSE_TEXTS[license];
    if (!standard) throw new Error(`${name} ships no licence file: its notice cannot be generated`);
    const text = `${name} ships no licence file; its package.json declares ${license}, whose standard text follows.\n\n${standard}`;
    return { name, version: manifest.version, license, text };
  }
  return { name, version: manifest.version, license, text: fs.readFileSync(path.join(dir, file), 'utf8').trim() };
}

/** The codicons font and stylesheet shipped in media/codicons (font CC-BY-4.0, code MIT). */
function codiconsNotice(root) {
  const dir = path.join(root, 'media', 'codicons');
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@vscode', 'codicons', 'package.json'), 'utf8')).version;
  const text = ['LICENSE', 'LICENSE-CODE'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim()).join('\n\n');
  return { name: '@vscode/codicons (media/codicons)', version, license: 'CC-BY-4.0 (font), MIT (code)', text };
}

/** The whole notices file for the packages the metafiles bundled. */
function thirdPartyNotices(root, metafiles) {
  const notices = [...bundledPackages(metafiles).map((name) => packageNotice(root, name)), codiconsNotice(root)];
  const rule = '-'.repeat(78);
  return [
    'THIRD-PARTY NOTICES',
    '',
    'This extension bundles the following software. Each is used under the licence reproduced below.',
    '',
    ...notices.flatMap((n) => [rule, `${n.name} ${n.version}`, `License: ${n.license}`, rule, '', n.text, '']),
  ].join('\n');
}

exports.bundledPackages = bundledPackages;
exports.packageNotice = packageNotice;
exports.thirdPartyNotices = thirdPartyNotices;
exports.NOTICES_FILE = 'dist/THIRD-PARTY-NOTICES.txt';
