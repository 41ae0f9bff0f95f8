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
import { LOCAL_TASK } from '../core/local/localCatalog';
import type { TaskKind } from '../core/tasks/taskTypes';
import { ModelStore, type ManifestEntry } from '../core/local/modelStore';
import { formatBytes } from '../core/units/bytes';
import { consentQuestion, provisionModel, readConsent, writeConsent } from '../core/local/provision';
import type { LocalProviderDeps } from '../core/routing/router';
import { CallFailure, type KeyValueStore } from '../core/routing/routingTypes';

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
  private readonly consentStore: KeyValueStore;

  constructor(private readonly host: LocalModelsHost) {
    this.consentStore = {
      get: <T>(key: string) => host.globalState.get<T>(key),
      update: async (key: string, value: unknown) => {
        await host.globalState.update(key, value);
      },
    };
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
    return readConsent(this.consentStore);
  }

  async setConsent(value: LocalConsent): Promise<void> {
    await writeConsent(this.consentStore, value);
  }

  /**
   * Whether an on-device model may answer `task` (turned on, the runtime there, the policy putting it first, downloads
   * not declined): then an action needs no token and no quota before it is routed. The router still decides per
   * request (a translation needs a served pair, the input must fit).
   */
  mayServe(task: TaskKind): boolean {
    const settings = this.host.config.routingSettings();
    return settings.localEnabled && this.host.runnerFactory !== undefined && settings.policy === 'preferFreeLocal' && this.consent() !== 'never' && LOCAL_TASK[task] !== undefined;
  }

  /** What the router needs: the plan (served or skipped with the reason) and the local transport. */
  providerDeps(): LocalProviderDeps {
    return {
      plan: (request, pinnedModel) => {
        const settings = this.host.config.routingSettings();
        return planLocal(request, {
          enabled: settings.localEnabled,
          policy: settings.policy,
          consent: this.consent(),
          isDownloaded: (model) => this.store.isDownloaded(model),
          unavailable: this.host.runnerFactory ? undefined : RUNTIME_UNAVAILABLE,
        }, pinnedModel).candidate;
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
  ensureModel(model: string, signal: AbortSignal | undefined): Promise<string> {
    return provisionModel(
      {
        store: this.store,
        state: this.consentStore,
        log: this.host.log,
        ask: async (plan) => vscode.window.showInformationMessage(consentQuestion(plan), { modal: true }, 'Download', 'Not now', 'Never'),
        withProgress: async (plan, work) =>
          vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: `Downloading ${plan.model} (${formatBytes(plan.totalBytes)})`, cancellable: true },
            async (progress, token) => {
              const controller = new AbortController();
              const cancel = token.onCancellationRequested(() => controller.abort());
              let shown = 0;
              try {
                return await work(controller.signal, (p) => {
                  const percent = p.totalBytes === 0 ? 100 : Math.floor((p.receivedBytes / p.totalBytes) * 100);
                  if (percent > shown) {
                    progress.report({ increment: percent - shown, message: `${formatBytes(p.receivedBytes)} of ${formatBytes(p.totalBytes)}` });
                    shown = percent;
                  }
                });
              } finally {
                cancel.dispose();
              }
            },
          ),
      },
      model,
      signal,
    );
  }

  async list(): Promise<readonly ManifestEntry[]> {
    return this.store.load();
  }

  dispose(): void {
    this.runnerInstance?.dispose();
  }
}
