import { strict as assert } from 'node:assert';
import { collect, rejectionOf, useFakeHf } from './helpers';
import { getCatalog } from '../../fake-hf/catalog';
import { READONLY_TOKEN } from '../../fake-hf/server';

describe('fake-hf router with the real @huggingface/inference client', () => {
  const h = useFakeHf();
  const user = (content: string) => [{ role: 'user', content }];

  describe('chat', () => {
    it('answers chatCompletion through the auto router with an OpenAI ChatCompletion', async () => {
      const out = await h.client().chatCompletion({ model: 'meta-llama/Llama-3.1-8B-Instruct', messages: user('hello there') });
      assert.equal(out.choices[0].message.content, 'Echo from meta-llama/Llama-3.1-8B-Instruct: hello there');
      assert.equal(out.choices[0].finish_reason, 'stop');
      assert.equal(typeof out.created, 'number');
      assert.equal(out.usage.completion_tokens, 5);
      const req = h.fake.requests.find((r) => r.listener === 'router');
      assert.equal(req?.path, '/v1/chat/completions');
      assert.equal(req?.headers['authorization'], 'Bearer hf_fake_valid_token');
    });

    it('accepts a :policy suffix and uses the reply set with setChatReply', async () => {
      h.fake.setChatReply('openai/gpt-oss-120b', 'fixed reply');
      const out = await h.client().chatCompletion({ model: 'openai/gpt-oss-120b:fastest', messages: user('x') });
      assert.equal(out.choices[0].message.content, 'fixed reply');
      assert.equal((h.fake.requests[0].body as { model: string }).model, 'openai/gpt-oss-120b:fastest');
    });

    it('streams word-sized chunks whose concatenation is the reply', async () => {
      const chunks = await collect(h.client().chatCompletionStream({ model: 'Qwen/Qwen2.5-72B-Instruct', messages: user('stream me please') }));
      const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
      assert.equal(text, 'Echo from Qwen/Qwen2.5-72B-Instruct: stream me please');
      assert.equal(chunks.length, 7, 'six words plus the final finish_reason chunk');
      assert.equal(chunks[chunks.length - 1].choices[0].finish_reason, 'stop');
    });

    it('routes a named provider through the Hub mapping to /<provider>/v1/chat/completions', async () => {
      const out = await h.client().chatCompletion({ model: 'deepseek-ai/DeepSeek-V3-0324', provider: 'together', messages: user('hi') });
      assert.equal(out.choices[0].message.content, 'Echo from deepseek-ai/DeepSeek-V3-0324: hi');
      const post = h.fake.requests.find((r) => r.listener === 'router');
      assert.equal(post?.path, '/together/v1/chat/completions');
      assert.equal((post?.body as { model: string }).model, 'deepseek-ai/DeepSeek-V3');
    });

    it('serves hf-inference chat at /hf-inference/models/<id>/v1/chat/completions', async () => {
      const out = await h.client().chatCompletion({ model: 'HuggingFaceTB/SmolLM3-3B', provider: 'hf-inference', messages: user('yo') });
      assert.equal(out.choices[0].message.content, 'Echo from HuggingFaceTB/SmolLM3-3B: yo');
    });

    it('rejects a model no provider serves with 400 "not supported by provider"', async () => {
      const err = await rejectionOf(h.client().chatCompletion({ model: 'microsoft/DialoGPT-medium', messages: user('hi') }));
      assert.equal(err.name, 'ProviderApiError');
      assert.match(err.message, /microsoft\/DialoGPT-medium is not supported by provider auto/);
      assert.equal((err.httpResponse as { status: number }).status, 400);
    });

    it('answers 404 "does not exist" for an unknown model', async () => {
      const err = await rejectionOf(h.client().chatCompletion({ model: 'nobody/nothing', messages: user('hi') }));
      assert.equal((err.httpResponse as { status: number }).status, 404);
      assert.match(err.message, /Model nobody\/nothing does not exist/);
    });

    it('answers 401 for an unknown token and 403 for the read-only token', async () => {
      const bad = await rejectionOf(h.client('hf_not_a_real_token').chatCompletion({ model: 'openai/gpt-oss-120b', messages: user('hi') }));
      assert.equal((bad.httpResponse as { status: number }).status, 401);
      assert.match(bad.message, /Invalid credentials in Authorization header/);
      const ro = await rejectionOf(h.client(READONLY_TOKEN).chatCompletion({ model: 'openai/gpt-oss-120b', messages: user('hi') }));
      assert.equal((ro.httpResponse as { status: number }).status, 403);
    });

    it('answers 401 when the Authorization header is missing', async () => {
      const res = await fetch(`${h.fake.routerUrl}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'openai/gpt-oss-120b', messages: user('x') }) });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('content-type'), 'application/json');
      assert.ok(res.headers.get('x-request-id'));
    });
  });

  describe('hf-inference tasks', () => {
    it('translation returns `[<tgt>] <input>` for opus-mt models', async () => {
      const out = await h.client().translation({ model: 'Helsinki-NLP/opus-mt-en-fr', inputs: 'Good morning' });
      assert.deepEqual(out, { translation_text: '[fr] Good morning' });
    });

    it('is reached after a Hub mapping lookup with a literal expand[] (generated model, never cached before)', async () => {
      // The client caches mappings per process, so use a generated model no other test touches.
      const model = getCatalog().models.find((m) => m.id.includes('-0') && m.inferenceProviderMapping[0]?.task === 'translation');
      assert.ok(model);
      const out = await h.client().translation({ model: model.id, inputs: 'Hola', parameters: { tgt_lang: 'en' } });
      assert.deepEqual(out, { translation_text: '[en] Hola' });
      const [lookup, post] = h.fake.requests;
      assert.equal(lookup.url, `/api/models/${model.id}?expand[]=inferenceProviderMapping`);
      assert.equal(lookup.headers['authorization'], undefined, 'auto provider resolution sends no token');
      assert.equal(post.path, `/hf-inference/models/${model.id}`);
      assert.deepEqual(post.body, { inputs: 'Hola', parameters: { tgt_lang: 'en' } });
    });

    it('translation takes tgt_lang for nllb models', async () => {
      const out = await h.client().translation({ model: 'facebook/nllb-200-distilled-600M', provider: 'hf-inference', inputs: 'Hello', parameters: { src_lang: 'eng_Latn', tgt_lang: 'fra_Latn' } });
      assert.deepEqual(out, { translation_text: '[fra_Latn] Hello' });
    });

    it('summarization returns the first sentence', async () => {
      const out = await h.client().summarization({ model: 'facebook/bart-large-cnn', provider: 'hf-inference', inputs: 'First point. Second point!' });
      assert.equal(out.summary_text, 'Summary: First point.');
    });

    it('questionAnswering picks the longest shared word with exact offsets', async () => {
      const context = 'The capital of France is Paris and it is lovely.';
      const out = await h.client().questionAnswering({ model: 'deepset/roberta-base-squad2', provider: 'hf-inference', inputs: { question: 'Is Paris the capital?', context } });
      assert.equal(out.answer, 'capital');
      assert.equal(context.slice(out.start, out.end), 'capital');
      assert.equal(out.score, 0.9);
    });

    it('textClassification returns labels sorted by score', async () => {
      const out = await h.client().textClassification({ model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english', provider: 'hf-inference', inputs: 'I love this, it is great' });
      assert.deepEqual(out.map((x) => x.label), ['POSITIVE', 'NEGATIVE']);
      assert.ok(out[0].score > out[1].score);
    });

    it('tokenClassification finds dictionary entities with entity_group and offsets', async () => {
      const text = 'Alice moved from Paris to work at Hugging Face.';
      const out = await h.client().tokenClassification({ model: 'dslim/bert-base-NER', provider: 'hf-inference', inputs: text });
      assert.deepEqual(out.map((e) => [e.entity_group, e.word, text.slice(e.start, e.end)]), [
        ['PER', 'Alice', 'Alice'],
        ['LOC', 'Paris', 'Paris'],
        ['ORG', 'Hugging Face', 'Hugging Face'],
      ]);
    });

    it('zeroShotClassification scores labels by occurrence', async () => {
      const out = await h.client().zeroShotClassification({ model: 'facebook/bart-large-mnli', provider: 'hf-inference', inputs: 'sports sports and politics', parameters: { candidate_labels: ['politics', 'sports', 'cooking'] } });
      assert.deepEqual(out.map((x) => x.label), ['sports', 'politics', 'cooking']);
    });

    it('textGeneration uses /v1/completions and returns the deterministic line', async () => {
      const out = await h.client().textGeneration({ model: 'Qwen/Qwen2.5-Coder-1.5B', provider: 'hf-inference', inputs: 'def add(a, b):\n  ', parameters: { max_new_tokens: 50 } });
      assert.equal(out.generated_text, '// generated by Qwen/Qwen2.5-Coder-1.5B\n// continues: def add(a, b):');
      const post = h.fake.requests.find((r) => r.listener === 'router');
      assert.equal(post?.path, '/hf-inference/models/Qwen/Qwen2.5-Coder-1.5B/v1/completions');
      assert.equal((post?.body as { max_tokens: number }).max_tokens, 50);
    });

    it('textGenerationStream streams OpenAI completion chunks', async () => {
      const chunks = (await collect(h.client().textGenerationStream({ model: 'bigcode/starcoder2-15b', provider: 'hf-inference', inputs: 'x = 1' }))) as unknown as { choices: { text: string }[] }[];
      assert.equal(chunks.map((c) => c.choices[0].text).join(''), '// generated by bigcode/starcoder2-15b\n// continues: x = 1');
    });

    it('answers 404 for a model that exists but is no longer served', async () => {
      const res = await fetch(`${h.fake.routerUrl}/hf-inference/models/google/pegasus-large`, {
        method: 'POST',
        headers: { Authorization: 'Bearer hf_fake_valid_token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ inputs: 'x' }),
      });
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { error: 'Model google/pegasus-large does not exist' });
    });

    it('makes the client report "No Inference Provider" for an unserved model (empty mapping)', async () => {
      const err = await rejectionOf(h.client().summarization({ model: 'google/pegasus-large', inputs: 'x' }));
      assert.equal(err.name, 'InputError');
      assert.match(err.message, /No Inference Provider available for model google\/pegasus-large/);
    });
  });
});
