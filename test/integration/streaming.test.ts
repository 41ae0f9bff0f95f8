// Generate Code streams: the code appears in the document piece by piece while the request runs, and the
// pieces form one undo step.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, placeCursor, undoOnce } from './support/documents';
import { fake, runAction, setSetting } from './support/product';
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
});
