/**
 * Extract Named Entities: entities are underlined in the document (hover: group and score) and listed
 * in a QuickPick that reveals the picked one.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { Entity } from '../core/tasks/taskTypes';
import { editorFor } from '../editor/decorations';
import type { SelectionTarget } from '../editor/selection';
import { checkTarget } from '../editor/targetGuard';
import { entitiesDocument, entityHover, entityOffsets, entitySummary, percent } from '../ui/resultText';
import { inform } from '../ui/notify';
import { selectionAction, showInPreviewInstead } from './run';

export function extractEntities(ctx: Ctx) {
  return selectionAction(ctx, 'ner', async ({ target, tracked, route }) => {
    const routed = await route('Extracting named entities…', { task: 'ner', text: target.text });
    if (!routed.ok) return routed.result;
    const { result, decision } = routed.value;
    const message = entitySummary(result.entities);
    const base = { decision, result, message };
    const range = tracked.current;
    const editor = editorFor(target.document, target.editor);
    inform(message);
    if (result.entities.length === 0) return { ...base, status: 'applied' };
    const verdict = checkTarget(target, tracked.now());
    if (!verdict.ok || range === undefined || editor === undefined) {
      const reason = !verdict.ok ? verdict.reason : 'the file is no longer shown in an editor';
      const shown = await showInPreviewInstead(ctx, 'The entities were not marked', reason, entitiesDocument(result.entities), { title: 'Named entities', languageId: 'markdown' });
      return { ...base, status: 'preview', message: shown };
    }
    const marks = entityOffsets(result.entities, range.start, target.text.length).map(({ entity, start, end }) => ({
      entity,
      range: new vscode.Range(target.document.positionAt(start), target.document.positionAt(end)),
    }));
    ctx.decorations.showEntities(editor, marks.map((m) => ({ range: m.range, hover: entityHover(m.entity) })));
    void listEntities(target, editor, marks).catch(() => undefined);
    return { ...base, status: 'applied' };
  });
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
