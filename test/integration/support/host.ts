// What integration tests know about the host they run in: the extension ids, the fake HF server's URLs
// (env SARVANOM_FAKE_HF, set by test/e2e/run.mjs and run-electron.mjs) and a real ExtensionContext borrowed
// from the test-runner extension for secret-storage checks.
import * as vscode from 'vscode';

export const PRODUCT_ID = 'sarvanom.sarvanom-hf';
export const RUNNER_ID = 'sarvanom-test.e2e-runner';

/** Command ids every build must contribute (package.json `contributes.commands`; the README lists them). */
export const CONTRACT_COMMANDS = [
  'huggingface.generateCode',
  'huggingface.translateSelection',
  'huggingface.translateSelectionToPreview',
  'huggingface.summarizeSelection',
  'huggingface.askAboutSelection',
  'huggingface.classifySentiment',
  'huggingface.classifyTopic',
  'huggingface.extractEntities',
  'huggingface.showLastDecision',
  'huggingface.showHealth',
  'huggingface.signIn',
  'huggingface.signOut',
  'huggingface.setEndpointKey',
];

export interface FakeHfUrls {
  hubUrl: string;
  routerUrl: string;
  datasetsServerUrl: string;
  openaiUrl?: string;
}

export function fakeHf(): FakeHfUrls | undefined {
  const raw = process.env.SARVANOM_FAKE_HF;
  return raw ? (JSON.parse(raw) as FakeHfUrls) : undefined;
}

export function requireFakeHf(): FakeHfUrls {
  const urls = fakeHf();
  if (!urls) throw new Error('SARVANOM_FAKE_HF is not set: the fake HF server is not running for this host');
  return urls;
}

/** Drives the fake's control API (`<hubUrl>/__fake/<path>`), e.g. to inject a 503 or a 429 for the next call. */
export async function fakeControl(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<unknown> {
  const url = `${requireFakeHf().hubUrl}/__fake/${path.replace(/^\//, '')}`;
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export function product(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(PRODUCT_ID);
  if (!ext) throw new Error(`${PRODUCT_ID} is not installed in this host`);
  return ext;
}

export interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

export function contributedCommands(): ContributedCommand[] {
  const manifest = product().packageJSON as { contributes?: { commands?: ContributedCommand[] } };
  return manifest.contributes?.commands ?? [];
}

/** The runner extension's own ExtensionContext: real secrets and globalState of this host. */
export async function runnerContext(): Promise<vscode.ExtensionContext> {
  const runner = vscode.extensions.getExtension<{ context: vscode.ExtensionContext }>(RUNNER_ID);
  if (!runner) throw new Error(`${RUNNER_ID} is not installed: run through test/e2e/run.mjs or run-electron.mjs`);
  const api = await runner.activate();
  return api.context;
}
