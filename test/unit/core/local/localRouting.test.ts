import { strict as assert } from 'node:assert';
import { Router } from '../../../../src/core/routing/router';
import { buildChain } from '../../../../src/core/routing/chains';
import { formatDecision } from '../../../../src/core/routing/decision';
import { DEFAULT_SETTINGS, type RoutingSettings } from '../../../../src/core/routing/settings';
import { CallFailure, type Candidate, type Transport } from '../../../../src/core/routing/routingTypes';
import type { TaskRequest, TaskResult } from '../../../../src/core/tasks/taskTypes';
import { planLocal, type LocalState } from '../../../../src/core/local/localPlan';
import { createLocalTransport } from '../../../../src/core/local/localTransport';
import type { LocalInferenceRequest, LocalResultFor, LocalRunner, LocalTask } from '../../../../src/core/local/localTypes';
import { FakeClock } from '../../support/fakeClock';
import { MemoryStore } from '../../support/memoryStore';

const enFr: TaskRequest = { task: 'translate', text: 'Hello', sourceLang: 'en', targetLang: 'fr' };

/** A LocalRunner that answers from a function (the runtime's output for the task) and records its calls. */
class FakeRunner implements LocalRunner {
  readonly calls: LocalInferenceRequest[] = [];
  constructor(private readonly answer: (task: LocalTask, request: LocalInferenceRequest) => unknown) {}
  async run<R extends LocalInferenceRequest>(request: R): Promise<LocalResultFor<R['task']>> {
    this.calls.push(request);
    return { task: request.task, output: this.answer(request.task, request) } as LocalResultFor<R['task']>;
  }
  async unload(): Promise<void> {}
  dispose(): void {}
}

class RemoteTransport implements Transport {
  readonly calls: string[] = [];
  async call(c: Candidate, request: TaskRequest): Promise<TaskResult> {
    this.calls.push(c.model);
    if (request.task === 'translate') return { task: 'translate', text: 'remote' };
    if (request.task === 'sentiment') return { task: 'sentiment', labels: [{ label: 'positive', score: 1 }] };
    throw new CallFailure('gone', 'not scripted');
  }
}

function setup(options: { state?: Partial<LocalState>; runner?: FakeRunner; ensure?: (model: string) => Promise<string>; settings?: Partial<RoutingSettings> } = {}) {
  const settings: RoutingSettings = { ...DEFAULT_SETTINGS, cacheTtlMs: 0, requestsPerMinute: 1, ...options.settings };
  const state: LocalState = { enabled: true, policy: settings.policy, consent: 'granted', isDownloaded: () => true, ...options.state };
  const runner = options.runner ?? new FakeRunner(() => ({ translation_text: 'Bonjour' }));
  const ensured: string[] = [];
  const remote = new RemoteTransport();
  const clock = new FakeClock();
  const router = new Router({
    settings,
    transport: remote,
    store: new MemoryStore(),
    clock,
    buildChain,
    local: {
      plan: (request, pinned) => planLocal(request, state, pinned).candidate,
      transport: createLocalTransport({
        ensureModel: async (model) => {
          ensured.push(model);
          return options.ensure ? options.ensure(model) : `/models/${model}`;
        },
        runner: () => runner,
      }),
    },
  });
  return { router, runner, remote, ensured, clock };
}

