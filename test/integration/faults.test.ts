// One fault per action, in the real editor: whatever the servers do, the user gets a plain message, the routing
// decision says what was tried and why, and the document is exactly as it was. The whole matrix (every action x
// every fault) runs in plain node against the same fake: test/unit/faultMatrix/.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { Fault } from '../fake-hf/faults';
import { productCases } from './support/cases';
import { openDocument, placeCursor, previewTexts, select } from './support/documents';
import { fake, inferenceRequests, lastDecision, runAction, setSetting, type ActionCommand } from './support/product';

/** What a user-facing message must never be: a bare engine or socket error, a raw server body, markup. */
const TECHNICAL = /UND_ERR|ECONN|Unexpected token|Unterminated string|is not iterable|<!DOCTYPE|<html|\bat \w+ \(/i;

interface Cell {
  readonly action: ActionCommand;
  readonly args: Record<string, unknown>;
  readonly fault: Fault;
  /** The failure kind the first candidate's outcome records. */
  readonly firstFailure: string;
  /** The final message says this (the action's own words). */
  readonly message: RegExp;
  /** The chain stops at the first candidate (its failure is the user's to fix) instead of trying the others. */
  readonly stops: boolean;
}

const TEXT = 'Ada Lovelace wrote the first published program for the Analytical Engine in 1843 in London.';

const CELLS: readonly Cell[] = [
  { action: 'generateCode', args: { instruction: 'add two numbers' }, fault: { type: 'malformed' }, firstFailure: 'malformed', message: /could not|no model|answer/i, stops: false },
  { action: 'translateSelection', args: { targetLang: 'es', sourceLang: 'en' }, fault: { type: 'status', status: 401 }, firstFailure: 'unauthorized', message: /token|sign in/i, stops: true },
  { action: 'summarizeSelection', args: {}, fault: { type: 'status', status: 403 }, firstFailure: 'forbidden', message: /access|permission|forbidden|403/i, stops: true },
  { action: 'askAboutSelection', args: { question: 'Who wrote it?' }, fault: { type: 'html-body' }, firstFailure: 'malformed', message: /./, stops: false },
  { action: 'classifySentiment', args: {}, fault: { type: 'status', status: 500 }, firstFailure: 'server', message: /./, stops: false },
  { action: 'classifyTopic', args: { labels: ['history', 'sports'] }, fault: { type: 'wrong-shape' }, firstFailure: 'malformed', message: /./, stops: false },
  { action: 'extractEntities', args: {}, fault: { type: 'drop' }, firstFailure: 'network', message: /reach|connect|network/i, stops: false },
  { action: 'runPrompt', args: { prompt: 'What year is mentioned here?' }, fault: { type: 'rate-limit', retryAfterS: 1 }, firstFailure: 'rate-limited', message: /./, stops: false },
];

describe('every action against a fault, in the real editor', () => {
  productCases();
  let restore: (() => Promise<void>) | undefined;

  before(async () => {
    // One attempt per model: the cells are about what the user sees, the retry waits are unit-tested.
    restore = await setSetting('retry.maxAttempts', 1);
  });
  after(async () => restore?.());

  for (const cell of CELLS) {
    it(`${cell.action}: ${cell.fault.type}${cell.fault.type === 'status' ? ` ${cell.fault.status}` : ''} leaves the document as it was and says why`, async () => {
      await fake().setFault({ listener: 'router' }, cell.fault);
      const original = `${TEXT}\n`;
      const editor = await openDocument(original);
      select(editor, TEXT);
      const version = editor.document.version;

      const result = await runAction(cell.action, cell.args, 120_000);
      assert.equal(result.status, 'failed', `${result.status}: ${result.message}`);
      assert.match(result.message ?? '', cell.message);
      assert.doesNotMatch(result.message ?? '', TECHNICAL, `a technical message reached the user: ${result.message}`);
      assert.equal(editor.document.getText(), original, 'the document is exactly as it was');
      assert.equal(editor.document.version, version, 'not even an edit that was undone again');

      const decision = await lastDecision();
      assert.equal(decision?.id, result.decision?.id, 'the decision is this action\'s');
      // Models remembered as gone earlier in the run are skipped without a request: the first one tried counts.
      const [first, ...rest] = (decision?.outcomes ?? []).filter((o) => o.status !== 'skipped');
      assert.equal(first?.status, 'failed');
      assert.equal(first?.failure, cell.firstFailure, JSON.stringify(first));
      if (cell.stops) assert.equal(rest.length, 0, 'the chain stopped at the first model');
      else assert.ok(rest.some((o) => o.status === 'failed'), 'the chain went on to the next model');
      assert.ok((await inferenceRequests()).length >= 1, 'the request reached the (faulty) server');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'no preview opened over the file');
    });
  }

  it('generateCode: an answer cut off on every model is not written, and what arrived is in a preview marked incomplete', async () => {
    const code = 'const first = 1;\nconst second = 2;\nconst third = 3;\nconst fourth = 4;\nconst fifth = 5;\n';
    // Every chat model of the chain streams the same code, and every stream ends early.
    for (const model of ['Qwen/Qwen2.5-Coder-32B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct', 'Qwen/Qwen2.5-72B-Instruct']) await fake().setChatReply(model, code);
    await fake().setFault({ listener: 'router' }, { type: 'end-without-done', afterChunks: 4 });
    const original = '// constants\n';
    const editor = await openDocument(original, 'typescript');
    placeCursor(editor);
    const result = await runAction('generateCode', { instruction: 'three constants' }, 120_000);
    assert.equal(result.status, 'failed', result.message);
    assert.match(result.message ?? '', /cut off is in the preview, marked incomplete/);
    assert.equal(editor.document.getText(), original, 'nothing of the cut answer stays in the file');
    const preview = previewTexts().find((t) => t.includes('INCOMPLETE'));
    assert.ok(preview, `preview documents: ${JSON.stringify(previewTexts())}`);
    assert.match(preview, /^\/\/ INCOMPLETE: the answer was cut off before it ended\.$/m);
  });
});

