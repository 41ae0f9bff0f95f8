import { strict as assert } from 'node:assert';
import { planUpload, unsafePathReason, type FolderEntry } from '../../../../src/core/deploy/uploadPlan';

const files = (...paths: [string, number][]): FolderEntry[] => paths.map(([path, size]) => ({ path, size }));
const limits = { maxTotalBytes: 1_000, maxFiles: 5, largeFileBytes: 100 };

describe('core/deploy/uploadPlan: what a folder upload sends', () => {
  it('leaves out what the .gitignore files and the built-in rules say, nested rules deciding below their folder', () => {
    const plan = planUpload(
      files(['app.py', 10], ['requirements.txt', 5], ['.git/config', 3], ['__pycache__/app.cpython-311.pyc', 7], ['data/raw.csv', 50], ['data/keep.csv', 20], ['logs/run.log', 9], ['.env', 4]),
      new Map([['', 'logs/\n*.csv\n'], ['data', '!keep.csv\n']]),
      limits,
    );
    assert.deepEqual(plan.send.map((f) => f.path), ['app.py', 'data/keep.csv', 'requirements.txt']);
    assert.deepEqual(plan.ignored, ['.env', '.git/config', '__pycache__/app.cpython-311.pyc', 'data/raw.csv', 'logs/run.log']);
    assert.equal(plan.totalBytes, 35);
    assert.equal(plan.problem, undefined);
  });

  it('refuses paths that would land outside the folder and links that point outside it, and sends the rest', () => {
    const plan = planUpload([...files(['ok.txt', 1], ['../secret', 1], ['a/../../b', 1], ['/etc/passwd', 1], ['c:\\\\x', 1], ['dir\\\\name', 1]), { path: 'link.txt', size: 1, outside: true }], new Map(), limits);
    assert.deepEqual(plan.send.map((f) => f.path), ['ok.txt']);
    assert.deepEqual(plan.refused.map((r) => r.path).sort(), ['../secret', '/etc/passwd', 'a/../../b', 'c:\\\\x', 'dir\\\\name', 'link.txt'].sort());
    assert.match(plan.refused.find((r) => r.path === 'link.txt')?.reason ?? '', /outside the folder/);
  });

  it('marks large files for the large-file path and refuses, with the numbers, a folder over the size or count limit', () => {
    const big = planUpload(files(['model.bin', 600], ['weights.bin', 500]), new Map(), limits);
    assert.deepEqual(big.send.map((f) => f.large), [true, true]);
    assert.match(big.problem ?? '', /1\.1 kB to upload; the limit is 1 kB/);
    const many = planUpload(files(['1', 1], ['2', 1], ['3', 1], ['4', 1], ['5', 1], ['6', 1]), new Map(), limits);
    assert.match(many.problem ?? '', /6 files to upload; the limit is 5/);
    assert.match(planUpload(files(['.git/HEAD', 1]), new Map(), limits).problem ?? '', /nothing to upload/);
  });

  it('names the reason a path is unsafe', () => {
    assert.equal(unsafePathReason('src/app.py'), undefined);
    assert.match(unsafePathReason('a//b') ?? '', /outside/);
    assert.match(unsafePathReason('bad\u0007name') ?? '', /control character/);
  });
});
