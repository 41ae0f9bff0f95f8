/**
 * The extension's context: everything a command needs (settings, state, secrets, log, previews,
 * decorations) and the router. Commands are registered here by name (see extension.ts for the list);
 * their implementations and the router come from the actions chunk (src/actions.ts), loaded on the
 * first command or request, so activation stays cheap.
 */
import * as vscode from 'vscode';
import { TokenHostApprovals } from './auth/tokenApprovals';
import { TokenStore } from './auth/tokenStore';
import { hfTokenCheck } from './core/trust/credentialHosts';
import { Config } from './config';
import type { Router } from './core/routing/router';
import type { LocalModels } from './local/localModels';
import { Decorations } from './editor/decorations';
import type { HubViewDeps } from './hub/deps';
import { pinLines, pinsOf } from './shared/pins';
import { PREVIEW_SCHEME, PreviewDocuments } from './editor/preview';
import { loadActions, loadLocalRunner } from './lazyChunks';
import { describeError, Log } from './log';
import { PersistentState } from './persistentState';
import { QuotaStatusBar } from './statusBar';
import { plainMessage } from './ui/messages';
import { notify } from './ui/notify';

/** One run of a command: what VS Code passed it, and how to run it again. */
export interface Invocation {
  /**
   * The first argument: an args object (tests, other commands), a Uri (a menu) or nothing (the palette,
   * a keybinding). Each command validates it itself (src/commands/args.ts).
   */
  readonly args: unknown;
  /** Runs the same command again (the "Retry" button): with `args` if given, else with this run's arguments. */
  rerun(args?: Readonly<Record<string, unknown>>): Thenable<unknown>;
}

/** A command's implementation, made by its factory on the command's first run. */
export type CommandHandler = (invocation: Invocation) => unknown;
export type CommandFactory = (ctx: Ctx) => CommandHandler;
/** A command of src/commands, registered as `huggingface.<name>`. */
export type CommandName = keyof typeof import('./commands');

export class Ctx {
  private routerInstance: Router | undefined;
  private localModelsInstance: LocalModels | undefined;

  private constructor(
    readonly extensionContext: vscode.ExtensionContext,
    readonly config: Config,
    readonly state: PersistentState,
    readonly tokens: TokenStore,
    readonly log: Log,
    readonly previews: PreviewDocuments,
    readonly decorations: Decorations,
    private readonly statusBar: QuotaStatusBar,
    readonly tokenApprovals: TokenHostApprovals,
  ) {}

  static create(context: vscode.ExtensionContext): Ctx {
    const tokens = new TokenStore(context.secrets);
    const channel = vscode.window.createOutputChannel('Hugging Face', { log: true });
    const previews = new PreviewDocuments();
    const state = new PersistentState(context.globalState, context.workspaceState);
    const config = new Config();
    const ctx = new Ctx(
      context,
      config,
      state,
      tokens,
      new Log(channel, () => tokens.knownSecrets()),
      previews,
      new Decorations(),
      new QuotaStatusBar(() => pinLines(pinsOf(config.routingSettings().pinnedModels))),
      new TokenHostApprovals(state),
    );
    context.subscriptions.push(
      channel,
      tokens,
      ctx.config,
      previews,
      ctx.decorations,
      ctx.statusBar,
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
      ctx.config.onDidChange(() => ctx.onSettingsChanged()),
      // Another account's answers must not be served from memory after a sign-in or sign-out.
      tokens.onDidChange(() => ctx.routerIfCreated()?.clearCache()),
    );
    return ctx;
  }

  /**
   * Every request that carries the Hugging Face token passes this check first (Hub, router, datasets
   * server, sign-in): Hugging Face's own hosts, else an origin the user approved.
   */
  readonly checkTokenDestination = (url: URL): Promise<void> => hfTokenCheck(this.tokenApprovals)(url);

  /** The router, created on first use. */
  get router(): Router {
    this.routerInstance ??= this.createRouter();
    return this.routerInstance;
  }

  /**
   * The on-device models (store, consent, downloads), created on first use; their runtime (transformers.js on
   * WebAssembly in a worker thread, dist/localRunner.js + dist/localWorker.js) is loaded on the first local run.
   */
  get localModels(): LocalModels {
    if (!this.localModelsInstance) {
      const created = new (loadActions().LocalModels)({
        config: this.config,
        globalState: this.extensionContext.globalState,
        globalStorageDir: this.extensionContext.globalStorageUri.fsPath,
        log: (line) => this.log.info(line),
        runnerFactory: () =>
          new (loadLocalRunner().WorkerRunner)({
            onLoaded: (request, ms) => this.log.info(`On-device model ${request.modelDir} loaded in ${Math.round(ms)} ms.`),
            onLog: (line) => this.log.debug?.(`on-device runtime: ${line}`),
          }),
      });
      this.extensionContext.subscriptions.push(created);
      this.localModelsInstance = created;
    }
    return this.localModelsInstance;
  }

  /** The router if something already needed it (reports must not create one just to say "nothing yet"). */
  routerIfCreated(): Router | undefined {
    return this.routerInstance;
  }

  /** What the sidebar Hub browser needs; the router stays lazy (created on the first "Try it"). */
  hubViewDeps(): HubViewDeps {
    return {
      hubUrl: () => this.config.routingSettings().hubUrl,
      datasetsServerUrl: () => this.config.routingSettings().datasetsServerUrl,
      getToken: () => this.tokens.hfToken(),
      checkTokenDestination: this.checkTokenDestination,
      onDidChangeToken: (listener) => this.tokens.onDidChange(listener),
      router: { run: (request, options) => this.router.run(request, options) },
      pinModel: (task, modelId) => this.config.pinModel(task, modelId),
      unpinModel: (task) => this.config.unpinModel(task),
      pins: () => pinsOf(this.config.routingSettings().pinnedModels),
      onDidChangePins: (listener) => this.config.onDidChange(listener),
      openExternal: (url) => void vscode.env.openExternal(vscode.Uri.parse(url)),
      log: (line) => this.log.info(line),
    };
  }

  /** Registers `huggingface.<name>`; its implementation is loaded and created on the first run. */
  registerCommand(name: CommandName): void {
    const id = `huggingface.${name}`;
    let handler: CommandHandler | undefined;
    const command = vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      const invocation: Invocation = {
        args: args[0],
        rerun: (again) => vscode.commands.executeCommand(id, ...(again === undefined ? args : [again])),
      };
      try {
        handler ??= (loadActions().commands[name] satisfies CommandFactory)(this);
        return await handler(invocation);
      } catch (err) {
        // A bug, not a routed failure (those are handled by the commands): log it and say so briefly.
        this.log.error(`${id} failed`, err);
        notify(plainMessage(`Hugging Face: ${describeError(err)}. See the "Hugging Face" output for details.`, 'error'));
        return undefined;
      }
    });
    this.extensionContext.subscriptions.push(command);
  }

  private createRouter(): Router {
    return loadActions().createRouter({
      config: this.config,
      tokens: this.tokens,
      state: this.state,
      // The quota ledger every window shares (see core/routing/quotaLedger.ts).
      globalStorageDir: this.extensionContext.globalStorageUri.fsPath,
      log: this.log,
      checkTokenDestination: this.checkTokenDestination,
      showUsage: (usage) => this.statusBar.update(usage),
      local: this.localModels.providerDeps(),
    });
  }

  private onSettingsChanged(): void {
    const router = this.routerInstance;
    if (!router) return;
    router.updateSettings(this.config.routingSettings());
    this.statusBar.update(router.quotaUsage());
  }
}
