// Generate Code streams: the code appears in the document piece by piece while the request runs, and the
// pieces form one undo step.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { HeldChatEndpoint } from './support/heldEndpoint';
import { openDocument, placeCursor, undoOnce } from './support/documents';
import { fake, runAction, setSetting, startAction } from './support/product';
import { waitFor, within } from './support/waits';
import { longCode, watchInsertions } from './support/streams';

describe('streaming into the editor', () => {
  productCases();

  it('Generate Code inserts the code progressively, in more than one edit before the command resolves', async () => {
    const code = longCode(400);
    await fake().setChatReply('Qwen/Qwen2.5-Coder-32B-Instruct', code);
    const restore = await setSetting('generate.maxTokens', 100_000);
    try {
      const original = '// constants\n';
      const editor = await openDocument(original, 'typescript');
      placeCursor(editor);
      const changes = watchInsertions(editor.document);
      const result = await runAction('generateCode', { instruction: 'four hundred numbered constants' });
      const insertionsBeforeResolve = changes.insertions;
      changes.dispose();
      assert.equal(result.status, 'applied', result.message);
      assert.ok(insertionsBeforeResolve > 1, `expected a stream of insertions, saw ${insertionsBeforeResolve}`);
      assert.equal(editor.document.getText(), `${original}${code}`);
      await undoOnce(editor, true);
      assert.equal(editor.document.getText(), original, 'the streamed pieces must form one undo step');
    } finally {
      await restore();
    }
  });

  it('Generate Code goes on while the user is in another tab, and lands in one undo step when the file shows again', async () => {
    const held = await HeldChatEndpoint.start();
    const restore = await setSetting('endpoints', held.setting(['generate-code']));
    try {
      const original = '// constants\n';
      const editor = await openDocument(original, 'typescript');
      placeCursor(editor);
      const running = startAction('generateCode', { instruction: 'two constants' });
      await held.waitForRequest();
      held.send('const a = 1;\n');
      await waitFor('the first chunk in the document', () => editor.document.getText().includes('const a = 1;'));

      // Another tab in the same group: the first editor is no longer shown (its TextEditor is gone).
      const other = await openDocument('another file\n');
      held.send('const b = 2;\n');
      held.finish();
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(vscode.window.activeTextEditor?.document, other.document, 'the user stays where they went');

      await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preview: false });
      const result = await within('the code to land', running, 30_000);
      assert.equal(result?.status, 'applied', result?.message);
      // The final text is the cleaned answer (codeFrom trims the trailing line break).
      assert.equal(editor.document.getText(), `${original}const a = 1;\nconst b = 2;`);
      const shown = vscode.window.activeTextEditor;
      assert.ok(shown && shown.document === editor.document);
      await undoOnce(shown, true);
      assert.equal(editor.document.getText(), original, 'the code, streamed before and after the tab switch, is one undo step');
    } finally {
      await restore();
      await held.dispose();
    }
  });

  it('Generate Code never glues the code to the text on the cursor line, and indents it like that line', async () => {
    await fake().setChatReply('Qwen/Qwen2.5-Coder-32B-Instruct', 'const a = 1;\nconst b = 2;');
    const original = 'function f() {\n  return 42;\n}\n';
    const editor = await openDocument(original, 'typescript');
    // The cursor at the start of the code on the indented line "  return 42;".
    placeCursor(editor, original.indexOf('return'));
    const result = await runAction('generateCode', { instruction: 'two constants' });
    assert.equal(result.status, 'applied', result.message);
    assert.equal(editor.document.getText(), 'function f() {\n  const a = 1;\n  const b = 2;\n  return 42;\n}\n');
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), original);
  });
});

