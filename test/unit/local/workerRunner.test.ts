import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalInferenceRequest } from '../../../src/core/local/localTypes';
import { WorkerRunner } from '../../../src/local/workerRunner';

// The real inference thread (out/local-runtime/localWorker.js, built by test/build-tests.mjs exactly as
// dist/localWorker.js is: transformers.js + onnxruntime-web's WASM) on the tiny real ONNX models of
// test/fixtures/local-models (generate.py): tokenizer, load and inference all run for real.
const root = join(__dirname, '../../../..');
const script = join(root, 'out/local-runtime/localWorker.js');
const models = join(root, 'test/fixtures/local-models/tiny');
const sentimentDir = join(models, 'sentiment-bert');
type SentimentRequest = Extract<LocalInferenceRequest, { task: 'sentiment' }>;
const sentiment = (text: string): SentimentRequest => ({ task: 'sentiment', modelDir: sentimentDir, dtype: 'fp32', text });

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the run to fail');
}

describe('local inference: WorkerRunner with the real transformers.js thread and tiny models', function () {
  this.timeout(30_000);
  let runner: WorkerRunner;
  let loads: string[];

  beforeEach(() => {
    loads = [];
    runner = new WorkerRunner({ script, idleMs: 0, onLoaded: (req) => loads.push(req.modelDir) });
  });
  afterEach(() => runner.dispose());

  it('classifies sentiment, and the label follows the words of the input', async () => {
    const good = await runner.run(sentiment('I love this great movie'));
    const bad = await runner.run(sentiment('a terrible, awful day'));
    assert.equal(good.task, 'sentiment');
    assert.equal(good.output[0].label, 'POSITIVE');
    assert.equal(bad.output[0].label, 'NEGATIVE');
    assert.deepEqual(good.output.map((l) => l.label).sort(), ['NEGATIVE', 'POSITIVE']);
    assert.ok(Math.abs(good.output[0].score + good.output[1].score - 1) < 1e-5, 'scores are a softmax');
    assert.deepEqual(loads, [sentimentDir], 'the model loads once and stays for the next run');
  });

  it('extracts entities as groups with character offsets in the text', async () => {
    const text = 'Yesterday John Smith went to Paris and Mary lives in Tokyo.';
    const result = await runner.run({ task: 'ner', modelDir: join(models, 'ner-bert'), dtype: 'fp32', text });
    assert.deepEqual(
      result.output.map((e) => [e.entity_group, e.word, e.start, e.end]),
      [
        ['PER', 'John Smith', 10, 20],
        ['LOC', 'Paris', 29, 34],
        ['PER', 'Mary', 39, 43],
        ['LOC', 'Tokyo', 53, 58],
      ],
    );
    for (const e of result.output) assert.equal(text.slice(e.start, e.end), e.word);
    const none = await runner.run({ task: 'ner', modelDir: join(models, 'ner-bert'), dtype: 'fp32', text: 'the movie was good' });
    assert.deepEqual(none.output, []);
  });

  it('ranks zero-shot topics by the NLI head, so the topic depends on the text', async () => {
    const labels = ['politics', 'sports', 'technology'];
    const ask = (text: string) => runner.run({ task: 'zeroShot', modelDir: join(models, 'nli-bert'), dtype: 'fp32', text, labels });
    const sports = await ask('the football match ended with a late goal');
    const tech = await ask('the software had a bug in the code');
    assert.equal(sports.output[0].label, 'sports');
    assert.equal(tech.output[0].label, 'technology');
    assert.deepEqual(sports.output.map((l) => l.label).sort(), labels);
  });

  it('answers extractive questions from the context: a who-question gets the name, a where-question the place', async () => {
    const context = 'Yesterday John Smith went to Paris.';
    const ask = (question: string) => runner.run({ task: 'qa', modelDir: join(models, 'qa-bert'), dtype: 'fp32', question, context });
    const who = await ask('who went?');
    assert.deepEqual([who.output.answer, who.output.start, who.output.end], ['John Smith', 10, 20]);
    const where = await ask('where did John go?');
    assert.deepEqual([where.output.answer, where.output.start, where.output.end], ['Paris', 29, 34]);
    assert.ok(where.output.score > 0 && where.output.score <= 1);
  });

  it('translates with a Marian seq2seq (encoder + merged decoder with its cache), word for word from the input', async () => {
    runner.dispose();
    const logs: string[] = [];
    runner = new WorkerRunner({ script, idleMs: 0, onLog: (line) => logs.push(line) });
    const translate = (text: string) => runner.run({ task: 'translation', modelDir: join(models, 'opus-mt-en-fr'), dtype: 'fp32', text });
    assert.deepEqual(await translate('Hello world'), { task: 'translation', output: { translation_text: 'bonjour monde' } });
    assert.equal((await translate('The big red dog is my friend')).output.translation_text, 'le grand rouge chien est mon ami');
    assert.ok(logs.some((l) => /^warn: .*MarianTokenizer/.test(l)), 'the library\'s console warning reaches the host\'s log');
  });

  it('summarizes with a seq2seq (BART-shaped) model: the tiny one keeps the first sentence of the input', async () => {
    const summarize = (text: string) => runner.run({ task: 'summarization', modelDir: join(models, 'bart-lead-summary'), dtype: 'fp32', text });
    assert.equal((await summarize('The big dog is my friend. The cat is red.')).output.summary_text, 'the big dog is my friend');
    assert.equal((await summarize('Hello world! Good morning.')).output.summary_text, 'hello world');
  });

  it('switches models: one in memory at a time, each loaded when asked for', async () => {
    await runner.run(sentiment('good'));
    await runner.run({ task: 'ner', modelDir: join(models, 'ner-bert'), dtype: 'fp32', text: 'John' });
    await runner.run(sentiment('bad'));
    assert.deepEqual(loads, [sentimentDir, join(models, 'ner-bert'), sentimentDir]);
  });

  it('cancels the running request promptly with an AbortError, and the next run still works', async () => {
    const controller = new AbortController();
    const running = runner.run(sentiment('I love it'), controller.signal);
    const waiting = runner.run(sentiment('I hate it'));
    await new Promise((r) => setImmediate(r));
    controller.abort();
    const err = await rejection(running);
    assert.equal(err.name, 'AbortError');
    const after = await waiting;
    assert.equal(after.output[0].label, 'NEGATIVE', 'the request queued behind the cancelled one runs on a new thread');
    assert.equal((await runner.run(sentiment('great'))).output[0].label, 'POSITIVE');
  });

  it('cancels a queued request without touching the one running, and refuses an already aborted signal', async () => {
    const controller = new AbortController();
    const first = runner.run(sentiment('wonderful'));
    const second = runner.run(sentiment('awful'), controller.signal);
    controller.abort();
    assert.equal((await rejection(second)).name, 'AbortError');
    assert.equal((await first).output[0].label, 'POSITIVE');
    assert.equal((await rejection(runner.run(sentiment('x'), AbortSignal.abort()))).name, 'AbortError');
    assert.deepEqual(loads, [sentimentDir], 'the running thread was kept');
  });

  it('unloads the model after the idle time and loads it again on the next run', async () => {
    runner.dispose();
    runner = new WorkerRunner({ script, idleMs: 50, onLoaded: (req) => loads.push(req.modelDir) });
    await runner.run(sentiment('good'));
    assert.equal(runner.loaded, true);
    for (let i = 0; i < 100 && runner.loaded; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(runner.loaded, false, 'the thread was ended when idle');
    assert.equal((await runner.run(sentiment('bad'))).output[0].label, 'NEGATIVE');
    assert.deepEqual(loads, [sentimentDir, sentimentDir]);
  });

  it('unload() frees the model now', async () => {
    await runner.run(sentiment('good'));
    await runner.unload();
    assert.equal(runner.loaded, false);
    await runner.run(sentiment('good'));
    assert.equal(loads.length, 2);
  });

  describe('bad models', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'sarvanom-local-model-'));
      cpSync(sentimentDir, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a missing ONNX file gives an error naming the file, and never goes to the network', async () => {
      unlinkSync(join(dir, 'onnx', 'model.onnx'));
      const err = await rejection(runner.run({ ...sentiment('good'), modelDir: dir }));
      assert.match(err.message, /The local model could not run/);
      assert.match(err.message, /onnx\/model\.onnx/);
      assert.match(err.message, /not found locally/);
    });

    it('a missing file for the requested dtype names the file it looked for', async () => {
      const err = await rejection(runner.run({ task: 'sentiment', modelDir: dir, text: 'good' }));
      assert.match(err.message, /model_quantized\.onnx/);
    });

    it('a corrupt ONNX file gives a clear error, and the runner keeps working', async () => {
      writeFileSync(join(dir, 'onnx', 'model.onnx'), 'this is not a protobuf');
      const err = await rejection(runner.run({ ...sentiment('good'), modelDir: dir }));
      assert.match(err.message, /The local model could not run/);
      assert.equal((await runner.run(sentiment('good'))).output[0].label, 'POSITIVE');
    });

    it('a corrupt config.json gives a clear error', async () => {
      writeFileSync(join(dir, 'config.json'), '{ not json');
      const err = await rejection(runner.run({ ...sentiment('good'), modelDir: dir }));
      assert.match(err.message, /The local model could not run/);
    });

    it('refuses a model id or relative path (local directories only)', async () => {
      const err = await rejection(runner.run({ ...sentiment('good'), modelDir: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english' }));
      assert.match(err.message, /not an absolute path/);
    });
  });

  it('a thread that dies fails its request clearly, and the next run starts a new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarvanom-local-crash-'));
    try {
      const crashing = join(dir, 'crash.js');
      writeFileSync(crashing, `require('node:worker_threads').parentPort.on('message', () => process.exit(3));`);
      const crashy = new WorkerRunner({ script: crashing, wasmDir: dir, idleMs: 0 });
      try {
        const err = await rejection(crashy.run(sentiment('good')));
        assert.match(err.message, /stopped \(exit code 3\)/);
        assert.match((await rejection(crashy.run(sentiment('good')))).message, /exit code 3/);
      } finally {
        crashy.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dispose rejects what is pending and refuses new runs', async () => {
    const pending = runner.run(sentiment('good'));
    runner.dispose();
    assert.match((await rejection(pending)).message, /closed/);
    assert.match((await rejection(runner.run(sentiment('good')))).message, /closed/);
  });
});
