/**
 * The extension's context: everything a command needs (settings, state, secrets, log, previews,
 * decorations) and the router. Commands are registered here by name (see extension.ts for the list);
 * their implementations and the router come from the actions chunk (src/actions.ts), loaded on the
 * first command or request, so activation stays cheap.
 */
import * as vscode from 'vscode';
import { TokenStore } from './auth/tokenStore';
import { Config } from './config';
import type { Router } from './core/routing/router';
import type { TaskKind } from './core/tasks/taskTypes';
import { preflight } from './commands/preflight';
import { Decorations } from './editor/decorations';
import type { HubViewDeps } from './hub/deps';
import { PREVIEW_SCHEME, PreviewDocuments } from './editor/preview';
import { loadActions } from './lazyChunks';
import { describeError, Log } from './log';
import { PersistentState } from './persistentState';
import { QuotaStatusBar } from './statusBar';
import { plainMessage, type MessageContext, type UserMessage } from './ui/messages';
import { notify } from './ui/notify';

/**
 * A command's implementation. It gets whatever VS Code passes (an args object, a Uri from a menu,
 * nothing) and validates it itself; `never[]` lets each declare the argument type it expects.
 */
export type CommandHandler = (...args: never[]) => unknown;
export type CommandFactory = (ctx: Ctx) => CommandHandler;
/** A command of src/commands, registered as `huggingface.<name>`. */
export type CommandName = keyof typeof import('./commands');

export class Ctx {
  private routerInstance: Router | undefined;

  private constructor(
    readonly extensionContext: vscode.ExtensionContext,
    readonly config: Config,
    readonly state: PersistentState,
    readonly tokens: TokenStore,
    readonly log: Log,
    readonly previews: PreviewDocuments,
    readonly decorations: Decorations,
    private readonly statusBar: QuotaStatusBar,
  ) {}

  static create(context: vscode.ExtensionContext): Ctx {
    const tokens = new TokenStore(context.secrets);
    const channel = vscode.window.createOutputChannel('Hugging Face', { log: true });
    const previews = new PreviewDocuments();
    const ctx = new Ctx(
      context,
      new Config(),
      new PersistentState(context.globalState),
      tokens,
      new Log(channel, () => tokens.knownSecrets()),
      previews,
      new Decorations(),
      new QuotaStatusBar(),
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
    );
    return ctx;
  }

  /** The router, created on first use. */
  get router(): Router {
    this.routerInstance ??= this.createRouter();
    return this.routerInstance;
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
      getToken: () => this.tokens.get(),
      onDidChangeToken: (listener) => this.tokens.onDidChange(listener),
      router: { run: (request, options) => this.router.run(request, options) },
      pinModel: (task, modelId) => this.config.pinModel(task, modelId),
      openExternal: (url) => void vscode.env.openExternal(vscode.Uri.parse(url)),
      log: (line) => this.log.info(line),
    };
  }

  /** Registers `huggingface.<name>`; its implementation is loaded and created on the first run. */
  registerCommand(name: CommandName): void {
    const id = `huggingface.${name}`;
    let handler: CommandHandler | undefined;
    const command = vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        handler ??= (loadActions().commands[name] as CommandFactory)(this);
        return await (handler as (...a: unknown[]) => unknown)(...args);
      } catch (err) {
        // A bug, not a routed failure (those are handled by the commands): log it and say so briefly.
        this.log.error(`${id} failed`, err);
        notify(plainMessage(`Hugging Face: ${describeError(err)}. See the "Hugging Face" output for details.`, 'error'));
        return undefined;
      }
    });
    this.extensionContext.subscriptions.push(command);
  }

  /** Why a request for `task` must not be sent now (no token, quota used up), or undefined. */
  async preflight(task: TaskKind): Promise<UserMessage | undefined> {
    return preflight({
      task,
      settings: this.config.routingSettings(),
      hasToken: await this.tokens.hasToken(),
      usage: this.router.quotaUsage(),
    });
  }

  async messageContext(): Promise<MessageContext> {
    const settings = this.config.routingSettings();
    return { hasToken: await this.tokens.hasToken(), hubUrl: settings.hubUrl, routerUrl: settings.routerUrl };
  }

  private createRouter(): Router {
    return loadActions().createRouter({
      config: this.config,
      tokens: this.tokens,
      state: this.state,
      log: this.log,
      showUsage: (usage) => this.statusBar.update(usage),
    });
  }

  private onSettingsChanged(): void {
    const router = this.routerInstance;
    if (!router) return;
    router.updateSettings(this.config.routingSettings());
    this.statusBar.update(router.quotaUsage());
  }
}
