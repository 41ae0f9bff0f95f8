import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FakeHfControl } from '../../fake-hf/control';

// The compiled CLI sits next to this compiled test: out/test/unit/fake-hf -> out/test/fake-hf/cli.js
const CLI = join(__dirname, '..', '..', 'fake-hf', 'cli.js');

describe('fake-hf CLI and control API', () => {
  let child: ChildProcess;
  let urls: { hubUrl: string; routerUrl: string; datasetsServerUrl: string; openaiUrl: string };

  before(async () => {
    child = spawn(process.execPath, [CLI], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    const [first] = (await once(lines, 'line')) as [string];
    lines.close();
    urls = JSON.parse(first) as typeof urls;
  });

  after(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });

  it('prints one JSON line with the four URLs', () => {
    for (const u of [urls.hubUrl, urls.routerUrl, urls.datasetsServerUrl]) assert.match(u, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(urls.openaiUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('is driven from another process: chat reply, faults, requests, reset', async () => {
    const control = new FakeHfControl(urls.openaiUrl);
    assert.deepEqual(await control.urls(), urls);
    await control.setChatReply('llama3.2:3b', 'controlled');
    await control.setFault({ listener: 'openai', model: 'mistral:7b' }, { type: 'status', status: 503, times: 1 });
    const chat = (model: string) =>
      fetch(`${urls.openaiUrl}/chat/completions`, { method: 'POST', body: JSON.stringify({ model, messages: [{ role: 'user', content: 'x' }] }) });
    const ok = (await (await chat('llama3.2:3b')).json()) as { choices: { message: { content: string } }[] };
    assert.equal(ok.choices[0].message.content, 'controlled');
    assert.equal((await chat('mistral:7b')).status, 503);
    assert.equal((await chat('mistral:7b')).status, 200);
    const recorded = await control.requests();
    assert.equal(recorded.length, 3);
    assert.equal(recorded[0].listener, 'openai');
    assert.ok(recorded[0].query instanceof URLSearchParams);
    await control.reset();
    assert.deepEqual(await control.requests(), []);
  });

  it('exits cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });
});
