/** Summarize Selection: bullets or a paragraph, written as a comment above the selection or shown in a preview. */
import type { Ctx } from '../ctx';
import type { SummaryOutput } from '../configModel';
import type { SummaryStyle } from '../core/tasks/taskTypes';
import { commentAboveFor, indentOf } from '../editor/commentAbove';
import { insertAboveIfUnchanged } from '../editor/guardedEdit';
import { oneOfArg } from './args';
import { selectionAction, showInPreviewInstead } from './run';

const SUMMARY_PREVIEW = { title: 'Summary', languageId: 'markdown' } as const;

export function summarizeSelection(ctx: Ctx) {
  return selectionAction(ctx, 'summarize', async ({ args, target, tracked, route }) => {
    const settings = ctx.config.actionSettings();
    const style = oneOfArg<SummaryStyle>(args, 'style', ['bullets', 'paragraph']) ?? settings.summarizeStyle;
    const output = oneOfArg<SummaryOutput>(args, 'output', ['commentAbove', 'preview']) ?? settings.summarizeOutput;
    const routed = await route('Summarizing the selection…', { task: 'summarize', text: target.text, style, length: settings.summarizeLength });
    if (!routed.ok) return routed.result;
    const { result, decision } = routed.value;
    const base = { decision, result };
    if (output === 'preview') {
      await ctx.previews.show(result.text, SUMMARY_PREVIEW);
      return { ...base, status: 'preview', message: 'Summary opened in a preview.' };
    }
    const languageId = target.document.languageId;
    const edit = await insertAboveIfUnchanged(tracked, target, (line, eol) => commentAboveFor(result.text, languageId, indentOf(line), eol));
    if (edit.applied) return { ...base, status: 'applied', message: 'Summary inserted above the selection.' };
    const message = await showInPreviewInstead(ctx, 'The summary was not inserted', edit.reason, result.text, SUMMARY_PREVIEW);
    return { ...base, status: 'preview', message };
  });
}
