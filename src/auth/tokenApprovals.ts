/**
 * The user's word on where the Hugging Face token may go besides Hugging Face's own hosts: asked once per
 * origin in a modal, remembered in globalState (so every window and every later session knows it), and
 * revocable with "Hugging Face: Revoke Token Approvals…". The rule itself is core/trust/credentialHosts.ts.
 */
import * as vscode from 'vscode';
import type { TokenApprovals } from '../core/trust/credentialHosts';
import type { PersistentState } from '../persistentState';

const SEND = 'Send Token';

export class TokenHostApprovals implements TokenApprovals {
  /** One question per origin at a time: parallel requests to a new mirror wait for the same answer. */
  private readonly asking = new Map<string, Promise<boolean>>();
  /**
   * Origins approved in this window, kept beside globalState: VS Code's globalState echoes a write back to the
   * window that made it, and an echo of an older write (approving the Hub, then the router a moment later) can land
   * after the newer one and drop it. Found by the hover tests: the router's approval vanished and was asked again.
   */
  private readonly approvedHere = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an origin was approved or approvals were revoked (e.g. the chat model list re-reads the router then). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: PersistentState) {}

  isApproved(origin: string): boolean {
    return this.approvedHere.has(origin) || this.state.approvedTokenOrigins().includes(origin);
  }

  requestApproval(origin: string): Promise<boolean> {
    let answer = this.asking.get(origin);
    if (!answer) {
      answer = this.ask(origin).finally(() => this.asking.delete(origin));
      this.asking.set(origin, answer);
    }
    return answer;
  }

  approved(): readonly string[] {
    return [...new Set([...this.state.approvedTokenOrigins(), ...this.approvedHere])].sort();
  }

  async revoke(origins: readonly string[]): Promise<void> {
    for (const origin of origins) this.approvedHere.delete(origin);
    await this.state.setApprovedTokenOrigins(this.approved().filter((o) => !origins.includes(o)));
    this.changed.fire();
  }

  private async ask(origin: string): Promise<boolean> {
    const host = new URL(origin).host;
    const choice = await vscode.window.showWarningMessage(
      `Send your Hugging Face token to ${host}?`,
      {
        modal: true,
        detail:
          `Your settings (or HF_ENDPOINT) point Hugging Face requests at ${origin}, which is not a Hugging Face host. ` +
          'Allow it only if you trust this server with your account: it will receive your token with every request. ' +
          'You can revoke this with "Hugging Face: Revoke Token Approvals…".',
      },
      SEND,
    );
    if (choice !== SEND) return false;
    this.approvedHere.add(origin);
    await this.state.setApprovedTokenOrigins(this.approved());
    this.changed.fire();
    return true;
  }
}
