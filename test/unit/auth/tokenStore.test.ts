import { strict as assert } from 'node:assert';
import type { SecretStorage } from 'vscode';
import { requireWithVscode } from '../support/requireWithVscode';

type TokenStoreModule = typeof import('../../../src/auth/tokenStore');

/** The one piece of `vscode` the TokenStore uses at run time, so it loads in plain node. */
class StubEventEmitter<T> {
  private readonly listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners.length = 0;
  }
}

function loadTokenStore(): TokenStoreModule {
  return requireWithVscode<TokenStoreModule>(require.resolve('../../../src/auth/tokenStore'), { EventEmitter: StubEventEmitter });
}

function secrets(values: Record<string, string>): SecretStorage {
  const map = new Map(Object.entries(values));
  return {
    get: async (key) => map.get(key),
    store: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
    onDidChange: () => ({ dispose: () => undefined }),
  };
}

const { TokenStore } = loadTokenStore();

describe('auth/tokenStore', () => {

  it('is signed in with a stored hf_ token, and hands it out for Hugging Face requests', async () => {
    const tokens = new TokenStore(secrets({ 'huggingface.token': 'hf_fake_valid_token' }), {});
    assert.equal(await tokens.hasToken(), true);
    assert.equal(await tokens.hfToken(), 'hf_fake_valid_token');
  });

  it('is not signed in with a stored key that is not a Hugging Face token', async () => {
    const tokens = new TokenStore(secrets({ 'huggingface.token': 'sk-not-a-hugging-face-token' }), {});
    assert.equal(await tokens.hasToken(), false);
    assert.equal(await tokens.hfToken(), undefined);
    assert.equal(await tokens.get(), 'sk-not-a-hugging-face-token', 'the stored value itself is kept');
  });

  it('applies the same rule to HF_TOKEN', async () => {
    assert.equal(await new TokenStore(secrets({}), { HF_TOKEN: 'hf_from_the_environment' }).hasToken(), true);
    assert.equal(await new TokenStore(secrets({}), { HF_TOKEN: 'sk-from-the-environment' }).hasToken(), false);
    assert.equal(await new TokenStore(secrets({}), {}).hasToken(), false);
  });

  it('follows sign in and sign out', async () => {
    const tokens = new TokenStore(secrets({}), {});
    await tokens.set('hf_fake_valid_token');
    assert.equal(await tokens.hasToken(), true);
    await tokens.clear();
    assert.equal(await tokens.hasToken(), false);
  });
});

describe('auth/tokenStore: an endpoint key goes only to the origin it was saved for', () => {
  it('hands the key out for the same origin, whatever the path', async () => {
    const tokens = new TokenStore(secrets({}), {});
    await tokens.setEndpointKey('ollama', 'sk-local', 'http://127.0.0.1:11434/v1');
    assert.equal(await tokens.endpointKey('ollama', 'http://127.0.0.1:11434/v1'), 'sk-local');
    assert.equal(await tokens.endpointKey('ollama', 'http://127.0.0.1:11434/other'), 'sk-local');
  });

  it('refuses when the endpoint was redefined to another host under the same id', async () => {
    const stored = secrets({});
    await new TokenStore(stored, {}).setEndpointKey('work', 'sk-secret', 'https://llm.example.com/v1');
    // A fresh store (another window, a restart) reads the binding from secret storage.
    const tokens = new TokenStore(stored, {});
    await assert.rejects(tokens.endpointKey('work', 'https://attacker.example/v1'), (err: unknown) => {
      assert.ok(err instanceof Error && err.name === 'CredentialNotSentError');
      assert.match(err.message, /saved for https:\/\/llm\.example\.com, but the endpoint now points at https:\/\/attacker\.example/);
      assert.ok(!err.message.includes('sk-secret'));
      return true;
    });
  });

  it('never sends a key over plain http to another machine', async () => {
    const tokens = new TokenStore(secrets({}), {});
    await tokens.setEndpointKey('lan', 'sk-lan', 'http://192.168.1.5:11434/v1');
    await assert.rejects(tokens.endpointKey('lan', 'http://192.168.1.5:11434/v1'), /never sent over plain http/);
  });

  it('treats a key saved before keys were bound as bound to nothing: it is asked for again', async () => {
    const tokens = new TokenStore(secrets({ 'huggingface.endpointKey.old': 'sk-legacy' }), {});
    await assert.rejects(tokens.endpointKey('old', 'https://llm.example.com/v1'), /Set its key again/);
  });

  it('has no key for an endpoint that never got one, and forgets a removed key', async () => {
    const tokens = new TokenStore(secrets({}), {});
    assert.equal(await tokens.endpointKey('none', 'https://llm.example.com'), undefined);
    await tokens.setEndpointKey('gone', 'sk-x', 'https://llm.example.com');
    await tokens.setEndpointKey('gone', '', 'https://llm.example.com');
    assert.equal(await tokens.endpointKey('gone', 'https://llm.example.com'), undefined);
  });
});
