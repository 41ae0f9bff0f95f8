/**
 * Ghost-text completion, registered at startup cheaply: the provider checks the per-language switch and the snooze
 * itself and otherwise loads the actions chunk (src/editor/ghostText.ts) on the first request. The status bar item
 * shows the state (off, on, snoozed, fetching, a problem and its fix) and the model; clicking it opens the menu
 * (on/off, snooze, choose a model). Nothing about completion ever raises a popup.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { loadActions } from '../lazyChunks';

export type CompletionState = 'off' | 'unset' | 'on' | 'snoozed' | 'fetching' | 'problem';

export class CompletionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('huggingface.completion', vscode.StatusBarAlignment.Right, 99);
  private snoozedUntil = 0;
  private current: { state: CompletionState; detail: string } = { state: 'off', detail: '' };

  constructor() {
    this.item.name = 'Hugging Face Completion';
    this.item.command = 'huggingface.completionMenu';
  }

  get state(): CompletionState {
    return this.current.state;
  }

  get detail(): string {
    return this.current.detail;
  }

  isSnoozed(): boolean {
    return Date.now() < this.snoozedUntil;
  }

  snooze(minutes: number): void {
    this.snoozedUntil = minutes > 0 ? Date.now() + minutes * 60_000 : 0;
    this.set(minutes > 0 ? 'snoozed' : 'on', minutes > 0 ? `until ${new Date(this.snoozedUntil).toLocaleTimeString()}` : this.current.detail);
  }

  /** `detail`: the model (on, fetching), why (unset), or the problem and what fixes it. */
  set(state: CompletionState, detail: string): void {
    this.current = { state, detail };
    const icon = { off: '$(circle-slash)', unset: '$(circle-slash)', on: '$(sparkle)', snoozed: '$(clock)', fetching: '$(sync~spin)', problem: '$(warning)' }[state];
    this.item.text = `${icon} HF`;
    this.item.tooltip = `Hugging Face completion: ${state === 'unset' ? 'no model chosen' : state}${detail ? `\n${detail}` : ''}\nClick for on/off, snooze and the model.`;
    this.item.accessibilityInformation = { label: `Hugging Face completion: ${state}${detail ? `, ${detail.split('\n')[0]}` : ''}` };
    this.item.backgroundColor = state === 'problem' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (state === 'off') this.item.hide();
    else this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

const statuses = new WeakMap<Ctx, CompletionStatus>();

/** The window's completion status item (created with the provider). */
export function completionStatus(ctx: Ctx): CompletionStatus {
  let status = statuses.get(ctx);
  if (!status) {
    status = new CompletionStatus();
    statuses.set(ctx, status);
  }
  return status;
}

/** Shows the status item when completion is on for any language (the active editor's first). */
function refreshStatus(ctx: Ctx, status: CompletionStatus): void {
  if (status.state === 'fetching' || status.state === 'problem' || status.isSnoozed()) return;
  const languageId = vscode.window.activeTextEditor?.document.languageId ?? '';
  if (!ctx.config.completionEnabled(languageId)) return status.set('off', '');
  const { choice } = ctx.config.completionConfig();
  if (choice.model === '' && choice.endpoint === '') return status.set('unset', 'Choose a model: set huggingFace.completion.model or huggingFace.completion.endpoint.');
  status.set('on', choice.endpoint ? `${choice.model || 'model of'} ${choice.endpoint}` : choice.model);
}

export function registerCompletion(ctx: Ctx): vscode.Disposable {
  const status = completionStatus(ctx);
  refreshStatus(ctx, status);
  const provider: vscode.InlineCompletionItemProvider = {
    provideInlineCompletionItems(document, position, context, token) {
      if (status.isSnoozed() || !ctx.config.completionEnabled(document.languageId)) return undefined;
      return loadActions().ghostText.provideGhostText(ctx, status, document, position, context, token);
    },
  };
  return vscode.Disposable.from(
    status,
    vscode.languages.registerInlineCompletionItemProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], provider),
    ctx.config.onDidChange(() => {
      if (status.state === 'problem') status.set('on', '');
      refreshStatus(ctx, status);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => refreshStatus(ctx, status)),
  );
}
