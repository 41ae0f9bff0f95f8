import { strict as assert } from 'node:assert';
import { AUTO_MODEL_ID, chatModelEntries, endpointModelEntries, parseRouterModels } from '../../../../src/core/routing/chatModelList';

const ROUTER_LIST = {
  object: 'list',
  data: [
    {
      id: 'zeta/Chat-7B',
      providers: [
        { provider: 'together', status: 'live', context_length: 131072, supports_tools: true, pricing: { input: 0.2, output: 0.6 } },
        { provider: 'novita', status: 'staging' },
        { provider: 'featherless-ai', status: 'live', supports_tools: false },
      ],
      architecture: { input_modalities: ['text', 'image'] },
    },
    { id: 'beta/NoTools', providers: [{ provider: 'nscale', status: 'live', supports_tools: false }] },
    { id: 'alpha/Retired', providers: [{ provider: 'x', status: 'staging' }] },
    { id: 42 },
    'junk',
  ],
};

describe('core/routing/chatModelList', () => {
  it('reads the router list leniently', () => {
    const models = parseRouterModels(ROUTER_LIST);
    assert.deepEqual(models.map((m) => m.id), ['zeta/Chat-7B', 'beta/NoTools', 'alpha/Retired']);
    assert.deepEqual(models[0].providers[0], { provider: 'together', status: 'live', contextLength: 131072, supportsTools: true, pricing: { input: 0.2, output: 0.6 } });
    assert.deepEqual(parseRouterModels({ error: 'x' }), []);
    assert.deepEqual(parseRouterModels(null), []);
  });

  it('offers Auto first, then each live model with :fastest, :cheapest and one entry per live provider', () => {
    const entries = chatModelEntries(parseRouterModels(ROUTER_LIST));
    assert.deepEqual(entries.map((e) => e.id), [
      AUTO_MODEL_ID,
      'beta/NoTools', 'beta/NoTools:fastest', 'beta/NoTools:cheapest', 'beta/NoTools:nscale',
      'zeta/Chat-7B', 'zeta/Chat-7B:fastest', 'zeta/Chat-7B:cheapest', 'zeta/Chat-7B:together', 'zeta/Chat-7B:featherless-ai',
    ]);
    assert.equal(entries[0].name, 'Hugging Face · Auto');
    const together = entries.find((e) => e.id === 'zeta/Chat-7B:together');
    assert.equal(together?.maxInputTokens, 131072, 'context length from the provider');
    assert.match(together?.tooltip ?? '', /together \(live, 128K context, tools, \$0\.2\/\$0\.6 per M tokens in\/out\)/);
    assert.equal(entries.find((e) => e.id === 'zeta/Chat-7B')?.imageInput, true);
  });

  it('offers tools where a live provider supports them: per provider by its own flag; Auto always', () => {
    const byId = new Map(chatModelEntries(parseRouterModels(ROUTER_LIST)).map((e) => [e.id, e.toolCalling]));
    assert.equal(byId.get(AUTO_MODEL_ID), true);
    assert.equal(byId.get('zeta/Chat-7B'), true, 'together supports tools');
    assert.equal(byId.get('zeta/Chat-7B:cheapest'), true);
    assert.equal(byId.get('zeta/Chat-7B:together'), true);
    assert.equal(byId.get('zeta/Chat-7B:featherless-ai'), false);
    assert.equal(byId.get('beta/NoTools'), false);
    assert.equal(byId.get('beta/NoTools:nscale'), false);
  });

  it('lists an endpoint\'s models (OpenAI list shape) as entries that name the endpoint; junk ignored', () => {
    const entries = endpointModelEntries('ollama', 'http://127.0.0.1:11434/v1', { object: 'list', data: [{ id: 'qwen2.5-coder:7b' }, { id: 'llama3.2:3b' }, { id: '' }, 'x', { id: 'llama3.2:3b' }] });
    assert.deepEqual(entries.map((e) => [e.id, e.name, e.endpoint]), [
      ['endpoint:ollama:llama3.2:3b', 'llama3.2:3b (ollama)', { id: 'ollama', model: 'llama3.2:3b' }],
      ['endpoint:ollama:qwen2.5-coder:7b', 'qwen2.5-coder:7b (ollama)', { id: 'ollama', model: 'qwen2.5-coder:7b' }],
    ]);
    assert.match(entries[0].tooltip, /not to Hugging Face/);
    assert.deepEqual(endpointModelEntries('x', 'http://h', { error: 'nope' }), []);
  });
});

