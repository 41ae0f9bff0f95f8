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

describe('auth/tokenStore', () => {
  const { TokenStore } = loadTokenStore();

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
