import { strict as assert } from 'node:assert';
import type { Memento } from 'vscode';
import { PersistentState } from '../../../src/persistentState';
import { requireWithVscode } from '../support/requireWithVscode';

type Module = typeof import('../../../src/auth/tokenApprovals');

/** The modal: records each question and answers with what the test set. */
const modal = { asked: [] as string[], answer: undefined as string | undefined };
/** Just enough of vscode.EventEmitter: listeners called in order. */
class StubEmitter {
  private readonly listeners: (() => void)[] = [];
  readonly event = (listener: () => void) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  fire(): void {
    this.listeners.forEach((l) => l());
  }
}
const VSCODE_STUB = {
  EventEmitter: StubEmitter,
  window: {
    showWarningMessage: async (message: string) => {
      modal.asked.push(message);
      await new Promise((resolve) => setImmediate(resolve));
      return modal.answer;
    },
  },
};
const { TokenHostApprovals } = requireWithVscode<Module>(require.resolve('../../../src/auth/tokenApprovals'), VSCODE_STUB);

function memento(): Memento {
  const map = new Map<string, unknown>();
  return {
    keys: () => [...map.keys()],
    get: <T>(key: string, fallback?: T) => (map.has(key) ? (map.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void map.set(key, value),
  } as Memento;
}

describe('auth/tokenApprovals', () => {
  beforeEach(() => {
    modal.asked = [];
    modal.answer = undefined;
  });

  it('tells listeners when an origin is approved or revoked, not when the user refuses', async () => {
    const approvals = new TokenHostApprovals(new PersistentState(memento()));
    let changes = 0;
    approvals.onDidChange(() => changes++);
    modal.answer = undefined;
    assert.equal(await approvals.requestApproval('https://refused.example.org'), false);
    assert.equal(changes, 0);
    modal.answer = 'Send Token';
    assert.equal(await approvals.requestApproval('https://mirror.example.org'), true);
    assert.equal(changes, 1);
    await approvals.revoke(['https://mirror.example.org']);
    assert.equal(changes, 2);
    assert.equal(approvals.isApproved('https://mirror.example.org'), false);
  });

  it('asks in a modal naming the host, remembers a yes for every later request and every window', async () => {
    const global = memento();
    const approvals = new TokenHostApprovals(new PersistentState(global));
    modal.answer = 'Send Token';
    assert.equal(await approvals.requestApproval('https://mirror.example.org'), true);
    assert.deepEqual(modal.asked, ['Send your Hugging Face token to mirror.example.org?']);
    assert.equal(new TokenHostApprovals(new PersistentState(global)).isApproved('https://mirror.example.org'), true);
  });

  it('asks once for parallel requests to the same new origin', async () => {
    const approvals = new TokenHostApprovals(new PersistentState(memento()));
    modal.answer = 'Send Token';
    const answers = await Promise.all([1, 2, 3].map(() => approvals.requestApproval('https://mirror.example.org')));
    assert.deepEqual(answers, [true, true, true]);
    assert.equal(modal.asked.length, 1);
  });

  it('remembers nothing when the user closes the modal, and asks again next time', async () => {
    const approvals = new TokenHostApprovals(new PersistentState(memento()));
    assert.equal(await approvals.requestApproval('https://x.example'), false);
    assert.equal(approvals.isApproved('https://x.example'), false);
    await approvals.requestApproval('https://x.example');
    assert.equal(modal.asked.length, 2);
  });

  it('revokes what the user picks and keeps the rest', async () => {
    const state = new PersistentState(memento());
    await state.setApprovedTokenOrigins(['https://a.example', 'https://b.example']);
    const approvals = new TokenHostApprovals(state);
    await approvals.revoke(['https://a.example']);
    assert.deepEqual(approvals.approved(), ['https://b.example']);
  });

  it('an older write echoed back by globalState does not drop a newer approval (nor the next write)', async () => {
    const global = memento();
    const approvals = new TokenHostApprovals(new PersistentState(global));
    modal.answer = 'Send Token';
    await approvals.requestApproval('http://127.0.0.1:1001');
    await approvals.requestApproval('http://127.0.0.1:1002');
    // VS Code hands the first write back to this window after the second: the stored list loses the router.
    assert.deepEqual(global.keys(), ['huggingface.token.approvedOrigins']);
    await global.update('huggingface.token.approvedOrigins', ['http://127.0.0.1:1001']);
    assert.equal(approvals.isApproved('http://127.0.0.1:1002'), true);
    assert.equal(modal.asked.length, 2, 'not asked again');
    await approvals.requestApproval('http://127.0.0.1:1003');
    assert.deepEqual(new TokenHostApprovals(new PersistentState(global)).approved(), ['http://127.0.0.1:1001', 'http://127.0.0.1:1002', 'http://127.0.0.1:1003']);
    // A revoke removes it here too.
    await approvals.revoke(['http://127.0.0.1:1002']);
    assert.equal(approvals.isApproved('http://127.0.0.1:1002'), false);
  });
});
