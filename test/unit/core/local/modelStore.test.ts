import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskCapError, DownloadCancelled, ModelStore, type ModelFileSource, type RepoFileInfo } from '../../../../src/core/local/modelStore';

const MODEL = 'Xenova/tiny-test';

function bytes(size: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 7 + seed) % 256);
}

/** An in-memory repo that serves its files in 100-byte chunks, with or without ranges, and records reads. */
class FakeSource implements ModelFileSource {
  readonly reads: { path: string; start: number }[] = [];
  /** Called before each chunk: tests abort mid-file here. */
  onChunk: (path: string, offset: number) => void = () => undefined;
  constructor(
    readonly files: Record<string, Uint8Array>,
    private readonly ranges = true,
  ) {}
  async listFiles(): Promise<readonly RepoFileInfo[]> {
    return Object.entries(this.files).map(([path, b]) => ({ path, size: b.length }));
  }
  async read(_model: string, path: string, start: number) {
    this.reads.push({ path, start });
    const data = this.files[path];
    const from = this.ranges ? start : 0;
    const onChunk = (offset: number) => this.onChunk(path, offset);
    async function* chunks() {
      for (let i = from; i < data.length; i += 100) {
        onChunk(i);
        yield data.subarray(i, Math.min(i + 100, data.length));
      }
    }
    return { start: from, chunks: chunks() };
  }
}

const REPO = {
  '.gitattributes': bytes(10, 0),
  'README.md': bytes(10, 0),
  'config.json': bytes(50, 1),
  'tokenizer.json': bytes(250, 2),
  'model.safetensors': bytes(900, 3),
  'onnx/model.onnx': bytes(800, 4),
  'onnx/model_quantized.onnx': bytes(450, 5),
};
const NEEDED = 50 + 250 + 450;

describe('on-device model store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'models-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('knows the size before downloading: only the files the runtime needs', async () => {
    const store = new ModelStore({ dir, source: new FakeSource(REPO), capBytes: () => 10_000 });
    const plan = await store.plan(MODEL);
    assert.deepEqual(plan.files.map((f) => f.path).sort(), ['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json']);
    assert.equal(plan.totalBytes, NEEDED);
    assert.equal(plan.presentBytes, 0);
    assert.deepEqual(await readdir(dir), [], 'planning writes nothing');
  });

  it('downloads with progress into the model folder and records it in the manifest', async () => {
    const store = new ModelStore({ dir, source: new FakeSource(REPO), capBytes: () => 10_000, now: () => 42 });
    const progress: number[] = [];
    const modelDir = await store.download(await store.plan(MODEL), { onProgress: (p) => progress.push(p.receivedBytes) });
    assert.equal(modelDir, join(dir, 'models', 'Xenova--tiny-test'));
    assert.deepEqual(new Uint8Array(await readFile(join(modelDir, 'onnx/model_quantized.onnx'))), REPO['onnx/model_quantized.onnx']);
    assert.equal(progress.at(-1), NEEDED);
    assert.deepEqual([...progress].sort((a, b) => a - b), progress, 'progress only grows');
    const again = new ModelStore({ dir, source: new FakeSource(REPO), capBytes: () => 10_000 });
    assert.deepEqual((await again.load()).map((e) => [e.model, e.bytes, e.downloadedAt]), [[MODEL, NEEDED, 42]]);
    assert.equal(again.isDownloaded(MODEL), true);
  });

  it('cancel leaves no half file under its real name, and the next download resumes with a range', async () => {
    const source = new FakeSource(REPO);
    const store = new ModelStore({ dir, source, capBytes: () => 10_000 });
    const controller = new AbortController();
    source.onChunk = (path, offset) => {
      if (path === 'tokenizer.json' && offset === 200) controller.abort();
    };
    await assert.rejects(store.download(await store.plan(MODEL), { signal: controller.signal }), DownloadCancelled);
    const modelDir = store.modelDir(MODEL);
    assert.deepEqual((await readdir(modelDir)).sort(), ['config.json', 'tokenizer.json.part']);
    assert.equal(store.isDownloaded(MODEL), false);

    source.onChunk = () => undefined;
    const plan = await store.plan(MODEL);
    assert.equal(plan.presentBytes, 50 + 200);
    const progress: number[] = [];
    await store.download(plan, { onProgress: (p) => progress.push(p.receivedBytes) });
    assert.deepEqual(source.reads.slice(-2), [
      { path: 'tokenizer.json', start: 200 },
      { path: 'onnx/model_quantized.onnx', start: 0 },
    ]);
    assert.equal(source.reads.filter((r) => r.path === 'config.json').length, 1, 'a complete file is not downloaded again');
    assert.deepEqual(new Uint8Array(await readFile(join(modelDir, 'tokenizer.json'))), REPO['tokenizer.json']);
    assert.equal(progress.at(-1), NEEDED);
    assert.equal(store.isDownloaded(MODEL), true);
  });

  it('restarts a partial file when the source cannot resume', async () => {
    const source = new FakeSource(REPO, false);
    const store = new ModelStore({ dir, source, capBytes: () => 10_000 });
    const modelDir = store.modelDir(MODEL);
    await mkdir(modelDir, { recursive: true });
    await writeFile(join(modelDir, 'tokenizer.json.part'), Buffer.from(REPO['tokenizer.json'].subarray(0, 120)));
    await store.download(await store.plan(MODEL));
    assert.deepEqual(new Uint8Array(await readFile(join(modelDir, 'tokenizer.json'))), REPO['tokenizer.json']);
  });

  it('refuses over the disk cap with the size and the cap, before any byte', async () => {
    const other = new ModelStore({ dir, source: new FakeSource(REPO), capBytes: () => 10_000 });
    await other.download(await other.plan('Xenova/first'));
    const source = new FakeSource(REPO);
    const store = new ModelStore({ dir, source, capBytes: () => NEEDED + 100 });
    const plan = await store.plan(MODEL);
    assert.equal(plan.usedBytes, NEEDED);
    const err = await store.download(plan).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof DiskCapError);
    assert.match(err.message, /Xenova\/tiny-test needs 750 B; with the 750 B already used that is over the 850 B cap .*huggingFace\.local\.maxDiskMB/);
    assert.deepEqual(source.reads, []);
  });

  it('remove frees the disk and forgets the model; removeAll empties the store', async () => {
    const store = new ModelStore({ dir, source: new FakeSource(REPO), capBytes: () => 10_000 });
    await store.download(await store.plan(MODEL));
    await store.download(await store.plan('Xenova/second'));
    assert.equal(await store.remove(MODEL), NEEDED);
    await assert.rejects(stat(store.modelDir(MODEL)));
    assert.deepEqual(store.list().map((e) => e.model), ['Xenova/second']);
    assert.equal(await store.removeAll(), NEEDED);
    assert.deepEqual(store.list(), []);
    assert.deepEqual(await readdir(dir), ['manifest.json']);
  });

  it('refuses a repo without quantized ONNX weights and unsafe ids', async () => {
    const store = new ModelStore({ dir, source: new FakeSource({ 'config.json': bytes(5, 0) }), capBytes: () => 10_000 });
    await assert.rejects(store.plan(MODEL), /no quantized ONNX weights/);
    assert.throws(() => store.modelDir('../etc'), /Not a model id/);
  });
});
