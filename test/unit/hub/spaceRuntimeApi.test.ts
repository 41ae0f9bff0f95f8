// The hand-rolled Space runtime routes and the core's log follower against the fake Hub: actions, the read-only
// token's 403, and a build log followed to its end across a dropped connection without repeated lines.
import { strict as assert } from 'node:assert';
import { followLogs, type LogLine } from '../../../src/core/spaces/logStream';
import { openSpaceLogs, runSpaceAction, SpaceRouteError, type SpaceCallContext } from '../../../src/hub/spaceRuntimeApi';
import { BUILD_STEPS } from '../../fake-hf/spaceRuntime';
import { READONLY_TOKEN, VALID_TOKEN } from '../../fake-hf/server';
import { useFakeHf } from '../fake-hf/helpers';

const SPACE = 'gradio/hello_world';

describe('hub/spaceRuntimeApi with core followLogs', () => {
  const h = useFakeHf();
  const ctx = (accessToken = VALID_TOKEN): SpaceCallContext => ({ hubUrl: h.fake.hubUrl, accessToken, fetch: globalThis.fetch });
  const follow = (lines: LogLine[], reconnects: number[]) =>
    followLogs({
      open: (signal) => openSpaceLogs(ctx(), SPACE, 'build', signal),
      onLine: (l) => lines.push(l),
      onReconnect: (a) => reconnects.push(a),
      isFatal: (e) => e instanceof SpaceRouteError,
      wait: () => Promise.resolve(),
      signal: new AbortController().signal,
    });

  beforeEach(() => h.fake.setSpaceBuildOptions({ stepMs: 10 }));

  it('restarts (factory) and follows the build log to its end', async () => {
    const rt = (await runSpaceAction(ctx(), SPACE, { kind: 'restart', factory: true })) as { stage: string };
    assert.equal(rt.stage, 'BUILDING');
    assert.ok(h.fake.requests.some((r) => r.url.endsWith(`/api/spaces/${SPACE}/restart?factory=true`) && r.method === 'POST'));
    const lines: LogLine[] = [];
    assert.equal(await follow(lines, []), 'ended');
    assert.deepEqual(lines.map((l) => l.text), [...BUILD_STEPS, 'Build done']);
  });

  it('reconnects a dropped stream without repeating lines', async () => {
    await runSpaceAction(ctx(), SPACE, { kind: 'restart' });
    h.fake.setFault({ model: SPACE, pathPrefix: `/api/spaces/${SPACE}/logs` }, { type: 'cut-stream', afterChunks: 3, times: 1 });
    const lines: LogLine[] = [];
    const reconnects: number[] = [];
    assert.equal(await follow(lines, reconnects), 'ended');
    assert.deepEqual(reconnects, [0]);
    assert.deepEqual(lines.map((l) => l.text), [...BUILD_STEPS, 'Build done']);
  });

  it('a read-only token gets the Hub 403 message', async () => {
    const err = await runSpaceAction(ctx(READONLY_TOKEN), SPACE, { kind: 'pause' }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof SpaceRouteError);
    assert.equal(err.status, 403);
    assert.match(err.hubMessage ?? '', /read-only/);
  });

  it('sends the sleep time and hardware bodies', async () => {
    await runSpaceAction(ctx(), SPACE, { kind: 'sleeptime', seconds: 900 });
    await runSpaceAction(ctx(), SPACE, { kind: 'hardware', flavor: 't4-small' });
    assert.deepEqual(h.fake.requests.filter((r) => r.method === 'POST').map((r) => r.body), [{ seconds: 900 }, { flavor: 't4-small' }]);
  });
});
