import { strict as assert } from 'node:assert';
import { HubApiError, listModels, whoAmI } from '@huggingface/hub';
import { collect, rejectionOf, untilRecorded, useFakeHf } from './helpers';
import { getCatalog } from '../../fake-hf/catalog';
import { closedPortUrl } from '../../fake-hf/closedPort';
import { startFakeHf, VALID_TOKEN } from '../../fake-hf/server';

describe('fake-hf faults, as the real clients see them', () => {
  const h = useFakeHf();
  const MODEL = 'openai/gpt-oss-120b';
  const chat = (signal?: AbortSignal) => h.client().chatCompletion({ model: MODEL, messages: [{ role: 'user', content: 'hi there' }] }, { signal });
  const statusOf = (err: Record<string, unknown>) => (err.httpResponse as { status: number }).status;
  const stream = (content = 'a b c d e f') => h.client().chatCompletionStream({ model: MODEL, messages: [{ role: 'user', content }] });
  const rawChat = (stream = false) =>
    fetch(`${h.fake.routerUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${VALID_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'a b c d' }], stream }),
    });

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

  describe('switches for the fault matrix', () => {
    it('unavailable answers 503 with a JSON error and no estimated_time', async () => {
      h.fake.setFault({ model: MODEL }, { type: 'unavailable', times: 1 });
      const err = await rejectionOf(chat());
      assert.equal(statusOf(err), 503);
      assert.match(err.message, /overloaded/);
      const body = (err.httpResponse as { body: Record<string, unknown> }).body;
      assert.equal('estimated_time' in body, false);
    });

    it('rate-limit can send Retry-After as an HTTP date that many seconds ahead', async () => {
      h.fake.setFault({ listener: 'router' }, { type: 'rate-limit', retryAfterS: 30, retryAfterFormat: 'http-date' });
      const before = Date.now();
      const raw = await rawChat();
      const after = Date.now();
      assert.equal(raw.status, 429);
      const header = raw.headers.get('retry-after') ?? '';
      assert.match(header, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      const at = Date.parse(header);
      assert.ok(at >= before + 30_000 && at <= after + 31_000, `${header} is 30 s ahead`);
      assert.deepEqual(await raw.json(), { error: 'Rate limit reached. You reached the free usage limit (reset hourly). Please retry later.' });
    });

    it('status without a body answers with the real wording: 410 deprecated on the router, 404 RepoNotFound on the Hub', async () => {
      h.fake.setFault({ model: MODEL, listener: 'router' }, { type: 'status', status: 410 });
      const err = await rejectionOf(chat());
      assert.equal(statusOf(err), 410);
      assert.equal(err.message, `Failed to perform inference: The requested model '${MODEL}' is deprecated and no longer supported by provider hf-inference.`);
      h.fake.setFault({ listener: 'hub', pathPrefix: '/api/models/openai-community/gpt2' }, { type: 'status', status: 404 });
      const raw = await fetch(`${h.fake.hubUrl}/api/models/openai-community/gpt2`);
      assert.equal(raw.headers.get('x-error-code'), 'RepoNotFound');
      assert.deepEqual(await raw.json(), { error: 'Repository not found' });
    });

    it('bad-gateway answers 502 with the proxy HTML page, which the client keeps out of its message', async () => {
      h.fake.setFault({ model: MODEL }, { type: 'bad-gateway', times: 1 });
      const err = await rejectionOf(chat());
      assert.equal(statusOf(err), 502);
      assert.doesNotMatch(err.message, /<html|Bad Gateway/);
      h.fake.setFault({ listener: 'router' }, { type: 'bad-gateway', times: 1 });
      const raw = await rawChat();
      assert.equal(raw.headers.get('content-type'), 'text/html');
      assert.match(await raw.text(), /<title>502 Bad Gateway<\/title>/);
    });

    it('html-body answers 200 text/html, which breaks the plain and the streaming client', async () => {
      h.fake.setFault({ model: MODEL }, { type: 'html-body' });
      const plain = await rejectionOf(chat());
      assert.equal(plain.name, 'ProviderOutputError');
      const streamed = await rejectionOf(collect(stream()));
      assert.equal(streamed.name, 'ProviderApiError');
      assert.match(streamed.message, /does not support event stream content type, it returned text\/html/);
      const raw = await rawChat();
      assert.equal(raw.status, 200);
      assert.match(await raw.text(), /^<!DOCTYPE html>/);
    });

    it('malformed on a stream request sends an SSE event whose JSON does not parse', async () => {
      h.fake.setFault({ model: MODEL }, { type: 'malformed' });
      const err = await rejectionOf(collect(stream()));
      assert.equal(err.name, 'SyntaxError');
    });

    it('end-without-done ends the stream cleanly after N events, with no [DONE] and no finish_reason', async () => {
      h.fake.setFault({ model: MODEL }, { type: 'end-without-done', afterChunks: 2, times: 1 });
      const chunks = (await collect(stream())) as { choices: { finish_reason: unknown }[] }[];
      assert.equal(chunks.length, 2, 'the client sees a normal end of stream');
      assert.ok(chunks.every((c) => c.choices[0].finish_reason === null));
      h.fake.setFault({ model: MODEL }, { type: 'end-without-done', afterChunks: 2, times: 1 });
      const text = await (await rawChat(true)).text();
      assert.equal((text.match(/^data: /gm) ?? []).length, 2);
      assert.doesNotMatch(text, /\[DONE\]/);
    });

    it('end-without-done on a plain reply sends the first half of the body with a matching length', async () => {
      h.fake.setFault({ model: MODEL }, { type: 'end-without-done', afterChunks: 0 });
      const err = await rejectionOf(chat());
      assert.equal(err.name, 'SyntaxError');
      const raw = await rawChat();
      const body = await raw.text();
      assert.equal(Number(raw.headers.get('content-length')), Buffer.byteLength(body));
    });

    it('stall sends N events, then nothing, then the rest of the stream', async () => {
      h.fake.setFault({ model: MODEL }, { type: 'stall', afterChunks: 2, delayMs: 60_000, times: 1 });
      const aborter = new AbortController();
      const res = await fetch(`${h.fake.routerUrl}/v1/chat/completions`, {
        method: 'POST',
        signal: aborter.signal,
        headers: { Authorization: `Bearer ${VALID_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'a b c d' }], stream: true }),
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      while ((text.match(/^data: /gm) ?? []).length < 2) text += new TextDecoder().decode((await reader.read()).value);
      // Nothing more comes while the fake stalls: the pending read loses the race against a timer.
      const next = await Promise.race([reader.read().then(() => 'data'), new Promise((r) => setTimeout(() => r('quiet'), 100))]);
      assert.equal(next, 'quiet');
      assert.equal((text.match(/^data: /gm) ?? []).length, 2);
      aborter.abort();
      h.fake.setFault({ model: MODEL }, { type: 'stall', afterChunks: 2, delayMs: 1, times: 1 });
      const chunks = (await collect(stream('a b c d'))) as { choices: { finish_reason: unknown }[] }[];
      assert.equal(chunks.at(-1)?.choices[0].finish_reason, 'stop', 'a short stall ends like a normal stream');
    });

    it('closedPortUrl gives a URL that refuses connections', async () => {
      const err = await rejectionOf(fetch(`${await closedPortUrl()}/api/models`));
      assert.equal((err.cause as { code?: string } | undefined)?.code, 'ECONNREFUSED');
    });
  });
});
