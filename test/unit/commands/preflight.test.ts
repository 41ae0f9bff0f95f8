import { strict as assert } from 'node:assert';
import { checkSelection, needsHfToken, preflight, quotaExhausted } from '../../../src/commands/preflight';

const usage = (used: number, limit: number) => ({ used, limit, month: '2026-11', fraction: limit > 0 ? used / limit : 0 });
const noEndpoints = { policy: 'preferFreeLocal' as const, endpoints: [] };
const ollama = { id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' };

describe('commands/preflight', () => {
  it('refuses an empty or whitespace-only selection', () => {
    assert.match(checkSelection('', 100)?.text ?? '', /Select some text/);
    assert.ok(checkSelection('  \n\t', 100));
  });

  it('refuses a selection over the limit and names the setting', () => {
    const m = checkSelection('x'.repeat(101), 100);
    assert.equal(m?.setting, 'huggingFace.maxSelectionChars');
    assert.equal(checkSelection('x'.repeat(100), 100), undefined);
  });

  it('needs a Hugging Face token unless an endpoint can serve the task', () => {
    assert.equal(needsHfToken('summarize', noEndpoints), true);
    assert.equal(needsHfToken('summarize', { policy: 'preferFreeLocal', endpoints: [ollama] }), false);
    assert.equal(needsHfToken('summarize', { policy: 'preferFreeLocal', endpoints: [{ ...ollama, tasks: ['generate-code'] }] }), true);
    assert.equal(needsHfToken('generate-code', { policy: 'endpointsFirst', endpoints: [{ ...ollama, tasks: ['generate-code'] }] }), false);
  });

  it('needs a token under huggingFaceOnly even with endpoints configured', () => {
    assert.equal(needsHfToken('summarize', { policy: 'huggingFaceOnly', endpoints: [ollama] }), true);
  });

  it('treats the quota as exhausted only when a limit is set and reached', () => {
    assert.equal(quotaExhausted(usage(100, 100)), true);
    assert.equal(quotaExhausted(usage(99, 100)), false);
    assert.equal(quotaExhausted(usage(5000, 0)), false);
  });

  it('refuses without a token and offers Sign In', () => {
    const m = preflight({ task: 'translate', settings: noEndpoints, hasToken: false, usage: usage(0, 10) });
    assert.deepEqual(m?.actions, ['signIn']);
  });

  it('refuses when the quota is used up, naming the setting and offering Open Settings', () => {
    const m = preflight({ task: 'translate', settings: noEndpoints, hasToken: true, usage: usage(10, 10) });
    assert.match(m?.text ?? '', /huggingFace\.quota\.monthlyRequests/);
    assert.deepEqual(m?.actions, ['openSettings']);
  });

  it('lets a request through with a token and quota left, or when an endpoint can serve it', () => {
    assert.equal(preflight({ task: 'ner', settings: noEndpoints, hasToken: true, usage: usage(1, 10) }), undefined);
    assert.equal(preflight({ task: 'ner', settings: { policy: 'preferFreeLocal', endpoints: [ollama] }, hasToken: false, usage: usage(10, 10) }), undefined);
  });

  it('lets a request through with no token and no quota left when an on-device model may answer it', () => {
    assert.equal(preflight({ task: 'sentiment', settings: noEndpoints, hasToken: false, usage: usage(10, 10), localMayServe: true }), undefined);
    assert.deepEqual(preflight({ task: 'sentiment', settings: noEndpoints, hasToken: false, usage: usage(0, 10), localMayServe: false })?.actions, ['signIn']);
  });
});
