import { strict as assert } from 'node:assert';
import { CompletionService, openFilesContext, type CompletionSettings, type CompletionSource } from '../../../../src/core/completion/completionService';
import { completionSource } from '../../../../src/core/completion/completionSource';
import { templateForModel } from '../../../../src/core/completion/fimTemplates';
import { CallFailure } from '../../../../src/core/routing/routingTypes';
import type { TextCompletionRequest } from '../../../../src/core/routing/transport/textCompletion';
import { FakeClock, flushMicrotasks } from '../../support/fakeClock';

const SETTINGS: CompletionSettings = { debounceMs: 200, maxLines: 8, maxTokens: 128, contextTokens: 2048, temperature: 0.1, requestsPerMinute: 30 };
const MODEL = 'bigcode/starcoder2-15b';
const SOURCE: CompletionSource = {
  candidate: { model: MODEL, provider: { kind: 'hf', provider: 'hf-inference' }, api: 'text-generation', why: 'test' },
  template: templateForModel(MODEL),
  countsQuota: true,
  why: 'test',
};

interface Sent {
  readonly request: TextCompletionRequest;
  readonly signal: AbortSignal;
}

function setup(answer: (request: TextCompletionRequest) => string | Promise<string> = () => 'sum(values)', settings: CompletionSettings = SETTINGS) {
  const clock = new FakeClock();
  const sent: Sent[] = [];
  const quota = { reserved: 0, refunded: 0, exhausted: false };
  const service = new CompletionService(
    {
      call: async (_candidate, request, signal) => {
        sent.push({ request, signal });
        return answer(request);
      },
      clock,
      reserveQuota: async () => {
        if (quota.exhausted) throw new CallFailure('quota-exceeded', 'Monthly quota reached.');
        quota.reserved++;
        return '2026-12';
      },
      refundQuota: async () => {
        quota.refunded++;
      },
    },
    settings,
  );
  return { clock, sent, quota, service };
}

const at = (prefix: string, suffix = '', explicit = false) => ({ docKey: 'file:///a.py', prefix, suffix, explicit });

