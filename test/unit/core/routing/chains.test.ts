import { strict as assert } from 'node:assert';
import { buildChain, isLocalEndpoint, looksNonEnglish, pinnedCandidate } from '../../../../src/core/routing/chains';
import { opusMtModel, translationParameters } from '../../../../src/core/routing/modelCatalog';
import {
  CODE_CHAT_MODELS,
  GENERAL_CHAT_MODELS,
  M2M100_MODEL,
  MULTILINGUAL_SENTIMENT_MODEL,
  NLLB_MODEL,
  OPUS_MUL_EN_MODEL,
  SEED_DEFAULTS,
} from '../../../../src/core/routing/modelCatalog';
import { DEFAULT_SETTINGS, type OpenAiEndpoint, type RoutingSettings } from '../../../../src/core/routing/settings';
import { TASK_KINDS, type TaskKind, type TaskRequest } from '../../../../src/core/tasks/taskTypes';
import type { Candidate } from '../../../../src/core/routing/routingTypes';
import { SAMPLE_REQUESTS as REQUESTS } from '../../support/sampleRequests';


function settings(overrides: Partial<RoutingSettings> = {}): RoutingSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

const models = (chain: readonly Candidate[]): string[] => chain.map((c) => c.model);
const translate = (sourceLang: string, targetLang: string): TaskRequest => ({ task: 'translate', text: 'x', sourceLang, targetLang });

