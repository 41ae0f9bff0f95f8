// The hf:// file system in a real VS Code against the fake Hub: reading a private repo's file, saving it as exactly
// one commit with the message, a read-only token refused with the "no write access" message, and a file changed on
// the Hub since it was opened refused without a commit.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { requireFakeHf } from './support/host';
import { READONLY_TOKEN, fake, setSetting, signIn } from './support/product';

const README = vscode.Uri.parse('hf://models/fake-user/private-model/README.md');
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Someone else commits to the repo (the Hub's commit route, as @huggingface/hub sends it). */
async function commitElsewhere(path: string, text: string): Promise<void> {
  const body = [
    { key: 'header', value: { summary: 'Edited on the website' } },
    { key: 'file', value: { path, content: Buffer.from(text).toString('base64'), encoding: 'base64' } },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n');
  const res = await fetch(`${requireFakeHf().hubUrl}/api/models/fake-user/private-model/commit/main`, {
    method: 'POST',
    headers: { Authorization: 'Bearer hf_fake_valid_token', 'Content-Type': 'application/x-ndjson' },
    body,
  });
  assert.equal(res.status, 200, await res.text());
}

describe('hf:// Hub files', () => {
  productCases();
  let restore: (() => Promise<void>) | undefined;
  before(async () => {
    restore = await setSetting('hubFiles.askCommitMessage', false);
  });
  after(async () => restore?.());

  it('lists and reads a private repo, and saving the open file records exactly one commit with the message', async () => {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse('hf://models/fake-user/private-model'));
    assert.ok(entries.some(([name, type]) => name === 'README.md' && type === vscode.FileType.File), JSON.stringify(entries));
    const doc = await vscode.workspace.openTextDocument(README);
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().length > 0);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Edited in VS Code\n'));
    assert.equal(await doc.save(), true);
    const commits = await fake().commits();
    assert.deepEqual(
      commits.map((c) => [c.repoId, c.summary, c.added]),
      [['fake-user/private-model', 'Update README.md from VS Code', ['README.md']]],
    );
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(README));
    assert.match(after, /^Edited in VS Code\n/);
  });

  it('a read-only token is refused with the no-write-access message and nothing is committed', async () => {
    await signIn(READONLY_TOKEN);
    // Opened (read) first, as an editor would, so the save is checked against the Hub's current version.
    await vscode.workspace.fs.readFile(README);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(README, encode('x'))), /no write access/);
    assert.deepEqual(await fake().commits(), []);
  });

  it('a file changed on the Hub since it was opened is not overwritten', async () => {
    await vscode.workspace.fs.readFile(README);
    await commitElsewhere('README.md', 'theirs\n');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(README, encode('mine\n'))), /changed on the Hub since you opened it/);
    assert.deepEqual((await fake().commits()).map((c) => c.summary), ['Edited on the website']);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(README)), 'theirs\n');
  });
});
