import { uploadFile } from '@huggingface/hub';
// The fake's Space runtime routes, read the way the extension reads them: runtime JSON, the actions with a write
// or read-only token, and the logs SSE parsed by the core's parser, including a dropped stream and a reconnect.
import { strict as assert } from 'node:assert';
import { LogDeduper, SpaceLogParser, type LogLine } from '../../../src/core/spaces/logStream';
import { BUILD_STEPS } from '../../fake-hf/spaceRuntime';
import { READONLY_TOKEN, VALID_TOKEN } from '../../fake-hf/server';
import { useFakeHf } from './helpers';

const SPACE = 'gradio/hello_world';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('fake-hf: Space runtime', () => {
  const h = useFakeHf();
  const url = (path: string) => `${h.fake.hubUrl}/api/spaces/${SPACE}${path}`;
  const auth = (token = VALID_TOKEN) => ({ Authorization: `Bearer ${token}` });
  const post = (path: string, body?: unknown, token = VALID_TOKEN) =>
    fetch(url(path), { method: 'POST', headers: { ...auth(token), 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const stage = async () => ((await (await fetch(url('/runtime'))).json()) as { stage: string }).stage;

  /** Reads a log stream to its end (or its drop) through the core parser. */
  async function readLogs(log: 'build' | 'run', deduper?: LogDeduper): Promise<{ lines: LogLine[]; dropped: boolean }> {
    const res = await fetch(url(`/logs/${log}`), { headers: auth() });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const parser = new SpaceLogParser();
    const lines: LogLine[] = [];
    const keep = (ls: LogLine[]) => lines.push(...ls.filter((l) => !deduper || deduper.accept(l)));
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) keep(parser.push(decoder.decode(chunk, { stream: true })));
    } catch {
      return { lines, dropped: true };
    }
    keep(parser.end());
    return { lines, dropped: false };
  }

  beforeEach(() => h.fake.setSpaceBuildOptions({ stepMs: 5 }));

  it('answers the runtime of a Space', async () => {
    const rt = (await (await fetch(url('/runtime'))).json()) as Record<string, unknown>;
    assert.equal(rt.stage, 'RUNNING');
    assert.deepEqual(rt.hardware, { current: 'cpu-basic', requested: 'cpu-basic' });
    assert.equal(rt.gcTimeout, 172800);
  });

  it('restart builds the Space: the build log streams until it runs', async () => {
    const res = await post('/restart?factory=true');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { stage: string }).stage, 'BUILDING');
    const { lines, dropped } = await readLogs('build');
    assert.equal(dropped, false);
    assert.deepEqual(lines.map((l) => l.text), [...BUILD_STEPS, 'Build done']);
    assert.ok(lines.every((l) => /^\d{4}-\d\d-\d\dT/.test(l.timestamp)));
    assert.equal(await stage(), 'RUNNING');
  });

  it('a failing build ends in BUILD_ERROR with its message', async () => {
    h.fake.setSpaceBuildOptions({ fail: true });
    assert.equal(h.fake.startSpaceBuild(SPACE), true);
    const { lines } = await readLogs('build');
    assert.match(lines.at(-1)!.text, /^ERROR/);
    const rt = (await (await fetch(url('/runtime'))).json()) as Record<string, unknown>;
    assert.equal(rt.stage, 'BUILD_ERROR');
    assert.equal(rt.errorMessage, 'Build failed with exit code: 1');
  });

  it('a dropped log stream reconnects without duplicate lines', async () => {
    h.fake.setSpaceBuildOptions({ stepMs: 20 });
    await post('/restart');
    h.fake.setFault({ model: SPACE, pathPrefix: `/api/spaces/${SPACE}/logs` }, { type: 'cut-stream', afterChunks: 2, times: 1 });
    const deduper = new LogDeduper();
    const first = await readLogs('build', deduper);
    assert.equal(first.dropped, true);
    assert.equal(first.lines.length, 2);
    deduper.reconnected();
    const second = await readLogs('build', deduper);
    assert.equal(second.dropped, false);
    assert.deepEqual([...first.lines, ...second.lines].map((l) => l.text), [...BUILD_STEPS, 'Build done']);
  });

  it('pause, sleep time and hardware change the runtime', async () => {
    assert.equal(((await (await post('/pause')).json()) as { stage: string }).stage, 'PAUSED');
    assert.equal(((await (await post('/sleeptime', { seconds: 3600 })).json()) as { gcTimeout: number }).gcTimeout, 3600);
    assert.equal((await post('/sleeptime', { seconds: 'soon' })).status, 400);
    const hw = (await (await post('/hardware', { flavor: 't4-small' })).json()) as { stage: string; hardware: { requested: string } };
    assert.deepEqual([hw.stage, hw.hardware.requested], ['BUILDING', 't4-small']);
  });

  it('refuses actions with a read-only token (403) or none (401)', async () => {
    const res = await post('/restart', undefined, READONLY_TOKEN);
    assert.equal(res.status, 403);
    assert.match(((await res.json()) as { error: string }).error, /read-only/);
    assert.equal((await fetch(url('/pause'), { method: 'POST' })).status, 401);
    assert.equal(await stage(), 'RUNNING');
  });

  it('a commit to a Space (through @huggingface/hub) starts a build that ends running', async () => {
    const space = 'fake-org/static-page';
    const runtimeOf = async () => ((await (await fetch(`${h.fake.hubUrl}/api/spaces/${space}/runtime`, { headers: auth() })).json()) as { stage: string }).stage;
    assert.equal(await runtimeOf(), 'RUNNING');
    await uploadFile({ hubUrl: h.fake.hubUrl, accessToken: VALID_TOKEN, repo: { type: 'space', name: space }, file: { path: 'index.html', content: new Blob(['<h1>new</h1>']) }, commitTitle: 'Update the page', useXet: false });
    assert.equal(await runtimeOf(), 'BUILDING');
    await waitFor(async () => (await runtimeOf()) === 'RUNNING');
  });

  it('the Space info\'s runtime (expand=runtime, what the Hub view reads) is the live one', async () => {
    const info = async () => ((await (await fetch(`${h.fake.hubUrl}/api/spaces/${SPACE}?expand=runtime`)).json()) as { runtime: { stage: string } }).runtime.stage;
    const before = await info();
    assert.equal((await post('/pause')).status, 200);
    assert.equal(await info(), 'PAUSED');
    assert.notEqual(before, 'PAUSED');
  });

  it('answers 404 for a Space that does not exist', async () => {
    assert.equal((await fetch(`${h.fake.hubUrl}/api/spaces/nobody/nothing/runtime`)).status, 404);
    assert.equal((await fetch(`${h.fake.hubUrl}/api/spaces/nobody/nothing/logs/build`)).status, 404);
  });
});