const OLLAMA: OpenAiEndpoint = { id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b' };
const OPENAI: OpenAiEndpoint = { id: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };

describe('chains: buildChain', () => {
  for (const task of TASK_KINDS) {
    describe(`for ${task}`, () => {
      const chain = buildChain(REQUESTS[task], settings());

      it('ends with a chat model on the auto router', () => {
        const last = chain[chain.length - 1];
        assert.equal(last.api, 'chat');
        assert.deepEqual(last.provider, { kind: 'hf', provider: 'auto' });
        assert.match(last.why, /last-resort chat model/);
      });

      it('has no duplicate model+provider and explains every candidate', () => {
        const keys = chain.map((c) => `${JSON.stringify(c.provider)} ${c.model}`);
        assert.equal(new Set(keys).size, keys.length);
        for (const c of chain) assert.ok(c.why.length > 5, `${c.model} has a reason`);
      });

      it('puts a pinned model first with the setting named in its reason', () => {
        const pinned = buildChain(REQUESTS[task], settings({ pinnedModels: { [task]: 'someone/custom-model' } }));
        assert.equal(pinned[0].model, 'someone/custom-model');
        assert.match(pinned[0].why, /^pinned by setting huggingFace\.models\.[a-zA-Z]+$/);
      });
    });
  }

  for (const task of TASK_KINDS.filter((t): t is Exclude<TaskKind, 'translate'> => t !== 'translate')) {
    it(`keeps the seed defaults for ${task}, in order, on hf-inference`, () => {
      const chain = buildChain(REQUESTS[task], settings());
      const seeds = chain.filter((c) => c.why === 'seed default');
      assert.deepEqual(models(seeds), SEED_DEFAULTS[task].map((e) => e.model));
      for (const c of seeds) assert.deepEqual(c.provider, { kind: 'hf', provider: 'hf-inference' });
    });
  }

  it('lists the exact seed models of the original extension', () => {
    assert.deepEqual(models(buildChain(REQUESTS['generate-code'], settings())).slice(0, 3), [
      'Salesforce/codegen-350M-mono',
      'openai-community/gpt2',
      'EleutherAI/gpt-neo-1.3B',
    ]);
    assert.equal(buildChain(REQUESTS.summarize, settings())[0].model, 'facebook/bart-large-cnn');
    assert.equal(buildChain(REQUESTS.ner, settings())[0].model, 'dslim/bert-base-NER');
    assert.equal(buildChain(REQUESTS.topic, settings())[0].api, 'zero-shot-classification');
  });

  it('ends code chains with the coder chat models and other chains with the general ones', () => {
    assert.deepEqual(models(buildChain(REQUESTS['generate-code'], settings())).slice(-2), [...CODE_CHAT_MODELS]);
    assert.deepEqual(models(buildChain(REQUESTS.summarize, settings())).slice(-2), [...GENERAL_CHAT_MODELS]);
  });

  it('translates through the opus-mt pair first when it exists, then NLLB and M2M100', () => {
    const chain = buildChain(translate('en', 'es'), settings());
    assert.deepEqual(models(chain).slice(0, 3), ['Helsinki-NLP/opus-mt-en-es', NLLB_MODEL, M2M100_MODEL]);
    assert.equal(chain[0].why, 'opus-mt pair en→es exists');
    assert.match(chain[1].why, /many-to-many fallback/);
    assert.ok(chain.slice(0, 3).every((c) => c.api === 'translation'));
  });

  it('skips opus-mt when the pair does not exist (en→ja) and starts with the many-to-many models', () => {
    const chain = buildChain(translate('en', 'ja'), settings());
    assert.deepEqual(models(chain).slice(0, 2), [NLLB_MODEL, M2M100_MODEL]);
    assert.ok(!models(chain).some((m) => m.startsWith('Helsinki-NLP/')));
  });

  it('uses opus-mt-mul-en into English when there is no direct pair', () => {
    assert.ok(models(buildChain(translate('th', 'en'), settings())).includes(OPUS_MUL_EN_MODEL));
    assert.ok(!models(buildChain(translate('de', 'en'), settings())).includes(OPUS_MUL_EN_MODEL));
  });

  it('an undetected source language into English goes to the many-to-English model first, and says why', () => {
    const chain = buildChain(translate('auto', 'en'), settings());
    assert.equal(chain[0].model, 'Helsinki-NLP/opus-mt-mul-en');
    assert.equal(chain[0].why, 'source language not detected: a many-to-English model that needs none');
  });

  it('with an unknown source language offers only models that need no source code', () => {
    const chain = buildChain(translate('auto', 'fr'), settings());
    assert.deepEqual(models(chain), [...GENERAL_CHAT_MODELS]);
  });

  it('puts the multilingual sentiment model first for non-English text', () => {
    assert.equal(buildChain({ task: 'sentiment', text: 'Это просто ужасно' }, settings())[0].model, MULTILINGUAL_SENTIMENT_MODEL);
    const english = buildChain(REQUESTS.sentiment, settings());
    assert.equal(english[0].model, SEED_DEFAULTS.sentiment[0].model);
    assert.ok(models(english).includes(MULTILINGUAL_SENTIMENT_MODEL));
  });

  it('drops a fallback that duplicates the pinned model', () => {
    const chain = buildChain(REQUESTS.summarize, settings({ pinnedModels: { summarize: 'meta-llama/Llama-3.1-8B-Instruct' } }));
    assert.equal(models(chain).filter((m) => m === 'meta-llama/Llama-3.1-8B-Instruct').length, 1);
    assert.equal(chain[0].api, 'chat');
  });
});

describe('chains: endpoints by policy', () => {
  const endpoints = [OPENAI, OLLAMA];

  it('preferFreeLocal puts loopback endpoints first and remote ones after all Hugging Face candidates', () => {
    const chain = buildChain(REQUESTS.summarize, settings({ policy: 'preferFreeLocal', endpoints }));
    assert.deepEqual(chain[0], {
      model: 'llama3.1:8b',
      provider: { kind: 'openai-compatible', endpointId: 'ollama' },
      api: 'chat',
      why: "local endpoint 'ollama' (policy preferFreeLocal)",
    });
    const last = chain[chain.length - 1];
    assert.deepEqual(last.provider, { kind: 'openai-compatible', endpointId: 'openai' });
    assert.equal(last.api, 'chat');
  });

  it('endpointsFirst puts every endpoint first, in configured order', () => {
    const chain = buildChain(REQUESTS.summarize, settings({ policy: 'endpointsFirst', endpoints }));
    assert.deepEqual(
      chain.slice(0, 2).map((c) => c.provider),
      [
        { kind: 'openai-compatible', endpointId: 'openai' },
        { kind: 'openai-compatible', endpointId: 'ollama' },
      ],
    );
    assert.equal(chain[chain.length - 1].model, GENERAL_CHAT_MODELS[1]);
  });

  it('huggingFaceOnly ignores endpoints', () => {
    const chain = buildChain(REQUESTS.summarize, settings({ policy: 'huggingFaceOnly', endpoints }));
    assert.ok(chain.every((c) => c.provider.kind === 'hf'));
  });

  it('only offers an endpoint for the tasks it lists', () => {
    const coder: OpenAiEndpoint = { ...OLLAMA, id: 'coder', tasks: ['generate-code'] };
    const s = settings({ endpoints: [coder] });
    assert.ok(buildChain(REQUESTS['generate-code'], s).some((c) => c.provider.kind === 'openai-compatible'));
    assert.ok(buildChain(REQUESTS.summarize, s).every((c) => c.provider.kind === 'hf'));
  });

  it('keeps the pinned model ahead of endpoints', () => {
    const chain = buildChain(REQUESTS.ner, settings({ policy: 'endpointsFirst', endpoints, pinnedModels: { ner: 'x/ner' } }));
    assert.equal(chain[0].model, 'x/ner');
    assert.equal(chain[1].provider.kind, 'openai-compatible');
  });
});

describe('chains: helpers', () => {
  it('opusMtModel knows existing pairs, one-way pairs and region tags', () => {
    assert.equal(opusMtModel('en', 'es'), 'Helsinki-NLP/opus-mt-en-es');
    assert.equal(opusMtModel('es', 'en'), 'Helsinki-NLP/opus-mt-es-en');
    assert.equal(opusMtModel('ja', 'en'), 'Helsinki-NLP/opus-mt-ja-en');
    assert.equal(opusMtModel('en', 'ja'), undefined);
    assert.equal(opusMtModel('en', 'ro'), 'Helsinki-NLP/opus-mt-en-ro');
    assert.equal(opusMtModel('ro', 'en'), undefined);
    assert.equal(opusMtModel('en-US', 'de_DE'), 'Helsinki-NLP/opus-mt-en-de');
    assert.equal(opusMtModel('en', 'zh-TW'), undefined);
    assert.equal(opusMtModel('en', 'en'), undefined);
  });

  it('pinnedCandidate infers the API from the model id', () => {
    assert.deepEqual(pinnedCandidate('translate', 'Helsinki-NLP/opus-mt-en-de'), {
      model: 'Helsinki-NLP/opus-mt-en-de',
      provider: { kind: 'hf', provider: 'hf-inference' },
      api: 'translation',
      why: 'pinned by setting huggingFace.models.translate',
    });
    assert.equal(pinnedCandidate('translate', 'Qwen/Qwen2.5-72B-Instruct').api, 'chat');
    assert.equal(pinnedCandidate('summarize', 'google/gemma-2-9b-it').api, 'chat');
    const routed = pinnedCandidate('ner', 'some/model:together');
    assert.equal(routed.api, 'chat');
    assert.deepEqual(routed.provider, { kind: 'hf', provider: 'auto' });
    assert.equal(pinnedCandidate('generate-code', 'bigcode/starcoder2-3b').api, 'text-generation');
    assert.equal(pinnedCandidate('question-answering', 'x/qa').why, 'pinned by setting huggingFace.models.questionAnswering');
    assert.equal(pinnedCandidate('chat', 'microsoft/DialoGPT-large').api, 'chat');
  });

  it('translationParameters gives NLLB codes to NLLB and ISO codes to M2M100', () => {
    assert.deepEqual(translationParameters(NLLB_MODEL, 'en', 'es'), { src_lang: 'eng_Latn', tgt_lang: 'spa_Latn' });
    assert.deepEqual(translationParameters(M2M100_MODEL, 'pt-BR', 'fr'), { src_lang: 'pt', tgt_lang: 'fr' });
    assert.equal(translationParameters('Helsinki-NLP/opus-mt-en-es', 'en', 'es'), undefined);
    assert.equal(translationParameters(NLLB_MODEL, 'auto', 'es'), undefined);
  });

  it('isLocalEndpoint recognises loopback hosts only', () => {
    for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:8080', 'http://[::1]:1234/v1', 'http://api.localhost/v1']) {
      assert.equal(isLocalEndpoint(url), true, url);
    }
    for (const url of ['https://api.openai.com/v1', 'http://192.168.1.5:11434', 'not a url', 'http://localhost.example.com']) {
      assert.equal(isLocalEndpoint(url), false, url);
    }
  });

  it('looksNonEnglish flags other scripts and stopword-free Latin text', () => {
    assert.equal(looksNonEnglish('这个产品太棒了'), true);
    assert.equal(looksNonEnglish('Me encanta mucho este producto'), true);
    assert.equal(looksNonEnglish('I love this product so much'), false);
    assert.equal(looksNonEnglish('Great!'), false);
  });
});

