import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFile, listFiles } from '@huggingface/hub';
import { createHubModelSource } from '../../../../src/core/local/hubModelSource';
import { ModelStore } from '../../../../src/core/local/modelStore';
import { startFakeHf, type FakeHf } from '../../../fake-hf/server';

const MODEL = 'Xenova/distilbert-base-uncased-finetuned-sst-2-english';
/** The fake serves this model with the bytes of the tiny real sentiment model (test/fixtures/local-models). */
const FIXTURE_ONNX = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'local-models', 'tiny', 'sentiment-bert', 'onnx', 'model.onnx');

describe('on-device models from the (fake) Hub through @huggingface/hub', () => {
  let fake: FakeHf;
  let dir: string;
  const requests: { url: string; range: string | null }[] = [];
  before(async () => {
    fake = await startFakeHf();
  });
  after(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-models-'));
    requests.length = 0;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function store(capBytes = 1 << 30) {
    const recording = ((input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      requests.push({ url, range: new Headers(init?.headers).get('range') });
      // No token is ever sent for on-device models.
      assert.equal(new Headers(init?.headers).get('authorization'), null);
      return fetch(input, init);
    }) as typeof fetch;
    const source = createHubModelSource({ hub: () => ({ listFiles, downloadFile }), hubUrl: () => `${fake.hubUrl}/`, fetch: recording });
    return new ModelStore({ dir, source, capBytes: () => capBytes });
  }

  it('sizes the model from the tree listing and downloads only the needed files from the configured Hub URL', async () => {
    const s = store();
    const plan = await s.plan(MODEL);
    assert.deepEqual(plan.files.map((f) => f.path).sort(), ['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    assert.ok(requests.every((r) => r.url.startsWith(fake.hubUrl)));
    const modelDir = await s.download(plan);
    const onnx = await readFile(join(modelDir, 'onnx/model_quantized.onnx'));
    assert.equal(onnx.length, plan.files.find((f) => f.path.endsWith('.onnx'))?.size);
    assert.ok(onnx.equals(await readFile(FIXTURE_ONNX)), 'the LFS bytes, not the pointer');
    assert.deepEqual((await readdir(join(modelDir, 'onnx'))), ['model_quantized.onnx']);
    assert.equal(s.isDownloaded(MODEL), true);
  });

  it('resumes a partial file with a range request', async () => {
    const s = store();
    const modelDir = s.modelDir(MODEL);
    await mkdir(join(modelDir, 'onnx'), { recursive: true });
    const whole = await readFile(FIXTURE_ONNX);
    await writeFile(join(modelDir, 'onnx/model_quantized.onnx.part'), whole.subarray(0, 1000));
    const plan = await s.plan(MODEL);
    assert.equal(plan.presentBytes, 1000);
    await s.download(plan);
    assert.ok(requests.some((r) => r.range === `bytes=1000-${whole.length - 1}`), JSON.stringify(requests));
    const onnx = await readFile(join(modelDir, 'onnx/model_quantized.onnx'));
    assert.ok(onnx.equals(whole), 'the first part kept, the rest appended');
  });

  it('refuses over the cap before downloading anything', async () => {
    const s = store(100);
    const plan = await s.plan(MODEL);
    const listed = requests.length;
    await assert.rejects(s.download(plan), /over the 100 B cap/);
    assert.equal(requests.length, listed);
  });
});
