/**
 * The on-device models in the extension (issue 17): the model store in global storage, the one-time consent prompt
 * (remembered in globalState), the download's progress notification with cancel, and the router's local provider.
 * Part of the actions chunk. The runtime is injected (`runnerFactory`): until the transformers.js runtime lands, the
 * default factory is a placeholder and the plan skips local models with "on-device runtime not available".
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { loadHubLibrary } from '../lazyChunks';
import type { Config } from '../config';
import { createHubModelSource } from '../core/local/hubModelSource';
import { planLocal, type LocalConsent } from '../core/local/localPlan';
import { createLocalTransport } from '../core/local/localTransport';
import type { LocalRunner } from '../core/local/localTypes';
import { DiskCapError, DownloadCancelled, formatBytes, ModelStore, type DownloadPlan, type ManifestEntry } from '../core/local/modelStore';
import type { LocalProviderDeps } from '../core/routing/router';
import { CallFailure } from '../core/routing/routingTypes';

const CONSENT_KEY = 'huggingface.local.downloadConsent';

/** Creates the runtime; `undefined` means none is built in (the placeholder). */
export type LocalRunnerFactory = (() => LocalRunner) | undefined;

export interface LocalModelsHost {
  readonly config: Config;
  readonly globalState: vscode.Memento;
  /** context.globalStorageUri.fsPath */
  readonly globalStorageDir: string;
  readonly log: (line: string) => void;
  readonly runnerFactory?: LocalRunnerFactory;
  /** Tests replace the network. */
  readonly fetch?: typeof fetch;
}

export const RUNTIME_UNAVAILABLE = 'on-device runtime not available in this build';

export class LocalModels {
  readonly store: ModelStore;
  private runnerInstance: LocalRunner | undefined;

  constructor(private readonly host: LocalModelsHost) {
    this.store = new ModelStore({
      dir: join(host.globalStorageDir, 'local-models'),
      source: createHubModelSource({
        hub: loadHubLibrary,
        hubUrl: () => host.config.routingSettings().hubUrl,
        fetch: host.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      }),
      capBytes: () => host.config.routingSettings().localMaxDiskMB * 1024 * 1024,
    });
    void this.store.load();
  }

  consent(): LocalConsent {
    const value = this.host.globalState.get<unknown>(CONSENT_KEY);
    return value === 'granted' || value === 'never' ? value : 'unasked';
  }

  async setConsent(value: LocalConsent): Promise<void> {
    await this.host.globalState.update(CONSENT_KEY, value === 'unasked' ? undefined : value);
  }

  /** What the router needs: the plan (served or skipped with the reason) and the local transport. */
  providerDeps(): LocalProviderDeps {
    return {
      plan: (request) => {
        const settings = this.host.config.routingSettings();
        return planLocal(request, {
          enabled: settings.localEnabled,
          policy: settings.policy,
          consent: this.consent(),
          isDownloaded: (model) => this.store.isDownloaded(model),
          unavailable: this.host.runnerFactory ? undefined : RUNTIME_UNAVAILABLE,
        });
      },
      transport: createLocalTransport({
        ensureModel: (model, signal) => this.ensureModel(model, signal),
        runner: () => {
          if (!this.host.runnerFactory) throw new CallFailure('gone', `The ${RUNTIME_UNAVAILABLE}.`);
          this.runnerInstance ??= this.host.runnerFactory();
          return this.runnerInstance;
        },
      }),
    };
  }

  /** The model's folder: downloaded now if needed, after the one-time consent; throws a CallFailure the router falls back on. */
  async ensureModel(model: string, signal: AbortSignal | undefined): Promise<string> {
    await this.store.load();
    if (this.store.isDownloaded(model)) return this.store.modelDir(model);
    if (this.consent() === 'never') throw new CallFailure('gone', 'Downloads of on-device models were declined ("Never").');
    let plan: DownloadPlan;
    try {
      plan = await this.store.plan(model, signal);
    } catch (err) {
      throw new CallFailure('gone', `Could not list ${model} on the Hub: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (plan.usedBytes + plan.totalBytes > plan.capBytes) throw new CallFailure('gone', new DiskCapError(plan).message);
    if (this.consent() === 'unasked' && !(await this.askConsent(plan))) {
      throw new CallFailure('gone', `${model} was not downloaded (the download was not allowed).`);
    }
    return this.downloadWithProgress(plan, signal);
  }

  /** The one-time modal: "Download" (remembered), "Not now" (asked again next time), "Never" (remembered). */
  private async askConsent(plan: DownloadPlan): Promise<boolean> {
    const choice = await vscode.window.showInformationMessage(
      `Run ${plan.model} on this machine? It is a one-time download of ${formatBytes(plan.totalBytes - plan.presentBytes)} from the Hub into the extension's storage; later small models download without asking (with progress you can cancel). Without it, requests go to remote models.`,
      { modal: true },
      'Download',
      'Not now',
      'Never',
    );
    if (choice === 'Download') await this.setConsent('granted');
    if (choice === 'Never') await this.setConsent('never');
    return choice === 'Download';
  }

  async downloadWithProgress(plan: DownloadPlan, outer?: AbortSignal): Promise<string> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading ${plan.model} (${formatBytes(plan.totalBytes)})`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const onAbort = () => controller.abort();
        token.onCancellationRequested(onAbort);
        outer?.addEventListener('abort', onAbort, { once: true });
        let shown = 0;
        try {
          const dir = await this.store.download(plan, {
            signal: controller.signal,
            onProgress: (p) => {
              const percent = p.totalBytes === 0 ? 100 : Math.floor((p.receivedBytes / p.totalBytes) * 100);
              if (percent > shown) {
                progress.report({ increment: percent - shown, message: `${formatBytes(p.receivedBytes)} of ${formatBytes(p.totalBytes)}` });
                shown = percent;
              }
            },
          });
          this.host.log(`Downloaded ${plan.model} (${formatBytes(plan.totalBytes)}) into ${dir}.`);
          return dir;
        } catch (err) {
          if (err instanceof DownloadCancelled) {
            if (outer?.aborted) throw new CallFailure('cancelled', 'Cancelled.');
            throw new CallFailure('gone', `${err.message} What was received is kept and the next download resumes.`);
          }
          throw new CallFailure('gone', `Downloading ${plan.model} failed: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          outer?.removeEventListener('abort', onAbort);
        }
      },
    );
  }

  async list(): Promise<readonly ManifestEntry[]> {
    return this.store.load();
  }

  dispose(): void {
    this.runnerInstance?.dispose();
  }
}