describe('core/routing/chains: a pin that cannot do the request', () => {
  const pin = (model: string) => settings({ pinnedModels: { translate: model } });
  const translateTo = (sourceLang: string, targetLang: string): TaskRequest => ({ task: 'translate', text: 'Hello', sourceLang, targetLang });

  it('keeps a fixed-pair pin first for its own pair', () => {
    const chain = buildChain(translateTo('en', 'es'), pin('Helsinki-NLP/opus-mt-en-es'));
    assert.equal(chain[0].model, 'Helsinki-NLP/opus-mt-en-es');
    assert.equal(chain[0].skip, undefined);
  });

  it('lists a fixed-pair pin as skipped, with the reason, for another pair; the pair\'s own models follow', () => {
    const chain = buildChain(translateTo('en', 'it'), pin('Helsinki-NLP/opus-mt-en-es'));
    assert.equal(chain[0].model, 'Helsinki-NLP/opus-mt-en-es');
    assert.match(chain[0].skip ?? '', /translates en→es only; this request is en→it/);
    assert.equal(chain[1].model, 'Helsinki-NLP/opus-mt-en-it');
    assert.ok(chain.slice(1).every((c) => c.skip === undefined));
  });

  it('never skips a many-to-many pin', () => {
    assert.equal(buildChain(translateTo('en', 'it'), pin('facebook/nllb-200-distilled-600M'))[0].skip, undefined);
  });
});

