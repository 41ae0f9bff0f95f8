import { strict as assert } from 'node:assert';
import { commit, createRepo, deleteFile, downloadFile, listFiles, pathsInfo, spaceInfo, uploadFile } from '@huggingface/hub';
import { addCommitListener } from '../../fake-hf/commitRoutes';
import { FakeHfControl } from '../../fake-hf/control';
import { READONLY_TOKEN, VALID_TOKEN } from '../../fake-hf/server';
import { OTHER_USER_TOKEN } from '../../fake-hf/state';
import { collect, rejectionOf, useFakeHf } from './helpers';

describe('fake-hf commits with the real @huggingface/hub client', () => {
  const h = useFakeHf();
  const opts = (accessToken = VALID_TOKEN) => ({ hubUrl: h.fake.hubUrl, accessToken });
  const repo = { type: 'model' as const, name: 'fake-user/private-model' };

  it('uploadFile commits the content: the tree, paths-info and download show it, the commit is recorded', async () => {
    const before = (await pathsInfo({ ...opts(), repo, paths: ['README.md'], expand: true }))[0];
    const out = await uploadFile({ ...opts(), repo, file: { path: 'notes/hello.txt', content: new Blob(['hi there']) }, commitTitle: 'Add hello', useXet: false });
    assert.ok(out);
    assert.match(out.commit.oid, /^[0-9a-f]{40}$/);
    const files = await collect(listFiles({ ...opts(), repo, recursive: true }));
    assert.ok(files.some((f) => f.path === 'notes/hello.txt' && f.size === 8));
    const blob = await downloadFile({ ...opts(), repo, path: 'notes/hello.txt' });
    assert.equal(await blob?.text(), 'hi there');
    const [after] = await pathsInfo({ ...opts(), repo, paths: ['README.md'], expand: true });
    assert.equal(after.lastCommit?.id, out.commit.oid);
    assert.notEqual(before.lastCommit?.id, out.commit.oid);
    const recorded = await new FakeHfControl(h.fake.hubUrl).commits();
    assert.deepEqual(
      recorded.map((c) => [c.repoId, c.summary, c.added, c.deleted, c.oid]),
      [['fake-user/private-model', 'Add hello', ['notes/hello.txt'], [], out.commit.oid]],
    );
  });

  it('deleteFile removes the file; deleting a missing one is a 404', async () => {
    await deleteFile({ ...opts(), repo, path: 'README.md', commitTitle: 'Drop the card' });
    assert.equal(await downloadFile({ ...opts(), repo, path: 'README.md' }), null);
    const err = await rejectionOf(deleteFile({ ...opts(), repo, path: 'README.md' }));
    assert.equal(err.statusCode, 404);
  });

  it('refuses a stale parentCommit with 412 and changes nothing', async () => {
    const [readme] = await pathsInfo({ ...opts(), repo, paths: ['README.md'], expand: true });
    const parentCommit = readme.lastCommit?.id;
    assert.ok(parentCommit);
    await uploadFile({ ...opts(), repo, file: { path: 'a.txt', content: new Blob(['1']) }, parentCommit });
    const err = await rejectionOf(
      commit({ ...opts(), repo, title: 'late', parentCommit, operations: [{ operation: 'addOrUpdate', path: 'a.txt', content: new Blob(['2']) }] }),
    );
    assert.equal(err.statusCode, 412);
    assert.match(err.message, /A commit has happened since/);
    assert.equal(await (await downloadFile({ ...opts(), repo, path: 'a.txt' }))?.text(), '1');
    assert.equal(h.fake.commits.length, 1);
  });

  it('a read-only token, or a repo outside your namespaces, is refused with 403', async () => {
    const readOnly = await rejectionOf(uploadFile({ ...opts(READONLY_TOKEN), repo, file: { path: 'x.txt', content: new Blob(['x']) } }));
    assert.equal(readOnly.statusCode, 403);
    const foreign = await rejectionOf(uploadFile({ ...opts(), repo: 'openai-community/gpt2', file: { path: 'x.txt', content: new Blob(['x']) } }));
    assert.equal(foreign.statusCode, 403);
    assert.equal(h.fake.commits.length, 0);
  });

  it('calls the commit listeners after each successful commit only', async () => {
    const seen: string[] = [];
    const remove = addCommitListener((_state, type, id) => seen.push(`${type}:${id}`));
    try {
      await uploadFile({ ...opts(), repo: { type: 'dataset', name: 'fake-user/private-dataset' }, file: { path: 'b.txt', content: new Blob(['b']) } });
      await rejectionOf(uploadFile({ ...opts(READONLY_TOKEN), repo, file: { path: 'x.txt', content: new Blob(['x']) } }));
    } finally {
      remove();
    }
    assert.deepEqual(seen, ['dataset:fake-user/private-dataset']);
  });

  it('reset() restores the catalog state of committed repos', async () => {
    await uploadFile({ ...opts(), repo, file: { path: 'gone.txt', content: new Blob(['g']) } });
    h.fake.reset();
    assert.equal(await downloadFile({ ...opts(), repo, path: 'gone.txt' }), null);
  });

  it('createRepo makes a Space (409 for a clash, 403 for a read-only token or another namespace, 400 for a bad name), and a commit to it starts a build', async () => {
    const space = { type: 'space' as const, name: 'fake-user/new-demo' };
    const made = await createRepo({ ...opts(), repo: space, sdk: 'gradio', private: true });
    assert.match(made.repoUrl, /\/spaces\/fake-user\/new-demo$/);
    const info = await spaceInfo({ ...opts(), name: space.name });
    assert.equal(info.name, 'fake-user/new-demo');
    assert.equal((await rejectionOf(createRepo({ ...opts(), repo: space, sdk: 'gradio' }))).statusCode, 409);
    assert.equal((await rejectionOf(createRepo({ ...opts(READONLY_TOKEN), repo: { type: 'space', name: 'fake-user/other' }, sdk: 'static' }))).statusCode, 403);
    assert.equal((await rejectionOf(createRepo({ ...opts(), repo: { type: 'space', name: 'someone-else/x' }, sdk: 'static' }))).statusCode, 403);
    assert.equal((await rejectionOf(createRepo({ ...opts(), repo: { type: 'model', name: 'fake-user/-bad-' } }))).statusCode, 400);
    await uploadFile({ ...opts(), repo: space, file: { path: 'app.py', content: new Blob(['import gradio']) }, commitTitle: 'First app', useXet: false });
    const runtime = (await (await fetch(`${h.fake.hubUrl}/api/spaces/fake-user/new-demo/runtime`, { headers: { Authorization: `Bearer ${VALID_TOKEN}` } })).json()) as { stage: string };
    assert.equal(runtime.stage, 'BUILDING');
  });

  it('a large file goes through the LFS batch API and the object store, and is committed as an lfsFile', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024, 7);
    big.write('header', 0);
    const seen: string[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(`${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : String(input)).pathname}`);
      return fetch(input, init);
    };
    await uploadFile({ ...opts(), fetch: recording, repo, file: { path: 'weights/model.bin', content: new Blob([big]) }, commitTitle: 'Add weights', useXet: false });
    assert.ok(seen.includes('POST /fake-user/private-model.git/info/lfs/objects/batch'), seen.join(', '));
    assert.ok(seen.some((s) => s.startsWith('PUT /lfs-storage/')), seen.join(', '));
    const blob = await downloadFile({ ...opts(), repo, path: 'weights/model.bin' });
    assert.ok(blob && Buffer.from(await blob.arrayBuffer()).equals(big), 'the bytes come back');
    const [info] = await pathsInfo({ ...opts(), repo, paths: ['weights/model.bin'] });
    assert.equal(info.lfs?.size, big.length, 'an LFS file');
  });

  it('a private repo does not exist for another user\'s token (404) and asks for a token without one (401), as on the Hub', async () => {
    assert.equal((await rejectionOf(listFiles({ hubUrl: h.fake.hubUrl, accessToken: OTHER_USER_TOKEN, repo }).next())).statusCode, 404);
    assert.equal((await rejectionOf(listFiles({ hubUrl: h.fake.hubUrl, repo }).next())).statusCode, 401);
    const mine = await listFiles({ ...opts(), repo }).next();
    assert.equal(mine.done, false, 'the owner sees it');
  });
});