describe('local provider in the routing chain', () => {
  it('answers a served pair on this machine first, with no remote call and no token', async () => {
    const { router, runner, remote } = setup();
    const { result, decision } = await router.run(enFr);
    assert.deepEqual(result, { task: 'translate', text: 'Bonjour' });
    assert.equal(decision.chosen?.provider.kind, 'local');
    assert.equal(decision.chosen?.model, 'Xenova/opus-mt-en-fr');
    assert.deepEqual(runner.calls, [{ task: 'translation', modelDir: '/models/Xenova/opus-mt-en-fr', text: 'Hello' }]);
    assert.deepEqual(remote.calls, []);
    assert.match(formatDecision(decision), /Xenova\/opus-mt-en-fr via this machine .*on this machine: opus-mt pair en→fr/);
  });

  it('a model pinned with ":local" (the Hub view\'s "Run locally") answers on this machine, whatever the policy, and never goes to a provider', async () => {
    const runner = new FakeRunner(() => [{ label: 'POSITIVE', score: 0.9 }]);
    const { router, remote, ensured } = setup({ runner, settings: { policy: 'huggingFaceOnly', pinnedModels: { sentiment: 'someone/tiny-sst2-onnx:local' } } });
    const { result, decision } = await router.run({ task: 'sentiment', text: 'Lovely.' });
    assert.equal(result.task, 'sentiment');
    assert.equal(decision.chosen?.provider.kind, 'local', formatDecision(decision));
    assert.equal(decision.chosen?.model, 'someone/tiny-sst2-onnx');
    assert.deepEqual(ensured, ['someone/tiny-sst2-onnx']);
    assert.deepEqual(remote.calls, []);
    assert.equal(decision.outcomes.filter((o) => o.model.endsWith(':local')).length, 0, 'the suffixed id is never a candidate');
  });

  it('does not count local answers against the rate limit or the quota', async () => {
    const { router } = setup();
    // requestsPerMinute is 1: three local answers in a row do not wait for the limiter.
    for (let i = 0; i < 3; i++) assert.equal((await router.run(enFr)).decision.chosen?.provider.kind, 'local');
    assert.equal(router.quotaUsage().used, 0);
  });

  it('skips local with the reason when no model serves the pair', async () => {
    const { router, remote } = setup();
    const { decision } = await router.run({ task: 'translate', text: 'Hola', sourceLang: 'xx', targetLang: 'yy' });
    assert.equal(decision.outcomes.some((o) => o.provider.kind === 'local'), false);
    assert.equal(remote.calls.length > 0, true);
    const plan = planLocal({ task: 'translate', text: 'Hola', sourceLang: 'xx', targetLang: 'yy' }, { enabled: true, policy: 'preferFreeLocal', consent: 'granted', isDownloaded: () => true });
    assert.equal(plan.serve, false);
    assert.match(plan.serve ? '' : plan.reason, /no on-device model for the pair xx→yy/);
  });

  it('lists local as skipped when the user turned it off, when the input is too long, or downloads were declined', async () => {
    const cases: [Partial<LocalState>, TaskRequest, RegExp][] = [
      [{ enabled: false }, enFr, /turned off \(setting huggingFace\.local\.enabled\)/],
      [{}, { ...enFr, text: 'x'.repeat(5000) }, /input too long for the on-device model \(5,000 characters; it takes 2,000\)/],
      [{ isDownloaded: () => false, consent: 'never' }, enFr, /declined/],
    ];
    for (const [state, request, reason] of cases) {
      const { router, runner, remote } = setup({ state });
      const { result, decision } = await router.run(request);
      assert.deepEqual(result, { task: 'translate', text: 'remote' });
      assert.equal(decision.outcomes[0].provider.kind, 'local');
      assert.equal(decision.outcomes[0].status, 'skipped');
      assert.match(decision.outcomes[0].reason ?? '', reason);
      assert.deepEqual(runner.calls, []);
      assert.equal(remote.calls.length, 1);
    }
  });

  it('skips local under a policy that does not put it first', async () => {
    const { router, runner } = setup({ settings: { policy: 'huggingFaceOnly' } });
    const { decision } = await router.run(enFr);
    assert.match(decision.outcomes[0].reason ?? '', /routing policy huggingFaceOnly/);
    assert.deepEqual(runner.calls, []);
  });

  it('falls back to the remote chain when the local model fails, and says so', async () => {
    const runner = new FakeRunner(() => {
      throw new Error('ORT session failed');
    });
    const { router, remote } = setup({ runner });
    const { result, decision } = await router.run(enFr);
    assert.deepEqual(result, { task: 'translate', text: 'remote' });
    assert.equal(decision.outcomes[0].status, 'failed');
    assert.match(decision.outcomes[0].reason ?? '', /ORT session failed.*falling back to the remote chain/);
    assert.equal(runner.calls.length, 1, 'no retry of a local failure');
    assert.equal(remote.calls[0], 'Helsinki-NLP/opus-mt-en-fr');
  });

  it('falls back when the model cannot be had (consent "Not now", over the disk cap)', async () => {
    const { router, remote } = setup({
      state: { isDownloaded: () => false, consent: 'unasked' },
      ensure: async () => {
        throw new CallFailure('gone', 'Download of Xenova/opus-mt-en-fr not allowed ("Not now").');
      },
    });
    const { decision } = await router.run(enFr);
    assert.match(decision.outcomes[0].reason ?? '', /Not now/);
    assert.equal(decision.chosen?.provider.kind, 'hf');
    assert.equal(remote.calls.length, 1);
  });

  it('runs each task through its pipeline and maps the output', async () => {
    const runner = new FakeRunner((task) => {
      switch (task) {
        case 'sentiment':
          return [{ label: 'POSITIVE', score: 0.99 }];
        case 'ner':
          return [{ entity_group: 'PER', word: 'Ada', score: 0.9, start: 0, end: 3 }];
        case 'zeroShot':
          return [{ label: 'question', score: 0.8 }, { label: 'bug report', score: 0.2 }];
        case 'qa':
          return { answer: 'Paris', score: 0.7, start: 14, end: 19 };
        case 'summarization':
          return { summary_text: 'One. Two.' };
        default:
          return { translation_text: 'Bonjour' };
      }
    });
    const { router } = setup({ runner });
    const sentiment = (await router.run({ task: 'sentiment', text: 'great' })).result;
    assert.deepEqual(sentiment.task === 'sentiment' ? sentiment.labels[0] : undefined, { label: 'positive', score: 0.99 });
    assert.deepEqual((await router.run({ task: 'ner', text: 'Ada wrote code' })).result, { task: 'ner', entities: [{ group: 'PER', word: 'Ada', score: 0.9, start: 0, end: 3 }] });
    assert.deepEqual((await router.run({ task: 'topic', text: 'how?', labels: ['bug report', 'question'] })).result, {
      task: 'topic',
      labels: [
        { label: 'question', score: 0.8 },
        { label: 'bug report', score: 0.2 },
      ],
    });
    assert.deepEqual((await router.run({ task: 'question-answering', question: 'Where?', context: 'The city is  Paris.' })).result.task, 'question-answering');
    assert.deepEqual((await router.run({ task: 'summarize', text: 'long', style: 'bullets', length: 'short' })).result, { task: 'summarize', text: '- One.\n- Two.' });
    assert.deepEqual(
      runner.calls.map((c) => c.task),
      ['sentiment', 'ner', 'zeroShot', 'qa', 'summarization'],
    );
  });

  it('lists no local candidate for tasks no small model does (chat, generate-code)', () => {
    const plan = planLocal({ task: 'chat', prompt: 'hi' }, { enabled: true, policy: 'preferFreeLocal', consent: 'granted', isDownloaded: () => true });
    assert.equal(plan.serve, false);
    assert.equal(plan.serve ? undefined : plan.candidate, undefined);
  });

  it('keeps a pinned model before the local candidate', async () => {
    const { router, runner, remote } = setup({ settings: { pinnedModels: { translate: 'Helsinki-NLP/opus-mt-en-fr' } } });
    const { decision } = await router.run(enFr);
    assert.equal(decision.chosen?.provider.kind, 'hf');
    assert.deepEqual(runner.calls, []);
    assert.deepEqual(remote.calls, ['Helsinki-NLP/opus-mt-en-fr']);
  });
});
