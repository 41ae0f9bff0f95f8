import { strict as assert } from 'node:assert';
import { useFakeHf } from './helpers';

describe('fake-hf datasets-server and OpenAI-compatible listeners', () => {
  const h = useFakeHf();
  const ds = async (path: string) => {
    const res = await fetch(`${h.fake.datasetsServerUrl}${path}`);
    return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as Record<string, unknown> };
  };

  describe('datasets-server', () => {
    it('is-valid, splits and info describe a known dataset', async () => {
      assert.deepEqual((await ds('/is-valid?dataset=stanfordnlp/imdb')).json, { preview: true, viewer: true, search: true, filter: true, statistics: true });
      const splits = (await ds('/splits?dataset=stanfordnlp/imdb')).json.splits as { config: string; split: string }[];
      assert.deepEqual(splits.map((s) => `${s.config}/${s.split}`), ['plain_text/train', 'plain_text/test', 'plain_text/unsupervised']);
      const info = (await ds('/info?dataset=stanfordnlp/imdb')).json.dataset_info as Record<string, { features: Record<string, unknown> }>;
      assert.deepEqual(info.plain_text.features.label, { dtype: 'int64', _type: 'Value' });
    });

    it('first-rows returns features and rows in the viewer shape', async () => {
      const r = await ds('/first-rows?dataset=openai/gsm8k&config=main&split=test');
      assert.equal(r.status, 200);
      assert.equal(r.json.dataset, 'openai/gsm8k');
      assert.deepEqual(r.json.features, [
        { feature_idx: 0, name: 'question', type: { dtype: 'string', _type: 'Value' } },
        { feature_idx: 1, name: 'answer', type: { dtype: 'string', _type: 'Value' } },
      ]);
      const rows = r.json.rows as { row_idx: number; row: Record<string, unknown>; truncated_cells: unknown[] }[];
      assert.equal(rows.length, 100);
      assert.deepEqual(Object.keys(rows[0].row), ['question', 'answer']);
      assert.deepEqual(rows[0].truncated_cells, []);
      assert.equal(r.json.truncated, true);
    });

    it('answers 404 JSON for an unknown dataset and 422 without the parameter', async () => {
      const missing = await ds('/splits?dataset=nobody/nothing');
      assert.equal(missing.status, 404);
      assert.equal(missing.type, 'application/json');
      assert.equal(typeof missing.json.error, 'string');
      assert.equal((await ds('/is-valid')).status, 422);
    });

    it('reports the viewer as unavailable for a dataset without one', async () => {
      assert.equal((await ds('/is-valid?dataset=fake-org/no-viewer-dataset')).json.viewer, false);
      assert.equal((await ds('/first-rows?dataset=fake-org/no-viewer-dataset&config=default&split=train')).status, 501);
    });
  });

  describe('OpenAI-compatible server', () => {
    const post = (body: unknown) => fetch(`${h.fake.openaiUrl}/chat/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    it('lists models under /v1/models', async () => {
      const res = await fetch(`${h.fake.openaiUrl}/models`);
      const list = (await res.json()) as { object: string; data: { id: string }[] };
      assert.equal(list.object, 'list');
      assert.ok(list.data.some((m) => m.id === 'llama3.2:3b'));
    });

    it('answers chat completions without any token', async () => {
      const res = await post({ model: 'qwen2.5-coder:7b', messages: [{ role: 'user', content: 'ping' }] });
      const json = (await res.json()) as { choices: { message: { content: string } }[] };
      assert.equal(json.choices[0].message.content, 'Echo from qwen2.5-coder:7b: ping');
    });

    it('streams SSE chunks ending with [DONE]', async () => {
      h.fake.setChatReply('*', 'one two');
      const res = await post({ model: 'mistral:7b', messages: [{ role: 'user', content: 'x' }], stream: true });
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      const text = await res.text();
      const events = text.split('\n\n').filter(Boolean);
      assert.equal(events[events.length - 1], 'data: [DONE]');
      const contents = events.slice(0, -1).map((e) => (JSON.parse(e.slice('data: '.length)) as { choices: { delta: { content?: string } }[] }).choices[0].delta.content ?? '');
      assert.equal(contents.join(''), 'one two');
    });

    it('answers 404 in the OpenAI error shape for an unknown model', async () => {
      const res = await post({ model: 'gpt-99', messages: [{ role: 'user', content: 'x' }] });
      assert.equal(res.status, 404);
      const json = (await res.json()) as { error: { code: string } };
      assert.equal(json.error.code, 'model_not_found');
    });
  });
});
