import { strict as assert } from 'node:assert';
import type { WebviewRequest } from '../../../src/shared/protocol';
import { RequestClient, RequestError } from '../../../src/webview/requestClient';
import { RESULTS } from '../shared/protocolSamples';

/** Manual timers so timeouts are driven by the test, not the clock. */
function setup() {
  const sent: WebviewRequest[] = [];
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const client = new RequestClient((m) => void sent.push(m), {
    timeoutMs: 1000,
    setTimer: (fn) => {
      timers.set(nextTimer, fn);
      return nextTimer++;
    },
    clearTimer: (h) => void timers.delete(h as number),
  });
  return { client, sent, fireTimers: () => [...timers.values()].forEach((fn) => fn()), timers };
}

async function failureKind(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof RequestError);
    return err.failure.kind;
  }
  throw new Error('expected a rejection');
}

describe('webview/requestClient', () => {
  it('sends typed requests with increasing seq numbers', () => {
    const { client, sent } = setup();
    void client.request('init', {});
    void client.request('copyId', { id: 'org/m' });
    assert.deepEqual(sent, [
      { type: 'init', seq: 1 },
      { type: 'copyId', seq: 2, id: 'org/m' },
    ]);
  });

  it('resolves the pending request whose seq and method the reply names', async () => {
    const { client } = setup();
    const init = client.request('init', {});
    const list = client.request('list', { query: { scope: 'everyone', tab: 'models', text: '', sort: 'likes', filters: { task: '', library: '', language: '', inferenceProviders: false } }, offset: 0, count: 50, fresh: false });
    assert.equal(client.handle({ type: 'reply', seq: 2, method: 'list', ok: true, result: RESULTS.list }), true);
    assert.equal(client.handle({ type: 'reply', seq: 1, method: 'init', ok: true, result: RESULTS.init }), true);
    assert.deepEqual(await list, RESULTS.list);
    assert.deepEqual(await init, RESULTS.init);
    assert.equal(client.pendingCount, 0);
  });

  it('rejects with the host failure on an error reply', async () => {
    const { client } = setup();
    const p = client.request('card', { kind: 'model', id: 'org/m' });
    client.handle({ type: 'reply', seq: 1, method: 'card', ok: false, error: { kind: 'offline', message: 'offline' } });
    assert.equal(await failureKind(p), 'offline');
  });

  it('rejects a reply that names a different method than the request', async () => {
    const { client } = setup();
    const p = client.request('card', { kind: 'model', id: 'org/m' });
    client.handle({ type: 'reply', seq: 1, method: 'init', ok: true, result: RESULTS.init });
    assert.equal(await failureKind(p), 'error');
  });

  it('times out a request the host never answers, and ignores its late reply', async () => {
    const { client, fireTimers } = setup();
    const p = client.request('init', {});
    fireTimers();
    assert.equal(await failureKind(p), 'timeout');
    assert.equal(client.handle({ type: 'reply', seq: 1, method: 'init', ok: true, result: RESULTS.init }), true);
  });

  it('sets no timer for a request with timeout 0', () => {
    const { client, timers } = setup();
    void client.request('tryRun', { modelId: 'a/b', task: 'chat', provider: 'auto', input: { text: 'x', context: '', labels: '', sourceLang: '', targetLang: '' } }, { timeoutMs: 0 });
    assert.equal(timers.size, 0);
  });

  it('routes stream events to the request they belong to', () => {
    const { client } = setup();
    const events: string[] = [];
    const call = client.start('tryRun', { modelId: 'a/b', task: 'chat', provider: 'auto', input: { text: 'x', context: '', labels: '', sourceLang: '', targetLang: '' } }, { onEvent: (e) => events.push(e.type === 'runToken' ? e.text : '<restart>') });
    call.promise.catch(() => undefined);
    client.handle({ type: 'runToken', seq: call.seq, text: 'a' });
    client.handle({ type: 'runRestart', seq: call.seq });
    client.handle({ type: 'runToken', seq: call.seq, text: 'b' });
    assert.equal(client.handle({ type: 'runToken', seq: 999, text: 'stray' }), false);
    assert.deepEqual(events, ['a', '<restart>', 'b']);
  });

  it('cancels locally at once and tells the host which request to stop', async () => {
    const { client, sent } = setup();
    const call = client.start('tryRun', { modelId: 'a/b', task: 'chat', provider: 'auto', input: { text: 'x', context: '', labels: '', sourceLang: '', targetLang: '' } });
    call.cancel();
    assert.equal(await failureKind(call.promise), 'cancelled');
    assert.deepEqual(sent[1], { type: 'cancel', seq: 2, target: 1 });
  });

  it('leaves unsolicited events to the app', () => {
    const { client } = setup();
    assert.equal(client.handle({ type: 'command', command: 'refresh' }), false);
    assert.equal(client.handle({ type: 'auth', signedIn: true }), false);
  });
});
