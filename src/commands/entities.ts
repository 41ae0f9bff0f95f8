/**
 * Extract Named Entities: entities are underlined in the document (hover: group and score) and listed
 * in a QuickPick that reveals the picked one.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { Entity } from '../core/tasks/taskTypes';
import { editorFor } from '../editor/decorations';
import { trackSelection, type SelectionTarget } from '../editor/selection';
import { checkTarget } from '../editor/targetGuard';
import { entityHover, entityOffsets, entitySummary, percent } from '../ui/resultText';
import { inform } from '../ui/notify';
import type { ActionResult } from './actionResult';
import { retryCommand, runRouted, startSelectionAction } from './run';

export function extractEntities(ctx: Ctx) {
  return async (): Promise<ActionResult> => {
    const started = await startSelectionAction(ctx, 'ner');
    if (!started.ok) return started.result;
    const target = started.value;
    const tracked = trackSelection(target);
    try {
      const run = await runRouted(
        ctx,
        'Extracting named entities…',
        { task: 'ner', text: target.text },
        { retry: retryCommand('huggingface.extractEntities', undefined) },
      );
      if (!run.ok) return run.result;
      const { result, decision } = run.value;
      if (result.task !== 'ner') return { status: 'failed', message: 'Unexpected result type.', decision };
      const message = entitySummary(result.entities);
      const base = { decision, result, message };
      const range = tracked.current;
      const editor = editorFor(target.document, target.editor);
      inform(message);
      if (result.entities.length === 0) return { ...base, status: 'applied' };
      if (!checkTarget(target, tracked.now()).ok || range === undefined || editor === undefined) return { ...base, status: 'preview' };
      const marks = entityOffsets(result.entities, range.start, target.text.length).map(({ entity, start, end }) => ({
        entity,
        range: new vscode.Range(target.document.positionAt(start), target.document.positionAt(end)),
      }));
      ctx.decorations.showEntities(editor, marks.map((m) => ({ range: m.range, hover: entityHover(m.entity) })));
      void listEntities(target, editor, marks).catch(() => undefined);
      return { ...base, status: 'applied' };
    } finally {
      tracked.dispose();
    }
  };
}

interface EntityItem extends vscode.QuickPickItem {
  readonly range: vscode.Range;
}

/** Not awaited by the command: the list stays open while the command has already returned. */
async function listEntities(target: SelectionTarget, editor: vscode.TextEditor, marks: readonly { entity: Entity; range: vscode.Range }[]): Promise<void> {
  const items: EntityItem[] = marks.map(({ entity, range }) => ({
    label: entity.word.trim() || target.document.getText(range),
    description: `${entity.group} · ${percent(entity.score)}`,
    detail: `Line ${range.start.line + 1}`,
    range,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Named entities in the selection', placeHolder: 'Pick one to reveal it', matchOnDescription: true });
  if (!picked) return;
  editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
  editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