describe('core/completion/CompletionService', () => {
  it('a burst of 20 keystrokes within the debounce sends one request, for the last one; the rest resolve as superseded', async () => {
    const { clock, sent, service } = setup();
    let prefix = 'def total(values):\n    return ';
    const outcomes = [];
    for (let i = 0; i < 20; i++) {
      prefix += i % 2 ? '' : ' ';
      outcomes.push(service.complete(SOURCE, at(prefix.trimEnd() + ' '.repeat(i % 3))));
      await clock.advance(50);
    }
    await clock.advance(200);
    const results = await Promise.all(outcomes);
    assert.equal(sent.length, 1);
    assert.equal(results.filter((r) => r.kind === 'text').length, 1);
    assert.equal(results.filter((r) => r.kind === 'none' && r.why === 'superseded').length, 19);
    assert.equal(service.stats.requests, 1);
  });

  it('a keystroke while a request is in flight aborts its HTTP request', async () => {
    let release: (text: string) => void = () => undefined;
    const { clock, sent, service } = setup(() => new Promise<string>((resolve) => (release = resolve)));
    const first = service.complete(SOURCE, at('x = '));
    await clock.advance(200);
    assert.equal(sent.length, 1);
    const second = service.complete(SOURCE, at('x = 1'));
    assert.equal(sent[0].signal.aborted, true, 'the first request was aborted');
    assert.deepEqual(await first, { kind: 'none', why: 'superseded' });
    await clock.advance(200);
    release('+ 2');
    const done = await second;
    assert.equal(done.kind, 'text');
    assert.equal(service.stats.abortedInFlight, 1);
  });

  it('typing through a shown suggestion is answered from the cache, without a request', async () => {
    const { clock, sent, service } = setup(() => 'sum(values) / len(values)');
    const first = service.complete(SOURCE, at('    return '));
    await clock.advance(200);
    assert.equal((await first).kind, 'text');
    for (const typed of ['s', 'su', 'sum', 'sum(']) {
      const next = await service.complete(SOURCE, at(`    return ${typed}`));
      assert.deepEqual(next.kind === 'text' && [next.text, next.fromCache], ['sum(values) / len(values)'.slice(typed.length), true]);
    }
    assert.equal(sent.length, 1);
    assert.equal(service.stats.cacheHits, 4);
  });

  it('builds the FIM prompt with the family template; single line mid-line (newline stop), multi-line on an empty line', async () => {
    const { clock, sent, service } = setup(() => 'total\n    more');
    const midLine = service.complete(SOURCE, at('x = a + ', ' * 2\nprint(x)\n', true));
    await clock.advance(0);
    const one = await midLine;
    assert.equal(sent[0].request.prompt, '<fim_prefix>x = a + <fim_suffix> * 2\nprint(x)\n<fim_middle>');
    assert.ok(sent[0].request.stop.includes('\n'));
    assert.deepEqual(one.kind === 'text' && one.text, 'total');

    const emptyLine = service.complete(SOURCE, at('def f():\n    ', '\n', true));
    await clock.advance(0);
    await emptyLine;
    assert.ok(!sent[1].request.stop.includes('\n'), 'multi-line where the cursor calls for it');
  });

  it('the own rate budget: a full minute is a state (no request, no waiting); the quota is reserved per request and refunded when never sent', async () => {
    const { clock, sent, service, quota } = setup(() => 'a', { ...SETTINGS, requestsPerMinute: 2, debounceMs: 0 });
    for (const p of ['a', 'b']) {
      const r = service.complete(SOURCE, at(p, '', true));
      await clock.advance(0);
      await r;
    }
    const third = await service.complete(SOURCE, at('c', '', true));
    assert.equal(third.kind === 'failed' && third.failure.kind, 'rate-limited');
    assert.equal(sent.length, 2);
    assert.equal(quota.reserved, 2);

    const unreachable = setup(() => {
      throw new CallFailure('network', 'Could not reach the server.', { unreachable: true });
    });
    const failed = unreachable.service.complete(SOURCE, at('d', '', true));
    await unreachable.clock.advance(0);
    const outcome = await failed;
    assert.equal(outcome.kind === 'failed' && outcome.failure.kind, 'network');
    assert.equal(unreachable.quota.refunded, 1);

    const exhausted = setup();
    exhausted.quota.exhausted = true;
    const refused = await exhausted.service.complete(SOURCE, at('e', '', true));
    await flushMicrotasks();
    assert.equal(refused.kind === 'failed' && refused.failure.kind, 'quota-exceeded');
    assert.equal(exhausted.sent.length, 0);
  });
});

describe('core/completion: context from other open files, and the decision', () => {
  it('openFilesContext: up to three files as comments with their path, each cut at a line within the limit', () => {
    const asComment = (t: string) => t.split('\n').map((l) => `// ${l}`).join('\n');
    const files = [1, 2, 3, 4].map((n) => ({ path: `src/f${n}.ts`, text: `export const a${n} = ${n};\nexport const b${n} = ${n};\n` }));
    const out = openFilesContext(files, asComment, 3, 25);
    assert.equal(out, ['// Path: src/f1.ts\n// export const a1 = 1;\n\n', '// Path: src/f2.ts\n// export const a2 = 2;\n\n', '// Path: src/f3.ts\n// export const a3 = 3;\n\n'].join(''));
  });

  it('the extra context goes before the prefix in the prompt, never into the type-through key; the last decision says which model and why', async () => {
    const { clock, sent, service } = setup(() => 'x');
    const pending = service.complete(SOURCE, { ...at('let y = ', '', true), extraContext: '// Path: a.ts\n// export const x = 1;\n\n' });
    await clock.advance(0);
    await pending;
    assert.equal(sent[0].request.prompt, '<fim_prefix>// Path: a.ts\n// export const x = 1;\n\nlet y = <fim_suffix><fim_middle>');
    assert.deepEqual(service.lastDecision && [service.lastDecision.model, service.lastDecision.why, /^suggested 1 line/.test(service.lastDecision.outcome)], [MODEL, 'test', true]);
  });
});

