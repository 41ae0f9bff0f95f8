// Third-party notices for the .vsix: every npm package esbuild put into a bundle, with its licence text,
// plus the codicons font shipped in media/. Bundles strip licence comments (legalComments: 'none'), so this
// file is where the notices the licences ask for live. esbuild.mjs writes it as dist/THIRD-PARTY-NOTICES.txt;
// test/unit/build/notices.test.ts checks every bundled package is in it.
const fs = require('node:fs');
const path = require('node:path');

const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENSE-MIT', 'license', 'license.md', 'LICENCE', 'COPYING'];

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
 * Where `name` is installed: node_modules/<name>, or else nested in the package that needs its own version
 * (e.g. @huggingface/transformers/node_modules/onnxruntime-common).
 */
function packageDir(root, name) {
  const top = path.join(root, 'node_modules');
  const direct = path.join(top, name);
  if (fs.existsSync(path.join(direct, 'package.json'))) return direct;
  const owners = fs.readdirSync(top).flatMap((d) => (d.startsWith('@') ? fs.readdirSync(path.join(top, d)).map((s) => `${d}/${s}`) : [d]));
  const nested = owners.map((o) => path.join(top, o, 'node_modules', name)).find((d) => fs.existsSync(path.join(d, 'package.json')));
  return nested || direct;
}

/**
 * Packages whose npm tarball carries no licence file: the text from their source repository, kept in
 * scripts/licences/ (ONNX Runtime's packages are MIT, github.com/microsoft/onnxruntime/blob/main/LICENSE).
 */
const LICENCE_TEXTS_FROM_SOURCE = {
  'onnxruntime-common': 'scripts/licences/onnxruntime.LICENSE.txt',
  'onnxruntime-web': 'scripts/licences/onnxruntime.LICENSE.txt',
  // Hugging Face's successor of @huggingface/gearhash-wasm (bundled by @huggingface/hub's commit code); MIT as the
  // huggingface.js repository it comes from, whose LICENSE this is.
  'gearhash-jit': 'scripts/licences/huggingface.js.LICENSE.txt',
};

/** Name, version, licence id and licence text of an installed package; throws when the text is missing. */
function packageNotice(root, name) {
  const dir = packageDir(root, name);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const fromSource = LICENCE_TEXTS_FROM_SOURCE[name];
  const file = fromSource ? path.relative(dir, path.join(root, fromSource)) : LICENSE_FILES.find((f) => fs.existsSync(path.join(dir, f)));
  if (!file) throw new Error(`${name} ships no licence file: its notice cannot be generated`);
  const license = typeof manifest.license === 'string' ? manifest.license : 'see text';
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
