import { strict as assert } from 'node:assert';
import type { Decision } from '../../../src/core/routing/decision';
import { CallFailure } from '../../../src/core/routing/routingTypes';
import type { TaskKind, TaskRequest } from '../../../src/core/tasks/taskTypes';
import type { HostActions, HubRunOptions, HubViewDeps } from '../../../src/hub/deps';
import { HubDispatcher } from '../../../src/hub/dispatcher';
import { createHubHandlers } from '../../../src/hub/handlers';
import { HubService } from '../../../src/hub/hubService';
import { parseHostMessage, parseWebviewMessage, type HostMessage } from '../../../src/shared/protocol';
import { REQUESTS } from '../shared/protocolSamples';
import { HUB, StubHub, VIEWER, json } from './stubHub';
import { approving } from '../support/tokenChecks';

const TOKEN = 'hf_dispatcher_secret_token';

const decision = (model: string): Decision => ({
  id: 1,
  task: 'chat',
  startedAt: 0,
  totalMs: 420,
  fromCache: false,
  outcomes: [],
  chosen: { model, provider: { kind: 'hf', provider: 'together' }, why: 'test', status: 'succeeded', attempts: 1, latencyMs: 400 },
});

function setup(
  run?: (request: TaskRequest, options: HubRunOptions) => Promise<{ result: { task: 'chat'; text: string }; decision: Decision }>,
  token: string | undefined = TOKEN,
) {
  const stub = new StubHub();
  stub.on(/\/api\/models\/[^/]+\/[^/]+\/revision\/HEAD$/, () => json({ _id: 'x', id: 'Qwen/Qwen2.5-72B-Instruct', pipeline_tag: 'text-generation', likes: 1, downloads: 1 }));
  const opened: string[] = [];
  const pinned: string[] = [];
  const copied: string[] = [];
  const explored: string[] = [];
  const logs: string[] = [];
  const deps: HubViewDeps = {
    hubUrl: () => HUB,
    datasetsServerUrl: () => VIEWER,
    getToken: async () => token,
    checkTokenDestination: approving(HUB, VIEWER),
    onDidChangeToken: () => ({ dispose: () => undefined }),
    router: {
      run: (request, options = {}) => (run ? run(request, options) : Promise.resolve({ result: { task: 'chat', text: 'Bonjour' }, decision: decision('m') })),
    },
    pinModel: async (task, modelId) => void pinned.push(`${task}=${modelId}`),
    unpinModel: async (task) => void pinned.push(`${task}=`),
    pins: () => pinned.filter((p) => !p.endsWith('=')).map((p) => ({ task: p.split('=')[0] as TaskKind, model: p.split('=')[1] })),
    onDidChangePins: () => ({ dispose: () => undefined }),
    openExternal: (url) => void opened.push(url),
    log: (line) => void logs.push(line),
  };
  const actions: HostActions = {
    copyText: async (t) => void copied.push(t),
    insertSnippet: async (s) => ({ inserted: s.python.includes('InferenceClient'), language: 'python' }),
    openRepoInExplorer: async (kind, id) => void explored.push(`${kind}:${id}`),
    signIn: async () => true,
    runSpaceCommand: (command, id) => void opened.push(`space:${command}:${id}`),
    loadState: () => null,
    saveState: async () => undefined,
  };
  const service = new HubService({ hubUrl: () => HUB, datasetsServerUrl: () => VIEWER, getToken: deps.getToken, checkTokenDestination: approving(HUB, VIEWER), fetch: stub.fetch });
  const posted: HostMessage[] = [];
  const dispatcher = new HubDispatcher(createHubHandlers(service, deps, actions), (m) => void posted.push(parseHostMessage(JSON.parse(JSON.stringify(m)))), (l) => void logs.push(l));
  return { dispatcher, posted, opened, pinned, copied, logs, explored };
}

const replies = (posted: HostMessage[]) => posted.filter((m) => m.type === 'reply');

