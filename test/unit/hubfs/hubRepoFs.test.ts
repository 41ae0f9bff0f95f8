import { strict as assert } from 'node:assert';
import { uploadFile } from '@huggingface/hub';
import { HubRepoFs, type HubFsError } from '../../../src/hubfs/hubRepoFs';
import type { HfLocation } from '../../../src/core/hubfs/hfUri';
import { READONLY_TOKEN, VALID_TOKEN } from '../../fake-hf/server';
import { rejectionOf, useFakeHf } from '../fake-hf/helpers';

describe('hubfs HubRepoFs against the fake Hub through @huggingface/hub', () => {
  const h = useFakeHf();
  const fsWith = (accessToken: string | null = VALID_TOKEN, maxBytes = 1_000_000) =>
    new HubRepoFs({
      context: async () => ({ hubUrl: h.fake.hubUrl, fetch: globalThis.fetch, ...(accessToken ? { accessToken } : {}) }),
      maxFileBytes: () => maxBytes,
    });
  const at = (path: string, repo = 'fake-user/private-model'): HfLocation => ({ type: 'model', repo, path });
  const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

  it('lists the root and a folder, stats files and folders', async () => {
    const fs = fsWith();
    const root = await fs.readDirectory(at('', 'Helsinki-NLP/opus-mt-en-es'));
    assert.ok(root.some(([n, t]) => n === 'README.md' && t === 'file'));
    assert.ok(root.some(([n, t]) => n === 'onnx' && t === 'directory'));
    assert.deepEqual(await fs.readDirectory(at('onnx', 'Helsinki-NLP/opus-mt-en-es')), [['model.onnx', 'file']]);
    assert.equal((await fs.stat(at('onnx', 'Helsinki-NLP/opus-mt-en-es'))).type, 'directory');
    const readme = await fs.stat(at('README.md', 'Helsinki-NLP/opus-mt-en-es'));
    assert.equal(readme.type, 'file');
    assert.ok(readme.size > 0 && readme.mtime > 0);
  });

  it('reads a file; a missing one is NotFound; one over the limit is TooLarge with its size and the limit', async () => {
    assert.match(text(await fsWith().readFile(at('README.md'))), /\S/);
    assert.equal(((await rejectionOf(fsWith().readFile(at('nope.txt')))) as unknown as HubFsError).code, 'NotFound');
    const big = (await rejectionOf(fsWith(VALID_TOKEN, 100).readFile(at('model.safetensors', 'Helsinki-NLP/opus-mt-en-es')))) as unknown as HubFsError;
    assert.equal(big.code, 'TooLarge');
    assert.match(big.message, /\d+ bytes, over the 100-byte limit/);
  });

  it('a private repo without a token is NoPermissions', async () => {
    const err = (await rejectionOf(fsWith(null).readDirectory(at('')))) as unknown as HubFsError;
    assert.equal(err.code, 'NoPermissions');
  });

  it('saving commits exactly once with the message, and the next read sees the new content', async () => {
    const fs = fsWith();
    await fs.readFile(at('README.md'));
    const out = await fs.writeFile(at('README.md'), new TextEncoder().encode('# new card\n'), 'Update README.md from VS Code');
    assert.equal(h.fake.commits.length, 1);
    assert.equal(h.fake.commits[0].summary, 'Update README.md from VS Code');
    assert.equal(h.fake.commits[0].oid, out.oid);
    assert.equal(text(await fs.readFile(at('README.md'))), '# new card\n');
    // A second save after our own commit is not a conflict.
    await fs.writeFile(at('README.md'), new TextEncoder().encode('# newer\n'), 'again');
    assert.equal(h.fake.commits.length, 2);
  });

  it('refuses to overwrite a file changed on the Hub since it was opened (Conflict), committing nothing', async () => {
    const fs = fsWith();
    await fs.readFile(at('README.md'));
    await uploadFile({ hubUrl: h.fake.hubUrl, accessToken: VALID_TOKEN, repo: 'fake-user/private-model', file: { path: 'README.md', content: new Blob(['theirs']) } });
    const err = (await rejectionOf(fs.writeFile(at('README.md'), new TextEncoder().encode('mine'), 'mine'))) as unknown as HubFsError;
    assert.equal(err.code, 'Conflict');
    assert.match(err.message, /changed on the Hub since you opened it/);
    assert.equal(h.fake.commits.length, 1);
  });

  it('a change to another file is not a conflict', async () => {
    const fs = fsWith();
    await fs.readFile(at('README.md'));
    await uploadFile({ hubUrl: h.fake.hubUrl, accessToken: VALID_TOKEN, repo: 'fake-user/private-model', file: { path: 'other.txt', content: new Blob(['x']) } });
    await fs.writeFile(at('README.md'), new TextEncoder().encode('mine'), 'mine');
    assert.equal(h.fake.commits.length, 2);
  });

  it('a read-only token gets NoPermissions naming write access', async () => {
    const err = (await rejectionOf(fsWith(READONLY_TOKEN).writeFile(at('x.txt'), new Uint8Array([1]), 'x'))) as unknown as HubFsError;
    assert.equal(err.code, 'NoPermissions');
    assert.match(err.message, /no write access/);
    assert.equal(h.fake.commits.length, 0);
  });

  it('delete and rename are one commit each', async () => {
    const fs = fsWith();
    await fs.writeFile(at('a.txt'), new TextEncoder().encode('A'), 'Create a.txt from VS Code');
    await fs.rename(at('a.txt'), 'b.txt', 'Rename a.txt to b.txt from VS Code');
    assert.equal(text(await fs.readFile(at('b.txt'))), 'A');
    assert.equal(((await rejectionOf(fs.readFile(at('a.txt')))) as unknown as HubFsError).code, 'NotFound');
    await fs.delete(at('b.txt'), 'Delete b.txt from VS Code');
    assert.deepEqual(
      h.fake.commits.map((c) => [c.summary, c.added, c.deleted]),
      [
        ['Create a.txt from VS Code', ['a.txt'], []],
        ['Rename a.txt to b.txt from VS Code', ['b.txt'], ['a.txt']],
        ['Delete b.txt from VS Code', [], ['b.txt']],
      ],
    );
  });
});
