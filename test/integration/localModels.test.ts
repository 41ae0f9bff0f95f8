// On-device models with no token: the one-time consent (answered "Download" by test/e2e/tokenApprovals.mjs, as a
// user would) and the download of a small ONNX repo from the fake Hub into global storage; "Manage On-Device Models"
// lists it with its size and removes it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';

interface ManifestEntry {
  readonly model: string;
  readonly bytes: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

const MODEL = 'Xenova/distilbert-base-uncased-finetuned-sst-2-english';

describe('on-device models', () => {
  productCases({ signedIn: false });

  it('with no token, the consented download of a fake-Hub ONNX repo lands in global storage and Manage On-Device Models lists and removes it', async () => {
    const listed = await vscode.commands.executeCommand<readonly ManifestEntry[]>('huggingface.manageLocalModels', { download: MODEL });
    const entry = listed.find((e) => e.model === MODEL);
    assert.ok(entry, `downloaded: ${JSON.stringify(listed)}`);
    assert.deepEqual(entry.files.map((f) => f.path).sort(), ['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    assert.equal(entry.bytes, entry.files.reduce((n, f) => n + f.size, 0));

    const again = await vscode.commands.executeCommand<readonly ManifestEntry[]>('huggingface.manageLocalModels', { remove: MODEL });
    assert.equal(again.some((e) => e.model === MODEL), false);
  });
});
