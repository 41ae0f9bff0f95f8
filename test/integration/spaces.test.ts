// Space dashboard commands in a real VS Code against the fake Hub: a restart (confirmed by args) whose build log is
// followed into the Space's log channel to the end with the Space RUNNING, the read-only token's 403 message, and
// a dropped log stream that reconnects without repeating a line.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { READONLY_TOKEN, fake, signIn } from './support/product';
import { waitFor } from './support/waits';

const SPACE = 'fake-org/static-page';
/** The fake's build log (test/fake-hf/spaceRuntime.ts BUILD_STEPS and the success line). */
const BUILD_STEPS = ['Fetching the repository', 'Installing requirements', 'Building the image', 'Pushing the image'];

interface LogsResult {
  space: string;
  log: string;
  lines: string[];
  outcome: string;
  reconnects: number;
  stage?: string;
  error?: string;
}
interface ActionResult {
  space: string;
  action: string;
  stage?: string;
  build?: { stage: string; ok: boolean };
  error?: string;
  status?: number;
}

const texts = (r: LogsResult): string[] => r.lines.map((l) => l.replace(/^\[\d{2}:\d{2}:\d{2}\] /, ''));

describe('Space dashboard commands', () => {
  productCases();

  it('restart (confirmed by args): the build log is followed to its end, the Space is RUNNING and the build watch ends ok', async () => {
    const restart = vscode.commands.executeCommand<ActionResult>('huggingface.restartSpace', { space: SPACE, confirm: true, waitForBuild: true });
    // The log of the new build: followed once the Hub took the restart.
    await waitFor('the restart request', async () => (await fake().requests()).some((r) => r.method === 'POST' && r.url.endsWith(`/api/spaces/${SPACE}/restart`)));
    const logs = (await vscode.commands.executeCommand<LogsResult>('huggingface.showSpaceLogs', { space: SPACE, log: 'build' }))!;
    assert.equal(logs.outcome, 'ended', JSON.stringify(logs));
    assert.deepEqual(texts(logs), [...BUILD_STEPS, 'Build done']);
    assert.ok(logs.lines.every((l) => /^\[\d{2}:\d{2}:\d{2}\] /.test(l)), 'each line starts with the Hub timestamp');
    assert.equal(logs.stage, 'RUNNING');
    const result = (await restart)!;
    assert.equal(result.stage, 'BUILDING');
    assert.deepEqual(result.build, { space: SPACE, stage: 'RUNNING', ok: true });
  });

  it('a read-only token gets the Hub 403 message and "your token can only read"', async () => {
    await signIn(READONLY_TOKEN);
    const result = (await vscode.commands.executeCommand<ActionResult>('huggingface.factoryRebuildSpace', { space: SPACE, confirm: true }))!;
    assert.equal(result.status, 403);
    assert.match(result.error ?? '', /read-only/);
    assert.match(result.error ?? '', /can only read/);
  });

  it('a Space that does not exist is named in a not-visible message', async () => {
    const result = (await vscode.commands.executeCommand<ActionResult>('huggingface.pauseSpace', { space: 'fake-org/no-such-space', confirm: true }))!;
    assert.equal(result.status, 404);
    assert.match(result.error ?? '', /fake-org\/no-such-space: the Space does not exist or your token cannot see it/);
  });

  it('a dropped log stream reconnects without repeating a line', async () => {
    await fake().setFault({ model: SPACE, pathPrefix: `/api/spaces/${SPACE}/logs` }, { type: 'cut-stream', afterChunks: 3, times: 1 });
    const restart = (await vscode.commands.executeCommand<ActionResult>('huggingface.restartSpace', { space: SPACE, confirm: true }))!;
    assert.equal(restart.stage, 'BUILDING');
    const logs = (await vscode.commands.executeCommand<LogsResult>('huggingface.showSpaceLogs', { space: SPACE, log: 'build' }))!;
    assert.equal(logs.outcome, 'ended', JSON.stringify(logs));
    assert.equal(logs.reconnects, 1);
    assert.deepEqual(texts(logs), [...BUILD_STEPS, 'Build done']);
  });
});
