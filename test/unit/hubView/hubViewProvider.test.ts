import { strict as assert } from 'node:assert';
import { requireWithVscode } from '../support/requireWithVscode';

type ProviderModule = typeof import('../../../src/hubView/hubViewProvider');

const uri = (path: string) => ({ path, toString: () => `https://webview.test${path}` });
const VSCODE_STUB = { Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')) } };
const { HubViewProvider } = requireWithVscode<ProviderModule>(require.resolve('../../../src/hubView/hubViewProvider'), VSCODE_STUB);

/** A webview view that records what the provider posts and lets the test send it messages. */
function fakeView() {
  let receive: (message: unknown) => unknown = () => undefined;
  const posted: unknown[] = [];
  const view = {
    visible: true,
    webview: {
      options: {},
      html: '',
      cspSource: 'https://webview.test',
      asWebviewUri: (u: unknown) => u,
      onDidReceiveMessage: (listener: (m: unknown) => unknown) => ((receive = listener), { dispose: () => undefined }),
      postMessage: async (m: unknown) => void posted.push(m),
    },
    onDidChangeVisibility: () => ({ dispose: () => undefined }),
    onDidDispose: () => ({ dispose: () => undefined }),
  };
  return { view, posted, send: (m: unknown) => receive(m) };
}

describe('hubView/hubViewProvider: failures without a caller are reported, never unhandled', () => {
  let unhandled: unknown[];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => process.off('unhandledRejection', onUnhandled));

  function setup(isSignedIn: () => Promise<boolean>, handle: () => Promise<void> = async () => undefined) {
    const reports: string[] = [];
    const provider = new HubViewProvider(
      uri('/ext') as never,
      () => ({ handle, dispose: () => undefined }),
      isSignedIn,
      () => undefined,
      (what, err) => reports.push(`${what}: ${String(err)}`),
    );
    const fake = fakeView();
    provider.resolveWebviewView(fake.view as never);
    return { provider, fake, reports };
  }

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('reports a SecretStorage failure while checking sign-in, on init and on a token change', async () => {
    const { provider, fake, reports } = setup(() => Promise.reject(new Error('keyring unavailable')));
    fake.send({ type: 'init', seq: 1 });
    await provider.checkAuth();
    await settle();
    assert.deepEqual(unhandled, []);
    assert.ok(reports.length >= 2, reports.join('\n'));
    assert.ok(reports.every((r) => r.includes('keyring unavailable')));
  });

  it('reports a handler that throws instead of leaving an unhandled rejection', async () => {
    const { fake, reports } = setup(async () => true, () => Promise.reject(new Error('handler bug')));
    fake.send({ type: 'list', seq: 2 });
    await settle();
    assert.deepEqual(unhandled, []);
    assert.deepEqual(reports, ['a Hub view message: Error: handler bug']);
  });

  it('still tells the webview when sign-in changes', async () => {
    let signedIn = false;
    const { provider, fake } = setup(async () => signedIn);
    fake.send({ type: 'init', seq: 1 });
    await settle();
    signedIn = true;
    await provider.checkAuth();
    assert.deepEqual(fake.posted.at(-1), { type: 'auth', signedIn: true });
  });
});
