// On-device models with no token: the one-time consent (answered "Download" by test/e2e/tokenApprovals.mjs, as a
// user would) and the download of a small ONNX repo from the fake Hub into global storage; "Manage On-Device Models"
// lists it with its size and removes it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { openDocument } from './support/documents';
import { fake, runAction, setSetting } from './support/product';

interface ManifestEntry {
  readonly model: string;
  readonly bytes: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

const MODEL = 'Xenova/distilbert-base-uncased-finetuned-sst-2-english';
const TRANSLATION_MODEL = 'Xenova/opus-mt-en-fr';

async function manage(args: Record<string, unknown>): Promise<readonly ManifestEntry[]> {
  return (await vscode.commands.executeCommand<readonly ManifestEntry[]>('huggingface.manageLocalModels', args)) ?? [];
}

describe('on-device models', () => {
  productCases({ signedIn: false });
  // The window keeps them off for the remote cases (support/window.ts); these cases are about them.
  let restore: () => Promise<void> = async () => undefined;
  before(async () => {
    restore = await setSetting('local.enabled', true);
  });
  after(async () => {
    await manage({ removeAll: true });
    await restore();
  });

  it('with no token, Classify Sentiment and Translate (en→fr) are answered on this machine: nothing reaches the router', async () => {
    const editor = await openDocument('What a wonderful, happy day.');
    editor.selection = new vscode.Selection(0, 0, 0, editor.document.lineAt(0).text.length);
    const sentiment = await runAction('classifySentiment');
    assert.notEqual(sentiment.status, 'refused', sentiment.message);
    assert.equal(sentiment.decision?.chosen?.model, MODEL);
    assert.equal(sentiment.decision?.chosen?.provider.kind, 'local');
    assert.ok(sentiment.result?.task === 'sentiment' && sentiment.result.labels.length > 0, JSON.stringify(sentiment.result));

    const english = await openDocument('The garden is full of flowers today.');
    english.selection = new vscode.Selection(0, 0, 0, english.document.lineAt(0).text.length);
    const translated = await runAction('translateSelection', { targetLang: 'fr', sourceLang: 'en' });
    assert.equal(translated.status, 'applied', translated.message);
    assert.equal(translated.decision?.chosen?.model, TRANSLATION_MODEL);
    assert.equal(translated.decision?.chosen?.provider.kind, 'local');
    assert.notEqual(english.document.getText(), 'The garden is full of flowers today.', 'the translation replaced the selection');

    const recorded = await fake().requests();
    // (The chat model picker may list the router's models meanwhile: a GET, not an inference.)
    assert.deepEqual(recorded.filter((r) => r.listener === 'router' && r.method === 'POST').map((r) => r.path), [], 'no inference request to the router');
    assert.ok(recorded.some((r) => r.listener === 'hub' && r.path.includes(TRANSLATION_MODEL)), 'the model came from the (fake) Hub');

    const listed = await manage({ list: true });
    assert.deepEqual(listed.map((e) => e.model).sort(), [TRANSLATION_MODEL, MODEL].sort());
    assert.ok(listed.every((e) => e.bytes > 0));
    assert.deepEqual(await manage({ removeAll: true }), [], 'removing them frees the disk');
  });

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