describe('hub/dispatcher', () => {
  it('answers each request with one valid reply naming its seq and method', async () => {
    const { dispatcher, posted } = setup();
    await dispatcher.handle(REQUESTS.init);
    assert.deepEqual(posted, [{ type: 'reply', seq: 1, method: 'init', ok: true, result: { signedIn: true, hubUrl: HUB, savedState: null } }]);
  });

  it('shows signed out when the stored key is not a Hugging Face token (the Hub client would not send it)', async () => {
    const { dispatcher, posted } = setup(undefined, 'sk-not-a-hugging-face-token');
    await dispatcher.handle(REQUESTS.init);
    assert.deepEqual(posted, [{ type: 'reply', seq: 1, method: 'init', ok: true, result: { signedIn: false, hubUrl: HUB, savedState: null } }]);
  });

  it('never puts the token in a reply', async () => {
    const { dispatcher, posted } = setup();
    await dispatcher.handle(REQUESTS.init);
    await dispatcher.handle(REQUESTS.details);
    assert.ok(!JSON.stringify(posted).includes(TOKEN));
  });

  it('replies with an error to a malformed request it can identify, and drops unknown messages', async () => {
    const { dispatcher, posted, logs } = setup();
    await dispatcher.handle({ ...REQUESTS.copyId, id: '../../etc' });
    await dispatcher.handle({ type: 'shell', seq: 99, cmd: 'rm -rf /' });
    await dispatcher.handle('garbage');
    assert.deepEqual(posted, [{ type: 'reply', seq: 12, method: 'copyId', ok: false, error: { kind: 'error', message: 'Malformed request.' } }]);
    assert.equal(logs.filter((l) => l.includes('rejected a malformed message')).length, 3);
  });

  it('streams "Try it" tokens as events before the reply, through the router with exactly this candidate', async () => {
    let seen: HubRunOptions | undefined;
    const { dispatcher, posted } = setup(async (_request, options) => {
      seen = options;
      options.onToken?.('Bon');
      options.onRestart?.();
      options.onToken?.('Bonjour');
      return { result: { task: 'chat', text: 'Bonjour' }, decision: decision('Qwen/Qwen2.5-72B-Instruct') };
    });
    await dispatcher.handle({ ...REQUESTS.tryRun, provider: 'together' });
    assert.deepEqual(seen?.only, { model: 'Qwen/Qwen2.5-72B-Instruct', provider: { kind: 'hf', provider: 'together' }, api: 'chat', why: 'chosen in the Hub browser ("Try it")' });
    assert.deepEqual(posted, [
      { type: 'runToken', seq: 10, text: 'Bon' },
      { type: 'runRestart', seq: 10 },
      { type: 'runToken', seq: 10, text: 'Bonjour' },
      { type: 'reply', seq: 10, method: 'tryRun', ok: true, result: { text: 'Bonjour', model: 'Qwen/Qwen2.5-72B-Instruct', provider: 'together', latencyMs: 400 } },
    ]);
  });

  it('aborts a running "Try it" when the webview cancels it, and replies cancelled', async () => {
    let aborted = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const { dispatcher, posted } = setup(
      (_request, options) =>
        new Promise((_resolve, reject) => {
          started();
          options.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new CallFailure('cancelled', 'Cancelled'));
          });
        }),
    );
    const handled = dispatcher.handle(REQUESTS.tryRun);
    await running;
    await dispatcher.handle(REQUESTS.cancel);
    await handled;
    assert.equal(aborted, true);
    const tryReply = replies(posted).find((m) => m.method === 'tryRun');
    assert.deepEqual(tryReply && !tryReply.ok && tryReply.error.kind, 'cancelled');
  });

  it('maps router failures to view states, keeping the wait of a rate limit', async () => {
    const { dispatcher, posted } = setup(async () => {
      throw Object.assign(new Error('Too many requests'), { failure: new CallFailure('rate-limited', 'Too many requests', { retryAfterMs: 5000 }) });
    });
    await dispatcher.handle(REQUESTS.tryRun);
    assert.deepEqual(posted, [{ type: 'reply', seq: 10, method: 'tryRun', ok: false, error: { kind: 'rate-limited', message: 'Too many requests', retryAfterMs: 5000 } }]);
  });

  it('refuses to open non-web links from a card, and opens web links through the host', async () => {
    const { dispatcher, posted, opened } = setup();
    await dispatcher.handle({ ...REQUESTS.openExternal, url: 'javascript:alert(1)' });
    await dispatcher.handle({ ...REQUESTS.openExternal, url: 'command:workbench.action.terminal.new' });
    await dispatcher.handle(REQUESTS.openExternal);
    assert.deepEqual(opened, ['https://arxiv.org/abs/1810.04805']);
    assert.deepEqual(replies(posted).map((r) => r.ok), [false, false, true]);
  });

  it('opens a repo on the configured Hub, pins a model, copies an id, inserts a snippet', async () => {
    const { dispatcher, opened, pinned, copied, posted } = setup();
    await dispatcher.handle(REQUESTS.openOnHub);
    await dispatcher.handle(REQUESTS.pinModel);
    await dispatcher.handle(REQUESTS.copyId);
    await dispatcher.handle(REQUESTS.insertSnippet);
    assert.deepEqual(opened, [`${HUB}/datasets/rajpurkar/squad`]);
    assert.deepEqual(pinned, ['sentiment=distilbert/distilbert-base-uncased-finetuned-sst-2-english']);
    assert.deepEqual(copied, ['openai-community/gpt2']);
    const snippet = replies(posted).find((r) => r.method === 'insertSnippet');
    assert.deepEqual(snippet?.ok && snippet.result, { inserted: true, language: 'python' });
  });

  it('opens a repo in the Explorer through the host action', async () => {
    const { dispatcher, explored, posted } = setup();
    await dispatcher.handle(REQUESTS.openInExplorer);
    assert.deepEqual(explored, ['model:fake-user/private-model']);
    assert.deepEqual(replies(posted).map((r) => r.ok), [true]);
  });

  it('a Space\'s Logs / Restart buttons run the host\'s Space commands; another command is refused by the protocol', async () => {
    const { dispatcher, opened, posted } = setup();
    await dispatcher.handle(REQUESTS.spaceCommand);
    await dispatcher.handle({ ...REQUESTS.spaceCommand, command: 'logs' });
    assert.deepEqual(opened, ['space:restart:fake-org/static-page', 'space:logs:fake-org/static-page']);
    assert.deepEqual(replies(posted).map((r) => r.ok), [true, true]);
    assert.throws(() => parseWebviewMessage({ ...REQUESTS.spaceCommand, command: 'delete' }), /command/);
  });

  it('lists the pins and unpins a task', async () => {
    const { dispatcher, pinned, posted } = setup();
    await dispatcher.handle(REQUESTS.pinModel);
    await dispatcher.handle(REQUESTS.pins);
    const pins = replies(posted).find((r) => r.method === 'pins');
    assert.deepEqual(pins?.ok && pins.result, { pins: [{ task: 'sentiment', model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english' }] });
    await dispatcher.handle(REQUESTS.unpinModel);
    assert.deepEqual(pinned.at(-1), 'translate=');
  });

  it('sends nothing after it is disposed', async () => {
    const { dispatcher, posted } = setup();
    dispatcher.dispose();
    await dispatcher.handle(REQUESTS.init);
    assert.deepEqual(posted, []);
  });
});
