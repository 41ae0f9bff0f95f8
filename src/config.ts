/**
 * The only place that reads settings (`huggingface.*`). Values are cached and re-read when the
 * configuration changes; listeners (the router, the status bar) hear about it through onDidChange.
 */
import * as vscode from 'vscode';
import { pinnedModelKey, SETTINGS_SECTION, type RoutingSettings, type SettingKey } from './core/routing/settings';
import type { TaskKind } from './core/tasks/taskTypes';
import { readActionSettings, readCompletionConfig, readHoverSettings, readRoutingSettings, type ActionSettings, type CompletionConfig, type HoverSettings } from './configModel';

export class Config implements vscode.Disposable {
  private routing: RoutingSettings | undefined;
  private actions: ActionSettings | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires after any `huggingface.*` setting changed; the getters already return the new values. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      this.routing = undefined;
      this.actions = undefined;
      this.changed.fire();
    });
  }

  routingSettings(): RoutingSettings {
    this.routing ??= readRoutingSettings(this.raw(), process.env);
    return this.routing;
  }

  /** The actions' settings; with `languageId`, as set for that language (language-overridable ones such as includeStrings). */
  actionSettings(languageId?: string): ActionSettings {
    if (languageId !== undefined) {
      const section = vscode.workspace.getConfiguration(SETTINGS_SECTION, { languageId });
      return readActionSettings((key) => section.get<unknown>(key));
    }
    this.actions ??= readActionSettings(this.raw());
    return this.actions;
  }

  /** Comment translation on hover in documents of `languageId` (its settings can be set per language). */
  hoverSettings(languageId: string): HoverSettings {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION, { languageId });
    return readHoverSettings((key) => section.get<unknown>(key), vscode.env.language);
  }

  /** Ghost-text completion's source and settings. */
  completionConfig(): CompletionConfig {
    return readCompletionConfig(this.raw());
  }

  /** Whether ghost-text completion is on in documents of `languageId` (language-overridable). */
  completionEnabled(languageId: string): boolean {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION, { languageId }).get<boolean>('completion.enabled') === true;
  }

  /** Turns ghost-text completion on or off everywhere (user settings); returns the new state. */
  async toggleCompletion(): Promise<boolean> {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const on = section.get<boolean>('completion.enabled') !== true;
    await section.update('completion.enabled', on, vscode.ConfigurationTarget.Global);
    return on;
  }

  /** Turns comment translation on hover on or off everywhere (user settings); returns the new state. */
  async toggleHover(): Promise<boolean> {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const on = section.get<boolean>('hover.enabled') === false;
    await section.update('hover.enabled', on, vscode.ConfigurationTarget.Global);
    return on;
  }

  get hubUrl(): string {
    return this.routingSettings().hubUrl;
  }

  /** Pins `modelId` for `task` in the user settings (the Hub view's "Use for task"); '' unpins. */
  async pinModel(task: TaskKind, modelId: string): Promise<void> {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(pinnedModelKey(task), modelId.trim(), vscode.ConfigurationTarget.Global);
  }

  /**
   * Clears the task's pin at every level it is set (user, workspace, folder): a pin left in the workspace's
   * settings would otherwise still win after "Unpin".
   */
  async unpinModel(task: TaskKind): Promise<void> {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const key = pinnedModelKey(task);
    const where = section.inspect(key);
    const targets: vscode.ConfigurationTarget[] = [];
    if (where?.globalValue !== undefined) targets.push(vscode.ConfigurationTarget.Global);
    if (where?.workspaceValue !== undefined) targets.push(vscode.ConfigurationTarget.Workspace);
    if (where?.workspaceFolderValue !== undefined) targets.push(vscode.ConfigurationTarget.WorkspaceFolder);
    for (const target of targets) await section.update(key, undefined, target);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private raw(): (key: SettingKey) => unknown {
    const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    return (key) => section.get<unknown>(key);
  }
}
