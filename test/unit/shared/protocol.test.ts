import { strict as assert } from 'node:assert';
import { METHODS, parseHostMessage, parseWebviewMessage, ProtocolError, type HostMessage } from '../../../src/shared/protocol';
import { EVENTS, OTHER_QUERIES, REQUESTS, RESULTS } from './protocolSamples';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function reply(method: (typeof METHODS)[number], seq = 7): HostMessage {
  return { type: 'reply', seq, method, ok: true, result: RESULTS[method] } as HostMessage;
}

describe('protocol: webview -> host requests', () => {
  for (const method of METHODS) {
    it(`accepts a well-formed ${method} request and returns an equal message`, () => {
      assert.deepEqual(parseWebviewMessage(clone(REQUESTS[method])), REQUESTS[method]);
    });
  }

  it('accepts list queries of every tab', () => {
    for (const query of OTHER_QUERIES) {
      const parsed = parseWebviewMessage({ ...REQUESTS.list, query });
      assert.deepEqual(parsed.type === 'list' && parsed.query, query);
    }
  });

  it('drops fields the protocol does not define', () => {
    const parsed = parseWebviewMessage({ ...REQUESTS.copyId, token: 'hf_secret', extra: 1 });
    assert.deepEqual(parsed, REQUESTS.copyId);
  });

  const malformed: Array<[string, unknown]> = [
    ['a non-object', 'init'],
    ['null', null],
    ['an array', [REQUESTS.init]],
    ['an unknown type', { type: 'deleteRepo', seq: 1 }],
    ['a missing seq', { type: 'init' }],
    ['a zero seq', { type: 'init', seq: 0 }],
    ['a fractional seq', { type: 'init', seq: 1.5 }],
    ['a string seq', { type: 'init', seq: '1' }],
    ['a path-traversing repo id', { ...REQUESTS.copyId, id: '../../api/whoami-v2' }],
    ['a repo id with a query', { ...REQUESTS.card, id: 'org/name?x=1' }],
    ['a three-part repo id', { ...REQUESTS.card, id: 'a/b/c' }],
    ['an unknown repo kind', { ...REQUESTS.card, kind: 'bucket' }],
    ['an unknown task', { ...REQUESTS.pinModel, task: 'hack' }],
    ['a pin with a suffix other than :local', { ...REQUESTS.pinModel, modelId: 'org/model:evil' }],
    ['a :local pin of a path-traversing id', { ...REQUESTS.pinModel, modelId: '../x:local' }],
    ['a negative offset', { ...REQUESTS.list, offset: -1 }],
    ['a zero count', { ...REQUESTS.list, count: 0 }],
    ['a huge count', { ...REQUESTS.list, count: 100_000 }],
    ['an unknown tab', { ...REQUESTS.list, query: { ...REQUESTS.list.query, tab: 'papers' } }],
    ['an unknown scope', { ...REQUESTS.list, query: { ...REQUESTS.list.query, scope: 'mine' } }],
    ['a query without a scope', { ...REQUESTS.list, query: { tab: 'models', text: '', sort: 'likes', filters: REQUESTS.list.query.filters } }],
    ['a view state with an unknown scope', { ...REQUESTS.saveState, state: { ...REQUESTS.saveState.state, scope: 'all' } }],
    ['an unknown sort', { ...REQUESTS.list, query: { ...REQUESTS.list.query, sort: 'random' } }],
    ['filters of the wrong shape', { ...REQUESTS.list, query: { ...REQUESTS.list.query, filters: { task: 1 } } }],
    ['missing filters', { ...REQUESTS.list, query: { tab: 'models', text: '', sort: 'likes' } }],
    ['a non-boolean fresh', { ...REQUESTS.list, fresh: 'yes' }],
    ['a try input without fields', { ...REQUESTS.tryRun, input: { text: 'x' } }],
    ['a view state with a negative scroll', { ...REQUESTS.saveState, state: { ...REQUESTS.saveState.state, scrollTop: -5 } }],
    ['a non-string url', { ...REQUESTS.openExternal, url: 42 }],
    ['an over-long text', { ...REQUESTS.list, query: { ...REQUESTS.list.query, text: 'x'.repeat(501) } }],
  ];
  for (const [what, message] of malformed) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseWebviewMessage(message), ProtocolError);
    });
  }
});

describe('protocol: host -> webview messages', () => {
  for (const method of METHODS) {
    it(`accepts a successful ${method} reply`, () => {
      assert.deepEqual(parseHostMessage(clone(reply(method))), reply(method));
    });
  }

  it('accepts an error reply with a retry delay', () => {
    const message = { type: 'reply', seq: 3, method: 'list', ok: false, error: { kind: 'rate-limited', message: 'slow down', retryAfterMs: 30000 } };
    assert.deepEqual(parseHostMessage(message), message);
  });

  for (const event of EVENTS) {
    it(`accepts the ${event.type} event ${JSON.stringify(event)}`, () => {
      assert.deepEqual(parseHostMessage(clone(event)), event);
    });
  }

  const malformed: Array<[string, unknown]> = [
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['a reply for an unknown method', { ...reply('init'), method: 'exec' }],
    ['a reply whose result does not fit its method', { ...reply('list'), result: RESULTS.card }],
    ['a reply without ok', { type: 'reply', seq: 1, method: 'init', result: RESULTS.init }],
    ['an error reply with an unknown failure kind', { type: 'reply', seq: 1, method: 'init', ok: false, error: { kind: 'boom', message: 'x' } }],
    ['a list item with a hostile id', { ...reply('list'), result: { ...RESULTS.list, items: [{ ...RESULTS.list.items[0], id: '<img src=x>' }] } }],
    ['details with an unknown task', { ...reply('details'), result: { ...RESULTS.details, tasks: ['rm -rf'] } }],
    ['a preview row that is not strings', { ...reply('datasetPreview'), result: { ...RESULTS.datasetPreview, rows: [[{ src: 'x' }]] } }],
    ['a token event without text', { type: 'runToken', seq: 1 }],
    ['an unknown command', { type: 'command', command: 'deleteAll' }],
    ['a repo to show whose id walks out of its path', { type: 'showRepo', kind: 'model', id: '../../settings', tryIt: false }],
    ['a repo to show of an unknown kind', { type: 'showRepo', kind: 'bucket', id: 'a/b', tryIt: false }],
    ['an auth event without a boolean', { type: 'auth', signedIn: 'yes' }],
  ];
  for (const [what, message] of malformed) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseHostMessage(message), ProtocolError);
    });
  }
});

describe('protocol: a pin to run on this machine', () => {
  it('accepts a repo id with ":local" (the details\' "Run locally")', () => {
    const message = { ...REQUESTS.pinModel, modelId: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english:local' };
    assert.deepEqual(parseWebviewMessage(clone(message)), message);
  });
});

describe('protocol: fields the host acts on are checked against their real domain', () => {
  const snippet = (task: unknown) => ({ type: 'insertSnippet', seq: 1, kind: 'model', id: 'org/model', task });

  it('accepts a real pipeline tag, or none, for insertSnippet', () => {
    for (const task of ['', 'text-generation', 'token-classification', 'automatic-speech-recognition']) {
      assert.deepEqual(parseWebviewMessage(snippet(task)), snippet(task));
    }
  });

  it('rejects anything else: object keys, line breaks, made-up tags', () => {
    for (const task of ['constructor', 'toString', '__proto__', 'text-generation\nimport os', 'text-generation ', 'bogus-task', 42]) {
      assert.throws(() => parseWebviewMessage(snippet(task)), ProtocolError, JSON.stringify(task));
    }
  });
});
