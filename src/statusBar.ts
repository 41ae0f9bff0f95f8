/**
 * The quota item in the status bar ("$(hubot) HF 123/30k"; warning colours at 80 %, error at 100 %;
 * click: Show Health) and the notifications when the monthly quota crosses 80, 95 and 100 %.
 */
import * as vscode from 'vscode';
import { quotaWarningMessage, type QuotaUsage } from './core/routing/quota';
import type { QuotaThreshold } from './core/routing/quotaTally';
import { QUOTA_SETTING_ID } from './ui/messages';
import { notify } from './ui/notify';
import { quotaStatusView } from './ui/quotaStatus';

export class QuotaStatusBar implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;

  /** `pins`: the pinned models, one line each, for the tooltip. */
  constructor(private readonly pins: () => readonly string[] = () => []) {}

  update(usage: QuotaUsage): void {
    const view = quotaStatusView(usage, this.pins());
    const item = this.ensureItem();
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.backgroundColor =
      view.level === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    item.show();
  }

  dispose(): void {
    this.item?.dispose();
  }

  private ensureItem(): vscode.StatusBarItem {
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('huggingface.quota', vscode.StatusBarAlignment.Right, 100);
      this.item.name = 'Hugging Face Quota';
      this.item.command = 'huggingface.showHealth';
    }
    return this.item;
  }
}

/** The router's onQuotaCrossing: a warning at 80 and 95 %, an error at 100 %, each with Open Settings. */
export function notifyQuotaCrossing(threshold: QuotaThreshold, usage: QuotaUsage): void {
  notify({
    severity: threshold === 100 ? 'error' : 'warning',
    text: quotaWarningMessage({ threshold, usage }, QUOTA_SETTING_ID),
    actions: ['openSettings'],
    setting: QUOTA_SETTING_ID,
  });
}
