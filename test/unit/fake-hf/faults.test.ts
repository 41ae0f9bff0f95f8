import { strict as assert } from 'node:assert';
import { HubApiError, listModels, whoAmI } from '@huggingface/hub';
import { collect, rejectionOf, untilRecorded, useFakeHf } from './helpers';
import { getCatalog } from '../../fake-hf/catalog';
import { startFakeHf, VALID_TOKEN } from '../../fake-hf/server';

describe('fake-hf faults, as the real clients see them', () => {
  const h = useFakeHf();
  const MODEL = 'openai/gpt-oss-120b';
  const chat = (signal?: AbortSignal) => h.client().chatCompletion({ model: MODEL, messages: [{ role: 'user', content: 'hi there' }] }, { signal });
  const statusOf = (err: Record<string, unknown>) => (err.httpResponse as { status: number }).status;

  it('loading answers 503 with estimated_time, for `times` requests only', async () => {
    h.fake.setFault({ model: MODEL }, { type: 'loading', estimatedTime: 12, times: 1 });
    const err = await rejectionOf(chat());
    assert.equal(err.name, 'ProviderApiError');
    assert.equal(statusOf(err), 503);
    assert.equal(err.message, `Failed to perform inference: Model ${MODEL} is currently loading`);
    assert.equal((err.httpResponse as { body: { estimated_time: number } }).body.estimated_time, 12);
    const ok = await chat();
    assert.equal(ok.choices[0].message.content, `Echo from ${MODEL}: hi there`);
  });

  it('rate-limit answers 429 with a Retry-After header and a JSON error', async () => {
    h.fake.setFault({ listener: 'router' }, { type: 'rate-limit', retryAfterS: 7 });
    const err = await rejectionOf(chat());
    assert.equal(statusOf(err), 429);
    assert.match(err.message, /Rate limit reached/);
    const raw = await fetch(`${h.fake.routerUrl}/v1/chat/completions`, { method: 'POST', body: '{}' });
    assert.equal(raw.headers.get('retry-after'), '7');
    assert.equal(raw.headers.get('content-type'), 'application/json');
  });

  it('status sends the given status, with a text/plain body when the body is a string', async () => {
    h.fake.setFault({ pathPrefix: '/v1/chat' }, { type: 'status', status: 410, body: 'model retired' });
    const err = await rejectionOf(chat());
    assert.equal(statusOf(err), 410);
    assert.equal(err.message, 'Failed to perform inference: model retired');
  });

  it('status on the hub listener reaches the hub client as HubApiError', async () => {
    h.fake.setFault({ listener: 'hub', pathPrefix: '/api/whoami-v2' }, { type: 'status', status: 500 });
    const err = await rejectionOf(whoAmI({ hubUrl: h.fake.hubUrl, accessToken: VALID_TOKEN }));
    assert.ok(err instanceof HubApiError);
    assert.equal(err.statusCode, 500);
    const models = await collect(listModels({ hubUrl: h.fake.hubUrl, limit: 1 }));
    assert.equal(models.length, 1, 'other hub paths are unaffected');
  });

  it('a fault on the Hub mapping lookup surfaces as the inference HubApiError', async () => {
    // The client caches mappings per process: use a generated model no other test looks up.
    const model = getCatalog().models.find((m) => m.id.includes('-0') && m.inferenceProviderMapping[0]?.task === 'text-classification');
    assert.ok(model);
    h.fake.setFault({ listener: 'hub', model: model.id }, { type: 'status', status: 500 });
    const err = await rejectionOf(h.client().textClassification({ model: model.id, provider: 'hf-inference', inputs: 'x' }));
    assert.equal(err.name, 'HubApiError');
    assert.match(err.message, /Failed to fetch inference provider mapping/);
  });

  it('slow delays the answer and is interrupted when the client aborts', async () => {
    h.fake.setFault({ model: MODEL }, { type: 'slow', delayMs: 60_000 });
    const aborter = new AbortController();
    const pending = rejectionOf(chat(aborter.signal));
    await untilRecorded(h.fake, 1);
    aborter.abort();
    const err = await pending;
    assert.equal(err.name, 'AbortError');
  });

  it('slow then answers normally once the delay is over', async () => {
    h.fake.setFault({ model: MODEL }, { type: 'slow', delayMs: 1 });
    const ok = await chat();
    assert.equal(ok.choices[0].message.content, `Echo from ${MODEL}: hi there`);
  });

  it('close() ends a slow request at once and releases every listener', async () => {
    const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    const before = servers();
    const other = await startFakeHf();
    assert.equal(servers(), before + 4);
    other.setFault({}, { type: 'slow', delayMs: 60_000 });
    const pending = rejectionOf(fetch(`${other.hubUrl}/api/models`));
    await untilRecorded(other, 1);
    await other.close();
    assert.equal((await pending).name, 'TypeError');
    assert.equal(servers(), before);
  });

  it('drop destroys the socket without a response', async () => {
    h.fake.setFault({ model: MODEL }, { type: 'drop' });
    const err = await rejectionOf(chat());
    assert.equal(err.name, 'TypeError');
    assert.match(err.message, /fetch failed/);
  });

  it('malformed sends invalid JSON with a JSON content type', async () => {
    h.fake.setFault({ model: MODEL }, { type: 'malformed' });
    const err = await rejectionOf(chat());
    assert.equal(err.name, 'SyntaxError');
  });

  it('wrong-shape sends valid JSON the client rejects', async () => {
    h.fake.setFault({ listener: 'router' }, { type: 'wrong-shape' });
    const err = await rejectionOf(chat());
    assert.equal(err.name, 'ProviderOutputError');
    assert.match(err.message, /Expected ChatCompletionOutput/);
    const tr = await rejectionOf(h.client().translation({ model: 'Helsinki-NLP/opus-mt-en-de', provider: 'hf-inference', inputs: 'x' }));
    assert.match(tr.message, /Received malformed response from HF-Inference translation API/);
  });

  it('wrong-shape on a hub listing breaks the hub client', async () => {
    h.fake.setFault({ listener: 'hub', pathPrefix: '/api/models' }, { type: 'wrong-shape' });
    const err = await rejectionOf(collect(listModels({ hubUrl: h.fake.hubUrl })));
    assert.equal(err.name, 'TypeError');
  });

  it('cut-stream delivers N chunks then breaks the stream', async () => {
    h.fake.setFault({ model: MODEL }, { type: 'cut-stream', afterChunks: 2 });
    const got: unknown[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const c of h.client().chatCompletionStream({ model: MODEL, messages: [{ role: 'user', content: 'a b c d' }] })) got.push(c);
      })(),
    );
    assert.equal(got.length, 2);
    assert.equal(err.name, 'TypeError');
  });

  it('cut-stream on a non-stream reply sends half the body', async () => {
    h.fake.setFault({ model: MODEL }, { type: 'cut-stream', afterChunks: 0 });
    const err = await rejectionOf(chat());
    assert.equal(err.name, 'TypeError');
  });

  it('a fault for one model leaves other models alone', async () => {
    h.fake.setFault({ model: 'Qwen/Qwen2.5-72B-Instruct' }, { type: 'status', status: 500 });
    const ok = await chat();
    assert.equal(ok.choices[0].message.content, `Echo from ${MODEL}: hi there`);
  });
});
