// Driving the product the way its own callers do: through its commands (args skip the prompts) and their
// return values. Also the fake HF server's control client and the settings a case may change for itself.
import * as vscode from 'vscode';
import type { ActionResult } from '../../../src/commands/actionResult';
import type { SignInResult } from '../../../src/commands/auth';
import type { Decision } from '../../../src/core/routing/decision';
import type { HealthReport } from '../../../src/core/routing/router';
import { FakeHfControl } from '../../fake-hf/control';
import type { RecordedRequest } from '../../fake-hf/http';
import { FAKE_USER, READONLY_TOKEN, VALID_TOKEN } from '../../fake-hf/state';
import { requireFakeHf } from './host';
import { within } from './waits';

export type { ActionResult, Decision, HealthReport, RecordedRequest, SignInResult };
export { FAKE_USER, READONLY_TOKEN, VALID_TOKEN };

export type ActionCommand =
  | 'generateCode'
  | 'translateSelection'
  | 'translateSelectionToPreview'
  | 'summarizeSelection'
  | 'askAboutSelection'
  | 'classifySentiment'
  | 'classifyTopic'
  | 'extractEntities'
  | 'translateCommentsInFile'
  | 'runPrompt';

let control: FakeHfControl | undefined;

/**
 * Everything the product handed back to its callers in this run (action results with their user-facing
 * messages and decisions, sign-in results, decisions): index.ts scans it for tokens once the suite is done.
 */
export const producedTexts: string[] = [];

function record<T>(value: T): T {
  if (value !== undefined) producedTexts.push(JSON.stringify(value));
  return value;
}

export function fake(): FakeHfControl {
  control ??= new FakeHfControl(requireFakeHf().hubUrl);
  return control;
}

/** Starts a selection action without waiting for it (for cases that act while it runs). */
export function startAction(command: ActionCommand, args?: Record<string, unknown>): Thenable<ActionResult | undefined> {
  return vscode.commands.executeCommand<ActionResult | undefined>(`huggingface.${command}`, args).then(record);
}

/** Runs a selection action and returns its ActionResult (a command that returns nothing fails the case). */
export async function runAction(command: ActionCommand, args?: Record<string, unknown>, timeoutMs = 60_000): Promise<ActionResult> {
  const result = await within(`huggingface.${command}`, startAction(command, args), timeoutMs);
  if (!result) throw new Error(`huggingface.${command} returned nothing (it threw; see the "Hugging Face" output)`);
  return result;
}

export async function signIn(token: string = VALID_TOKEN): Promise<SignInResult> {
  return record((await within('huggingface.signIn', vscode.commands.executeCommand<SignInResult>('huggingface.signIn', { token }))) ?? {});
}

export async function signOut(): Promise<void> {
  await within('huggingface.signOut', vscode.commands.executeCommand('huggingface.signOut'));
}

export async function lastDecision(): Promise<Decision | undefined> {
  return record(await vscode.commands.executeCommand<Decision | undefined>('huggingface.showLastDecision'));
}

export async function health(): Promise<HealthReport> {
  const report = await vscode.commands.executeCommand<HealthReport | undefined>('huggingface.showHealth');
  if (!report) throw new Error('huggingface.showHealth returned nothing');
  return report;
}

/**
 * Inference requests the fake received: POSTs to the router listener. Hub listings and whoami are not inference, nor
 * is the router's model list (`GET /v1/models`), which VS Code's chat asks our model provider for whenever it likes.
 */
export async function inferenceRequests(): Promise<RecordedRequest[]> {
  return (await fake().requests()).filter((r) => r.listener === 'router' && r.method === 'POST');
}

/** The model a recorded router request was for: in the path (`/hf-inference/models/<id>`) or the chat body. */
export function requestedModel(r: RecordedRequest): string | undefined {
  const inPath = /\/models\/([^/]+\/[^/]+?)(?:\/pipeline\/[^/]+)?$/.exec(decodeURIComponent(r.path));
  if (inPath) return inPath[1];
  const body = r.body as { model?: unknown } | undefined;
  return typeof body?.model === 'string' ? body.model.split(':')[0] : undefined;
}

type SettingValue = string | number | boolean | readonly unknown[] | undefined;

/**
 * Sets `huggingface.<key>` (user settings, as the Settings editor would) and returns a function that puts the
 * previous user value back. Cases restore in `finally`/`afterEach`, so no setting leaks into another case.
 */
export async function setSetting(key: string, value: SettingValue): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('huggingFace');
  const previous = config.inspect(key)?.globalValue as SettingValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('huggingFace').update(key, previous, vscode.ConfigurationTarget.Global);
  };
}