describe('core/completion/completionSource', () => {
  const endpoints = [{ id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5-coder:7b' }];
  it('nothing chosen: off, saying what to set', () => {
    const r = completionSource({ model: '', endpoint: '', endpoints });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.why : '', /huggingFace\.completion\.model/);
  });
  it('a Hugging Face FIM model: hf-inference by default, a :provider suffix picks another; counts the quota', () => {
    const r = completionSource({ model: 'bigcode/starcoder2-15b', endpoint: '', endpoints });
    assert.ok(r.ok);
    assert.deepEqual(r.ok && r.source.candidate.provider, { kind: 'hf', provider: 'hf-inference' });
    assert.equal(r.ok && r.source.template?.family, 'starcoder');
    assert.equal(r.ok && r.source.countsQuota, true);
    const other = completionSource({ model: 'Qwen/Qwen2.5-Coder-7B:featherless-ai', endpoint: '', endpoints });
    assert.deepEqual(other.ok && other.source.candidate, { model: 'Qwen/Qwen2.5-Coder-7B', provider: { kind: 'hf', provider: 'featherless-ai' }, api: 'text-generation', why: 'huggingFace.completion.model = Qwen/Qwen2.5-Coder-7B:featherless-ai' });
  });
  it('a model not trained for fill-in-the-middle is refused with the reason, unless a template is given', () => {
    const r = completionSource({ model: 'meta-llama/Llama-3.1-8B-Instruct', endpoint: '', endpoints });
    assert.match(!r.ok ? r.why : '', /not a model trained for fill-in-the-middle/);
    const custom = completionSource({ model: 'acme/coder', endpoint: '', endpoints, template: { prefixToken: '<P>', suffixToken: '<S>', middleToken: '<M>' } });
    assert.equal(custom.ok && custom.source.template?.prefixToken, '<P>');
  });
  it('chatFallback: a chat model may complete, asked in words (said to be slower); the service sends it chat messages', async () => {
    const r = completionSource({ model: 'meta-llama/Llama-3.1-8B-Instruct', endpoint: '', endpoints, chatFallback: true });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.source.chat, true);
    assert.deepEqual(r.source.candidate.provider, { kind: 'hf', provider: 'auto' });
    assert.match(r.source.why, /slower/);
    const { clock, sent, service } = setup(() => 'a + b');
    const pending = service.complete(r.source, { ...at('return ', '\n', true), languageId: 'python' });
    await clock.advance(0);
    assert.equal((await pending).kind, 'text');
    const chat = sent[0].request.chat ?? [];
    assert.equal(chat.length, 2);
    assert.match(chat[0].content, /code completion engine for Python/);
    assert.equal(chat[1].content, 'return <CURSOR>\n');
  });

  it('an endpoint: its model (or the one named), no quota; an unknown template sends prompt + suffix', () => {
    const r = completionSource({ model: '', endpoint: 'ollama', endpoints });
    assert.deepEqual(r.ok && r.source.candidate.provider, { kind: 'openai-compatible', endpointId: 'ollama' });
    assert.equal(r.ok && r.source.candidate.model, 'qwen2.5-coder:7b');
    assert.equal(r.ok && r.source.countsQuota, false);
    assert.equal(r.ok && r.source.template?.family, 'qwen-coder');
    const plain = completionSource({ model: 'my-local-model', endpoint: 'ollama', endpoints });
    assert.equal(plain.ok && plain.source.template, undefined);
    assert.match(!completionSource({ model: '', endpoint: 'nope', endpoints }).ok ? 'x' : '', /x/);
  });
});
