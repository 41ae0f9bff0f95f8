// The on-device runtime inside the real extension host: the installed extension's dist/localRunner.js starts
// dist/localWorker.js (transformers.js + ONNX Runtime's WASM, as the .vsix ships them) and answers with the
// tiny real models of test/fixtures/local-models. Proves the worker, the WASM files and their paths work in
// VS Code's own Node, not just in plain node.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LocalRunnerChunk } from '../../src/lazyChunks';
import { PRODUCT_ID } from './support/host';

const fixtures = join(__dirname, '../../../test/fixtures/local-models/tiny');

describe('local inference in the extension host', function () {
  this.timeout(60_000);

  it('the installed local runner classifies with a tiny model on its worker thread, cancels, and runs again', async () => {
    const ext = vscode.extensions.getExtension(PRODUCT_ID);
    assert.ok(ext);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { WorkerRunner } = require(join(ext.extensionPath, 'dist', 'localRunner.js')) as LocalRunnerChunk;
    const runner = new WorkerRunner({ idleMs: 0 });
    try {
      const modelDir = join(fixtures, 'sentiment-bert');
      const good = await runner.run({ task: 'sentiment', modelDir, dtype: 'fp32', text: 'I love this great movie' });
      assert.equal(good.output[0].label, 'POSITIVE');
      const controller = new AbortController();
      const cancelled = runner.run({ task: 'sentiment', modelDir, dtype: 'fp32', text: 'bad' }, controller.signal);
      controller.abort();
      await assert.rejects(cancelled, (err: Error) => err.name === 'AbortError');
      const bad = await runner.run({ task: 'sentiment', modelDir, dtype: 'fp32', text: 'a terrible, awful day' });
      assert.equal(bad.output[0].label, 'NEGATIVE');
      const fr = await runner.run({ task: 'translation', modelDir: join(fixtures, 'opus-mt-en-fr'), dtype: 'fp32', text: 'Hello world' });
      assert.equal(fr.output.translation_text, 'bonjour monde');
    } finally {
      runner.dispose();
    }
  });
});
