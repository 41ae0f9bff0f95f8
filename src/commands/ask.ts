/**
 * Ask About Selection: extractive QA over the selection. The answer span is highlighted and revealed;
 * a generated answer (no span) is shown in a preview.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { editorFor } from '../editor/decorations';
import { checkTarget } from '../editor/targetGuard';
import { answerDocument, answerSummary, percent } from '../ui/resultText';
import { inform } from '../ui/notify';
import { cancelled } from './actionResult';
import { stringArg } from './args';
import { selectionAction, showInPreviewInstead } from './run';

export function askAboutSelection(ctx: Ctx) {
  return selectionAction(ctx, 'question-answering', async ({ args, target, tracked, route }) => {
    const question = stringArg(args, 'question') ?? (await askQuestion());
    if (!question?.trim()) return cancelled();
    const routed = await route(
      'Looking for the answer in the selection…',
      { task: 'question-answering', question: question.trim(), context: target.text },
      { retryArgs: { question } },
    );
    if (!routed.ok) return routed.result;
    const { result, decision } = routed.value;
    const message = answerSummary(result.answer, result.score, result.generative);
    inform(message);
    const base = { decision, result, message };
    const hasSpan = !result.generative && result.start >= 0 && result.end > result.start && result.end <= target.text.length;
    if (!hasSpan) {
      await ctx.previews.show(answerDocument(question, result.answer, true), ANSWER_PREVIEW);
      return { ...base, status: 'preview' };
    }
    const range = tracked.current;
    const editor = editorFor(target.document, target.editor);
    const verdict = checkTarget(target, tracked.now());
    if (!verdict.ok || range === undefined || editor === undefined) {
      const reason = !verdict.ok ? verdict.reason : 'the file is no longer shown in an editor';
      const shown = await showInPreviewInstead(ctx, 'The answer was not highlighted', reason, answerDocument(question, result.answer, false), ANSWER_PREVIEW);
      return { ...base, status: 'preview', message: shown };
    }
    const span = new vscode.Range(target.document.positionAt(range.start + result.start), target.document.positionAt(range.start + result.end));
    ctx.decorations.showAnswer(editor, span, `**Answer** · score ${percent(result.score)}`);
    // Selected too: a highlight under the old (whole-text) selection would not show until the user clicks away.
    editor.selection = new vscode.Selection(span.start, span.end);
    editor.revealRange(span, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { ...base, status: 'applied' };
  });
}

const ANSWER_PREVIEW = { title: 'Answer', languageId: 'markdown' } as const;

function askQuestion(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Ask About Selection',
    prompt: 'Your question; the answer is looked for in the selected text.',
    placeHolder: 'e.g. What does this function return?',
    ignoreFocusOut: true,
  });
}
