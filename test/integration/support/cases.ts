// The setup every product case shares, so each case is independent of the others and of their order:
// a fresh fake (no faults, no recorded requests, default chat replies), no editors, a known sign-in state,
// and no response cache (restored afterwards).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors } from './documents';
import { FAKE_USER, fake, setSetting, signIn, signOut } from './product';

export interface CaseSetup {
  /** Sign in with the fake's valid token before each case (default), or sign out. */
  signedIn?: boolean;
}

/** Registers mocha hooks on the current `describe`. */
export function productCases(setup: CaseSetup = {}): void {
  const restores: (() => Promise<void>)[] = [];

  before(async () => {
    // The response cache would answer a repeated text without a request; it is unit-tested, not under test here.
    // (The local rate limiter is set out of the way for the whole window: see window.ts.)
    restores.push(await setSetting('cache.ttlSeconds', 0));
  });

  after(async () => {
    for (const restore of restores.splice(0).reverse()) await restore();
  });

  beforeEach(async () => {
    await closeAllEditors();
    if (setup.signedIn === false) await signOut();
    else assert.equal((await signIn()).account, FAKE_USER, 'signing in with the fake\'s valid token');
    // After signing in, so the recorded requests are this case's own.
    await fake().reset();
  });

  afterEach(async () => {
    // Entity extraction leaves its QuickPick open; a failed case may leave anything open.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('huggingface.cancelRunningRequests');
    await closeAllEditors();
    await fake().reset();
  });
}
