// Ghost-text completion in the real editor, through VS Code's own inline-suggestion commands: the suggestion comes
// from an OpenAI-compatible endpoint's /completions (the fake's "local server"), Alt+\ (trigger) then commit accepts
// it as one undo step; switching completion off stops all requests.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { openDocument, placeCursor, undoOnce } from './support/documents';
import { requireFakeHf } from './support/host';
import { fake, setSetting } from './support/product';
import { waitFor } from './support/waits';

const MODEL = 'qwen2.5-coder:7b';

async function completionRequests() {
  return (await fake().requests()).filter((r) => r.listener === 'openai' && r.path === '/v1/completions');
}

describe('ghost-text completion', () => {
  productCases();
  const restores: (() => Promise<void>)[] = [];
  before(async () => {
    restores.push(await setSetting('endpoints', [{ id: 'local', baseUrl: requireFakeHf().openaiUrl, model: MODEL }]));
    restores.push(await setSetting('completion.endpoint', 'local'));
    restores.push(await setSetting('completion.debounceMs', 0));
    restores.push(await setSetting('completion.enabled', true));
  });
  after(async () => {
    for (const restore of restores.splice(0).reverse()) await restore();
  });

  it('Alt+\\ shows the endpoint\'s suggestion with the FIM prompt; accepting it is one edit and one undo', async () => {
    await fake().setCompletionReply(MODEL, 'a + b');
    const original = 'def add(a, b):\n    return \n\nprint(add(1, 2))\n';
    const editor = await openDocument(original, 'python');
    placeCursor(editor, original.indexOf('return ') + 'return '.length);
    const before = editor.document.version;
    // Trigger, then accept once the suggestion is there (the request takes a moment).
    await waitFor('the suggestion to be accepted', async () => {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      await new Promise((r) => setTimeout(r, 200));
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      return editor.document.getText() !== original;
    }, { timeoutMs: 20_000, intervalMs: 100 });
    assert.equal(editor.document.getText(), 'def add(a, b):\n    return a + b\n\nprint(add(1, 2))\n');
    assert.equal(editor.document.version, before + 1, 'one edit');
    const sent = await completionRequests();
    assert.ok(sent.length >= 1);
    const body = sent[0].body as { model: string; prompt: string };
    assert.equal(body.model, MODEL);
    assert.match(body.prompt, /^<\|fim_prefix\|># Path: Untitled-\d+\ndef add\(a, b\):\n {4}return <\|fim_suffix\|>\n\nprint\(add\(1, 2\)\)\n<\|fim_middle\|>$/, 'the file\'s path, then Qwen-Coder FIM tokens around the cursor');
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), original);
  });

  it('switched off: no request, whatever is triggered', async () => {
    const restore = await setSetting('completion.enabled', false);
    try {
      const editor = await openDocument('x = \n', 'python');
      placeCursor(editor, 4);
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      assert.equal(editor.document.getText(), 'x = \n');
      assert.deepEqual(await completionRequests(), []);
    } finally {
      await restore();
    }
  });
});
