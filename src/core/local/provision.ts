/**
 * Getting a model onto this machine for a request: already downloaded → its folder; else the one-time consent
 * ('never' refuses, 'unasked' asks, "Download" is remembered, "Not now" is not), the disk cap before any byte, then
 * the download (the extension shows it as a cancellable progress notification). Every refusal is a CallFailure the
 * router falls back on, with the reason for the decision record. Plain TypeScript: the UI is injected.
 */
import { CallFailure, type KeyValueStore } from '../routing/routingTypes';
import type { LocalConsent } from './localPlan';
import { formatBytes } from '../units/bytes';
import { DiskCapError, DownloadCancelled, type DownloadPlan, type DownloadProgress, type ModelStore } from './modelStore';

/** The globalState key of the remembered answer. */
export const CONSENT_KEY = 'huggingface.local.downloadConsent';

export type ConsentAnswer = 'Download' | 'Not now' | 'Never';

export interface ProvisionDeps {
  readonly store: Pick<ModelStore, 'load' | 'isDownloaded' | 'modelDir' | 'plan' | 'download'>;
  /** Where the answer is remembered (globalState in the extension). */
  readonly state: KeyValueStore;
  /** The one-time modal; undefined when dismissed (like "Not now"). */
  ask(plan: DownloadPlan): Promise<ConsentAnswer | undefined>;
  /** Runs the download under a progress UI whose cancel aborts the signal it passes on. */
  withProgress<T>(plan: DownloadPlan, work: (signal: AbortSignal, onProgress: (p: DownloadProgress) => void) => Promise<T>): Promise<T>;
  readonly log?: (line: string) => void;
}

export function readConsent(state: KeyValueStore): LocalConsent {
  const value = state.get<unknown>(CONSENT_KEY);
  return value === 'granted' || value === 'never' ? value : 'unasked';
}

export async function writeConsent(state: KeyValueStore, value: LocalConsent): Promise<void> {
  await state.update(CONSENT_KEY, value === 'unasked' ? undefined : value);
}

/** The text of the consent modal: the model, its size, what happens without it. */
export function consentQuestion(plan: DownloadPlan): string {
  return (
    `Run ${plan.model} on this machine? It is a one-time download of ${formatBytes(plan.totalBytes - plan.presentBytes)} from the Hub ` +
    `into the extension's storage; later small models download without asking (with progress you can cancel). Without it, requests go to remote models.`
  );
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The model's folder, downloading it first when allowed; throws CallFailure ('gone' to fall back, 'cancelled'). */
export async function provisionModel(deps: ProvisionDeps, model: string, signal: AbortSignal | undefined): Promise<string> {
  await deps.store.load();
  if (deps.store.isDownloaded(model)) return deps.store.modelDir(model);
  if (readConsent(deps.state) === 'never') throw new CallFailure('gone', 'Downloads of on-device models were declined ("Never").');
  let plan: DownloadPlan;
  try {
    plan = await deps.store.plan(model, signal);
  } catch (err) {
    if (signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
    throw new CallFailure('gone', `Could not list ${model} on the Hub: ${message(err)}`);
  }
  if (plan.usedBytes + plan.totalBytes > plan.capBytes) throw new CallFailure('gone', new DiskCapError(plan).message);
  if (readConsent(deps.state) === 'unasked') {
    const answer = await deps.ask(plan);
    if (answer === 'Download') await writeConsent(deps.state, 'granted');
    if (answer === 'Never') await writeConsent(deps.state, 'never');
    if (answer !== 'Download') throw new CallFailure('gone', `${model} was not downloaded (${answer === 'Never' ? '"Never"' : '"Not now"'}).`);
  }
  return deps.withProgress(plan, async (progressSignal, onProgress) => {
    const both = signal ? AbortSignal.any([signal, progressSignal]) : progressSignal;
    try {
      const dir = await deps.store.download(plan, { signal: both, onProgress });
      deps.log?.(`Downloaded ${plan.model} (${formatBytes(plan.totalBytes)}).`);
      return dir;
    } catch (err) {
      if (err instanceof DownloadCancelled) {
        if (signal?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
        throw new CallFailure('gone', `${err.message} What was received is kept; the next download resumes.`);
      }
      if (err instanceof DiskCapError) throw new CallFailure('gone', err.message);
      throw new CallFailure('gone', `Downloading ${plan.model} failed: ${message(err)}`);
    }
  });
}
