// Deploy Folder to a Space in the real editor, against the fake Hub: a new Space is created, the folder's files minus
// .gitignore and the built-in rules go as ONE commit (recorded by the fake), the build is followed until it runs;
// a read-only token is refused with a clear message and nothing is committed.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DeployResult } from '../../src/deploy/deployFolder';
import { productCases } from './support/cases';
import { READONLY_TOKEN, fake, signIn } from './support/product';

function fixtureFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-'));
  const files: Record<string, string> = {
    'app.py': 'import gradio as gr\ngr.Interface(lambda x: x, "text", "text").launch()\n',
    'requirements.txt': 'gradio\n',
    'sub/util.py': 'def helper():\n    return 1\n',
    '.gitignore': 'secret.txt\n*.log\n',
    'secret.txt': 'do not upload',
    'run.log': 'noise',
    '.env': 'HF_TOKEN=hf_never_uploaded',
    'node_modules/left/out.js': 'x',
    '__pycache__/app.cpython-311.pyc': 'x',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('Deploy Folder to a Space', () => {
  productCases();
  const folders: string[] = [];
  after(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('creates the Space, commits exactly the files .gitignore lets through in one commit, and follows the build until it runs', async () => {
    const folder = fixtureFolder();
    folders.push(folder);
    const result = await vscode.commands.executeCommand<DeployResult>('huggingface.deployFolder', { folder, repo: 'fake-user/deploy-demo', sdk: 'gradio', confirm: true });
    assert.equal(result?.status, 'deployed', result?.message);
    assert.equal(result.stage, 'RUNNING', result.message);
    assert.ok((result.buildLogLines ?? 0) > 0, `the build log streamed into the Space's output channel (${result.buildLogLines} lines)`);
    const commits = (await fake().commits()).filter((c) => c.repoId === 'fake-user/deploy-demo');
    assert.equal(commits.length, 1, 'one commit');
    assert.deepEqual([...commits[0].added].sort(), ['.gitignore', 'app.py', 'requirements.txt', 'sub/util.py']);
    assert.equal(commits[0].summary, `Deploy ${folder.split(/[\\/]/).pop()} from VS Code`);
  });

  it('a read-only token is told it cannot write, and nothing is committed', async () => {
    const folder = fixtureFolder();
    folders.push(folder);
    await signIn(READONLY_TOKEN);
    const result = await vscode.commands.executeCommand<DeployResult>('huggingface.deployFolder', { folder, repo: 'fake-org/static-page', confirm: true });
    assert.equal(result?.status, 'failed');
    assert.match(result.message, /cannot write to fake-org\/static-page.*read-only.*Nothing was committed/);
    assert.deepEqual(await fake().commits(), []);
  });

  it('a 500 on the commit (mid-upload) leaves nothing committed, says so and offers Retry', async () => {
    const folder = fixtureFolder();
    folders.push(folder);
    await fake().setFault({ listener: 'hub', pathPrefix: '/api/spaces/fake-org/static-page/commit' }, { type: 'status', status: 500 });
    const result = await vscode.commands.executeCommand<DeployResult>('huggingface.deployFolder', { folder, repo: 'fake-org/static-page', confirm: true });
    assert.equal(result?.status, 'failed');
    assert.match(result.message, /nothing was committed; try again/);
    assert.deepEqual(await fake().commits(), []);
  });

  it('a folder over the size guard is refused with its size and the limit before anything is sent', async () => {
    const folder = fixtureFolder();
    folders.push(folder);
    for (let i = 0; i < 5_001; i++) {
      if (i % 1000 === 0) mkdirSync(join(folder, `many${i}`), { recursive: true });
      writeFileSync(join(folder, `many${i - (i % 1000)}`, `f${i}.txt`), '');
    }
    const result = await vscode.commands.executeCommand<DeployResult>('huggingface.deployFolder', { folder, repo: 'fake-org/static-page', confirm: true });
    assert.equal(result?.status, 'refused');
    assert.match(result.message, /5,0\d\d files to upload; the limit is 5,000/);
    const touched = (await fake().requests()).filter((r) => r.path.includes('static-page') || r.path.includes('/repos/create'));
    assert.deepEqual(touched.map((r) => `${r.method} ${r.path}`), [], 'nothing was sent for the Space');
  });

  it('Upload to a Model or Dataset Repo takes a single file too: one commit with just that file', async () => {
    const folder = fixtureFolder();
    folders.push(folder);
    const result = await vscode.commands.executeCommand<DeployResult>('huggingface.uploadToRepo', { type: 'model', file: join(folder, 'app.py'), repo: 'fake-user/private-model', confirm: true });
    assert.equal(result?.status, 'uploaded', result?.message);
    const commits = await fake().commits();
    assert.deepEqual(commits.map((c) => [c.repoId, [...c.added]]), [['fake-user/private-model', ['app.py']]]);
  });
});
