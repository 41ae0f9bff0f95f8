// The Space commands' plain parts: the failure messages (read-only token, Space not visible, signed out) and the
// build watch on the core poll schedule (an old end stage is not taken for the end of the new build).
import { strict as assert } from 'node:assert';
import { SpaceRouteError } from '../../../src/hub/spaceRuntimeApi';
import { watchBuild, type BuildEnd } from '../../../src/spaces/buildWatch';
import { isSpaceId, spaceFailure } from '../../../src/spaces/spaceFailures';

describe('spaces/spaceFailures', () => {
  it('a 403 carries the Hub message and says the token can only read', () => {
    const f = spaceFailure(new SpaceRouteError(403, 'You don\'t have the rights: your token is read-only.'), 'fake-org/static-page', 'restart', true);
    assert.equal(f.kind, 'read-only');
    assert.match(f.text, /^Could not restart fake-org\/static-page: You don't have the rights: your token is read-only\. Your token can only read/);
  });

  it('404 and 401 with a token: the Space is not visible; 401 without a token: sign in', () => {
    assert.equal(spaceFailure(new SpaceRouteError(404, 'Repository not found'), 'a/b', 'pause', true).kind, 'not-visible');
    assert.equal(spaceFailure(new SpaceRouteError(401, undefined), 'a/b', 'pause', true).kind, 'not-visible');
    assert.equal(spaceFailure(new SpaceRouteError(401, undefined), 'a/b', 'pause', false).kind, 'signed-out');
    assert.match(spaceFailure(new SpaceRouteError(404, undefined), 'a/b', 'pause', true).text, /does not exist or your token cannot see it/);
  });

  it('redacts a token in other failures', () => {
    assert.doesNotMatch(spaceFailure(new Error('failed with hf_abcdefghijklmnopqrstuvwxyz123456'), 'a/b', 'pause', true).text, /hf_abcdefghijklmnop/);
  });

  it('accepts owner/name Space ids only', () => {
    assert.deepEqual(['fake-org/static-page', 'a/b.c_d', 'a', 'a/b/c', '../x', 'a/..', ''].map(isSpaceId), [true, true, false, false, false, false, false]);
  });
});

describe('spaces/buildWatch', () => {
  const intervals = { busyMs: 5, settledMs: 5 };

  it('ends when the build reaches RUNNING, and ignores an old end stage before the build was seen', async () => {
    const stages = ['RUNNING', 'BUILDING', 'BUILDING', 'RUNNING'];
    const ends: BuildEnd[] = [];
    const w = watchBuild({ space: 'a/b', startStage: 'RUNNING', readStage: async () => stages.shift() ?? 'RUNNING', onEnd: (e) => ends.push(e), intervals });
    assert.deepEqual(await w.done, { space: 'a/b', stage: 'RUNNING', ok: true });
    assert.deepEqual(ends, [{ space: 'a/b', stage: 'RUNNING', ok: true }]);
    assert.equal(stages.length, 0);
  });

  it('reports a build error as not ok', async () => {
    const stages = ['BUILDING', 'BUILD_ERROR'];
    const w = watchBuild({ space: 'a/b', startStage: 'BUILDING', readStage: async () => stages.shift() ?? 'BUILD_ERROR', onEnd: () => undefined, intervals });
    assert.deepEqual(await w.done, { space: 'a/b', stage: 'BUILD_ERROR', ok: false });
  });

  it('with trustEndAfterMs, an end stage that never followed a build seen is taken after that long (a build too quick to catch)', async () => {
    const seen: string[] = [];
    const w = watchBuild({ space: 'a/b', startStage: undefined, readStage: async () => 'RUNNING', onStage: (s) => seen.push(s), onEnd: () => undefined, intervals, trustEndAfterMs: 30 });
    assert.deepEqual(await w.done, { space: 'a/b', stage: 'RUNNING', ok: true });
    assert.deepEqual(seen, ['RUNNING'], 'stages are reported as they change');
    const without = watchBuild({ space: 'a/b', startStage: undefined, readStage: async () => 'RUNNING', onEnd: () => undefined, intervals, maxMs: 60 });
    assert.equal(await without.done, undefined, 'without it, only a build seen ends the watch (here: given up)');
  });

  it('cancel ends the watch without a notification', async () => {
    let ends = 0;
    const w = watchBuild({ space: 'a/b', startStage: 'BUILDING', readStage: async () => 'BUILDING', onEnd: () => (ends += 1), intervals });
    w.cancel();
    assert.equal(await w.done, undefined);
    assert.equal(ends, 0);
  });
});
