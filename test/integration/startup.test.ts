// Runs first (see index.ts RUN_FIRST): only onStartupFinished may have activated the extension before these checks.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CONTRACT_COMMANDS, PRODUCT_ID, contributedCommands, product } from './support/host';
import { fake } from './support/product';
import { waitFor } from './support/waits';

describe('the extension in a real VS Code host', () => {
  it(`is installed under the id ${PRODUCT_ID}`, () => {
    const ext = vscode.extensions.getExtension(PRODUCT_ID);
    assert.ok(ext, `${PRODUCT_ID} not found among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  });

  it('is activated once the window is up (onStartupFinished, for comment hovers), and activating sent no request', async () => {
    // No command of ours ran yet: only the startup event can have activated it.
    await waitFor('the extension to be activated by onStartupFinished', () => product().isActive, { timeoutMs: 30_000 });
    // VS Code may list our chat models (GET /v1/models) when it likes; nothing else may have gone out.
    const sent = (await fake().requests()).filter((r) => !(r.method === 'GET' && r.path.endsWith('/v1/models')));
    assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`), []);
  });

  it('runs with the fake HF server configured and no token in the environment', () => {
    const config = vscode.workspace.getConfiguration('huggingFace');
    for (const key of ['hubUrl', 'routerUrl', 'datasetsServerUrl']) {
      assert.match(String(config.get(key)), /^http:\/\/127\.0\.0\.1:\d+/, `huggingface.${key} must point at loopback`);
    }
    assert.equal(process.env.HF_TOKEN, undefined);
  });

  it('contributes every command of the contract under the "Hugging Face" category', () => {
    const contributed = contributedCommands();
    const ids = contributed.map((c) => c.command);
    assert.deepEqual(CONTRACT_COMMANDS.filter((id) => !ids.includes(id)), [], 'contract commands missing from package.json');
    for (const c of contributed.filter((c) => CONTRACT_COMMANDS.includes(c.command))) {
      assert.equal(c.category, 'Hugging Face', `${c.command} category`);
    }
  });

  it('activates without throwing', async () => {
    await product().activate();
    assert.equal(product().isActive, true);
  });

  it('registers every contributed command once active', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedCommands()
      .map((c) => c.command)
      .filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });
});
