import { strict as assert } from 'node:assert';
import { ModelAvailability, type AvailabilityLookup, type ProviderMapping } from '../../../../src/core/routing/modelAvailability';
import { Router } from '../../../../src/core/routing/router';
import { buildChain } from '../../../../src/core/routing/chains';
import { DEFAULT_SETTINGS } from '../../../../src/core/routing/settings';
import type { Candidate, Transport } from '../../../../src/core/routing/routingTypes';
import type { TaskRequest, TaskResult } from '../../../../src/core/tasks/taskTypes';
import { FakeClock } from '../../support/fakeClock';
import { MemoryStore } from '../../support/memoryStore';

const HF_INFERENCE = { kind: 'hf', provider: 'hf-inference' } as const;
const AUTO = { kind: 'hf', provider: 'auto' } as const;
const codegen: Candidate = { model: 'Salesforce/codegen-350M-mono', provider: HF_INFERENCE, api: 'text-generation', why: 'seed default' };
const qwen: Candidate = { model: 'Qwen/Qwen2.5-Coder-32B-Instruct', provider: AUTO, api: 'chat', why: 'chat model' };
const live = (provider: string, task: string): ProviderMapping => ({ provider, status: 'live', task });

/** A lookup answering from `table` ('unknown' for models missing from it), recording what it was asked. */
function lookupFrom(table: Record<string, readonly ProviderMapping[] | 'unknown' | Error>): AvailabilityLookup & { asked: string[] } {
  const asked: string[] = [];
  const fn = async (model: string) => {
    asked.push(model);
    const answer = table[model] ?? 'unknown';
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(fn, { asked });
}

describe('core/routing/modelAvailability', () => {
  it('knows nothing at first (try it), looks up in the background, then skips a model no provider serves, with the reason', async () => {
    const clock = new FakeClock();
    const lookup = lookupFrom({ 'Salesforce/codegen-350M-mono': [], 'Qwen/Qwen2.5-Coder-32B-Instruct': [live('together', 'conversational')] });
    const availability = new ModelAvailability({ lookup, store: new MemoryStore(), clock });
    assert.equal(availability.unservedReason(codegen), undefined, 'unknown means try it');
    assert.equal(availability.unservedReason(qwen), undefined);
    await availability.settled();
    assert.match(availability.unservedReason(codegen) ?? '', /^not served on hf-inference \(the Hub's inference-provider list, checked just now\)$/);
    assert.equal(availability.unservedReason(qwen), undefined);
    assert.deepEqual(lookup.asked, ['Salesforce/codegen-350M-mono', 'Qwen/Qwen2.5-Coder-32B-Instruct'], 'one lookup per model');
  });

  it('matches the candidate: hf-inference needs its task, auto needs a live conversational mapping, a :provider suffix needs that provider', async () => {
    const clock = new FakeClock();
    const lookup = lookupFrom({
      'org/tagger': [live('hf-inference', 'text-classification')],
      'org/chat': [live('novita', 'conversational'), { provider: 'together', status: 'staging', task: 'conversational' }],
    });
    const a = new ModelAvailability({ lookup, store: new MemoryStore(), clock });
    a.warm(['org/tagger', 'org/chat']);
    await a.settled();
    assert.equal(a.unservedReason({ model: 'org/tagger', provider: HF_INFERENCE, api: 'text-classification', why: '' }), undefined);
    assert.ok(a.unservedReason({ model: 'org/tagger', provider: HF_INFERENCE, api: 'token-classification', why: '' }));
    assert.ok(a.unservedReason({ model: 'org/tagger', provider: AUTO, api: 'chat', why: '' }));
    assert.equal(a.unservedReason({ model: 'org/chat', provider: AUTO, api: 'chat', why: '' }), undefined);
    assert.equal(a.unservedReason({ model: 'org/chat:novita', provider: AUTO, api: 'chat', why: '' }), undefined);
    assert.equal(a.unservedReason({ model: 'org/chat:fastest', provider: AUTO, api: 'chat', why: '' }), undefined);
    assert.match(a.unservedReason({ model: 'org/chat:together', provider: AUTO, api: 'chat', why: '' }) ?? '', /not served by together/, 'staging is not live');
    assert.equal(a.unservedReason({ model: 'org/chat', provider: { kind: 'openai-compatible', endpointId: 'x' }, api: 'chat', why: '' }), undefined, 'endpoints are never judged');
  });

  it('a failed or unknown lookup changes nothing and is not repeated at once; retried after the retry delay', async () => {
    const clock = new FakeClock();
    const lookup = lookupFrom({ 'Salesforce/codegen-350M-mono': new Error('network down') });
    const logs: string[] = [];
    const a = new ModelAvailability({ lookup, store: new MemoryStore(), clock, retryMs: 60_000, log: (l) => logs.push(l) });
    for (let i = 0; i < 5; i++) {
      assert.equal(a.unservedReason(codegen), undefined);
      await a.settled();
    }
    assert.equal(lookup.asked.length, 1, 'no hot loop');
    assert.match(logs.join('\n'), /network down/);
    await clock.advance(60_000);
    a.unservedReason(codegen);
    await a.settled();
    assert.equal(lookup.asked.length, 2);
  });

  it('persists what it learned: a new window skips at once; a stale entry is still used while it refreshes', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore();
    const first = new ModelAvailability({ lookup: lookupFrom({ 'Salesforce/codegen-350M-mono': [] }), store, clock, ttlMs: 3_600_000 });
    first.warm([codegen.model]);
    await first.settled();
    const lookup = lookupFrom({ 'Salesforce/codegen-350M-mono': [live('hf-inference', 'text-generation')] });
    const second = new ModelAvailability({ lookup, store, clock, ttlMs: 3_600_000 });
    assert.ok(second.unservedReason(codegen), 'known unserved without a lookup');
    assert.deepEqual(lookup.asked, []);
    await clock.advance(3_600_000);
    assert.match(second.unservedReason(codegen) ?? '', /checked 60 min ago/, 'stale: still used');
    await second.settled();
    assert.equal(second.unservedReason(codegen), undefined, 'the refresh says it is served again');
  });

  it('keeps what each Hub said apart: after the hubUrl setting changes, the other Hub is asked and nothing carries over', async () => {
    const clock = new FakeClock();
    let hub = 'http://127.0.0.1:9001'; // only a key: the lookup is a stub, nothing is contacted
    const lookup = lookupFrom({ 'Salesforce/codegen-350M-mono': [] });
    const store = new MemoryStore();
    const a = new ModelAvailability({ lookup, store, clock, hub: () => hub });
    a.warm([codegen.model]);
    await a.settled();
    assert.ok(a.unservedReason(codegen));
    hub = 'http://127.0.0.1:9002';
    assert.equal(a.unservedReason(codegen), undefined, 'the mirror was never asked');
    await a.settled();
    assert.equal(lookup.asked.length, 2, 'asked again, for the mirror');
    hub = 'http://127.0.0.1:9001';
    assert.ok(new ModelAvailability({ lookup, store, clock, hub: () => hub }).unservedReason(codegen), 'each Hub\'s answer persists');
  });

  it('the router skips unserved seed models (reason in the decision), never the pinned model, and always tries at least one', async () => {
    const clock = new FakeClock();
    const calls: string[] = [];
    const transport: Transport = {
      call: async (candidate): Promise<TaskResult> => {
        calls.push(candidate.model);
        return { task: 'generate-code', text: 'x = 1' };
      },
    };
    const unserved = lookupFrom(Object.fromEntries(
      ['Salesforce/codegen-350M-mono', 'openai-community/gpt2', 'EleutherAI/gpt-neo-1.3B', 'Qwen/Qwen2.5-Coder-32B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct', 'my/pinned'].map((m) => [m, []]),
    ));
    const availability = new ModelAvailability({ lookup: unserved, store: new MemoryStore(), clock });
    const request: TaskRequest = { task: 'generate-code', instruction: 'a function', context: '', languageId: 'python' };
    availability.warm(buildChain(request, { ...DEFAULT_SETTINGS }).map((c) => c.model).concat('my/pinned'));
    await availability.settled();
    const router = new Router({ settings: { ...DEFAULT_SETTINGS, cacheTtlMs: 0 }, transport, store: new MemoryStore(), clock, availability });

    const { decision } = await router.run(request);
    assert.deepEqual(calls, ['meta-llama/Llama-3.1-8B-Instruct'], 'every candidate looks unserved: the last is still tried');
    const skipped = decision.outcomes.filter((o) => o.status === 'skipped');
    assert.deepEqual(skipped.map((o) => o.model).slice(0, 3), ['Salesforce/codegen-350M-mono', 'openai-community/gpt2', 'EleutherAI/gpt-neo-1.3B']);
    assert.match(skipped[0].reason ?? '', /not served on hf-inference/);

    calls.length = 0;
    const pinned = new Router({ settings: { ...DEFAULT_SETTINGS, cacheTtlMs: 0, pinnedModels: { 'generate-code': 'my/pinned' } }, transport, store: new MemoryStore(), clock, availability });
    await pinned.run(request);
    assert.deepEqual(calls, ['my/pinned'], 'the pinned model is the user\'s choice: tried whatever the list says');
  });
});
