// Each selection action through its command on a real document: the result is the fake's deterministic answer
// (test/fake-hf/answers.ts), and ONE undo puts the document back exactly as it was. Actions that do not edit
// (preview, answer highlight, labels, entity marks) must leave the document untouched, before and after that undo.
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { closeAllEditors, openDocument, placeCursor, previewTexts, select, undoOnce } from './support/documents';
import { productCases } from './support/cases';
import { fake, runAction, type ActionResult } from './support/product';

function assertApplied(result: ActionResult): void {
  assert.equal(result.status, 'applied', `status ${result.status}: ${result.message ?? ''}`);
}

/** The document is exactly `original`, and still is after one undo (nothing of the action is on the undo stack). */
async function assertUntouched(editor: vscode.TextEditor, original: string): Promise<void> {
  assert.equal(editor.document.getText(), original, 'the action must not edit the document');
  await undoOnce(editor, false);
  assert.equal(editor.document.getText(), original);
}

/** One undo takes the action's whole edit out again. */
async function assertOneUndoRestores(editor: vscode.TextEditor, original: string): Promise<void> {
  await undoOnce(editor, true);
  assert.equal(editor.document.getText(), original, 'one undo must restore the original text exactly');
}

describe('editor actions on a real document, each undone with one undo', () => {
  productCases();

  it('Translate Selection (Replace) replaces the selection with the translation', async () => {
    const sentence = 'The weather is lovely today and the garden is full of flowers.';
    const original = `const note = 1;\n${sentence}\nconst after = 2;\n`;
    const editor = await openDocument(original);
    select(editor, sentence);
    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assertApplied(result);
    assert.equal(result.decision?.chosen?.model, 'Helsinki-NLP/opus-mt-en-es');
    assert.equal(editor.document.getText(), `const note = 1;\n[es] ${sentence}\nconst after = 2;\n`);
    await assertOneUndoRestores(editor, original);
  });

  it('Translate Selection to Side Preview shows the translation and leaves the file alone', async () => {
    const sentence = 'Please translate this sentence into French for the preview.';
    const original = `${sentence}\n`;
    const editor = await openDocument(original);
    select(editor, sentence);
    const result = await runAction('translateSelectionToPreview', { targetLang: 'fr', sourceLang: 'en' });
    assert.equal(result.status, 'preview', result.message);
    assert.ok(previewTexts().includes(`[fr] ${sentence}`), `preview documents: ${JSON.stringify(previewTexts())}`);
    await assertUntouched(editor, original);
  });

  it('Summarize Selection writes the summary as a comment above the selection', async () => {
    const selected = '    total = sum(values)\n    return total / len(values)';
    const original = `def mean(values):\n${selected}\n`;
    const editor = await openDocument(original, 'python');
    select(editor, selected);
    const result = await runAction('summarizeSelection', { style: 'paragraph', output: 'commentAbove' });
    assertApplied(result);
    assert.equal(result.result?.task, 'summarize');
    // The fake summarizes as "Summary: " + the first sentence (here: the whole trimmed selection).
    const summary = result.result.text;
    assert.equal(summary, `Summary: ${selected.trim()}`);
    const comment = summary.split('\n').map((line) => `    # ${line.trimEnd()}`).join('\n');
    assert.equal(editor.document.getText(), `def mean(values):\n${comment}\n${selected}\n`);
    await assertOneUndoRestores(editor, original);
  });

  it('Ask About Selection highlights the answer span without editing', async () => {
    const original = 'The capital of France is Paris, and Paris is lovely in spring.\n';
    const editor = await openDocument(original);
    select(editor, original.trim());
    const result = await runAction('askAboutSelection', { question: 'Which capital city is meant?' });
    assertApplied(result);
    assert.equal(result.result?.task, 'question-answering');
    assert.equal(result.result.answer, 'capital');
    // The answer is selected (and highlighted), so it shows at once instead of hiding under the old selection.
    assert.equal(editor.document.getText(editor.selection), 'capital');
    await assertUntouched(editor, original);
  });

  it('Classify Sentiment of Selection reports the labels without editing', async () => {
    const original = 'I love this editor, it is great and the team is fantastic.\n';
    const editor = await openDocument(original);
    select(editor, original.trim());
    const result = await runAction('classifySentiment');
    assertApplied(result);
    assert.equal(result.result?.task, 'sentiment');
    assert.equal(result.result.labels[0]?.label.toUpperCase(), 'POSITIVE');
    assert.match(result.message ?? '', /positive/i);
    await assertUntouched(editor, original);
  });

  it('Classify Topic of Selection ranks the given labels without editing', async () => {
    const original = 'Bug report: the app crashes on start; this bug report has logs attached.\n';
    const editor = await openDocument(original);
    select(editor, original.trim());
    const result = await runAction('classifyTopic', { labels: ['question', 'bug report', 'feature request'] });
    assertApplied(result);
    assert.equal(result.result?.task, 'topic');
    assert.equal(result.result.labels[0]?.label, 'bug report');
    await assertUntouched(editor, original);
  });

  it('Extract Named Entities marks the entities without editing', async () => {
    const original = 'Alice met Bob in Paris before both joined Hugging Face.\n';
    const editor = await openDocument(original);
    select(editor, original.trim());
    const result = await runAction('extractEntities');
    assertApplied(result);
    assert.equal(result.result?.task, 'ner');
    assert.deepEqual(
      result.result.entities.map((e) => [e.word, e.group]),
      [['Alice', 'PER'], ['Bob', 'PER'], ['Paris', 'LOC'], ['Hugging Face', 'ORG']],
    );
    await assertUntouched(editor, original);
  });

  it('Generate Code inserts the generated code at the cursor', async () => {
    const code = 'export function add(a: number, b: number): number {\n  return a + b;\n}';
    await fake().setChatReply('Qwen/Qwen2.5-Coder-32B-Instruct', `\`\`\`typescript\n${code}\n\`\`\``);
    const original = '// math helpers\n';
    const editor = await openDocument(original, 'typescript');
    placeCursor(editor);
    const result = await runAction('generateCode', { instruction: 'a function that adds two numbers' });
    assertApplied(result);
    assert.equal(result.decision?.chosen?.model, 'Qwen/Qwen2.5-Coder-32B-Instruct');
    assert.equal(editor.document.getText(), `${original}${code}`);
    await assertOneUndoRestores(editor, original);
  });

  after(closeAllEditors);
});
