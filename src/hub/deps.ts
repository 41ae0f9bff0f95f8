/**
 * What the Hub browser needs from the rest of the extension. Plain types (no `vscode`), so the
 * handlers and the dispatcher are unit-tested in node.
 */
import type { Router, RunOptions } from '../core/routing/router';
import type { TaskKind } from '../core/tasks/taskTypes';
import type { RepoKind, ViewState } from '../shared/hubTypes';
import type { Pin } from '../shared/pins';

/** The router's options for one run; `only` tries exactly this candidate (the "Try it" playground). */
export type HubRunOptions = RunOptions;

/** The slice of the core Router the Hub browser uses (tests pass a fake with just `run`). */
export type HubRouter = Pick<Router, 'run'>;

export interface HubViewDeps {
  hubUrl(): string;
  datasetsServerUrl(): string;
  getToken(): Promise<string | undefined>;
  /** Throws unless the token may go to `url` (Hugging Face's own hosts, or an origin the user approved). */
  checkTokenDestination(url: URL): Promise<void>;
  /** Fires when the token is stored or removed, so the view's sign-in banner follows at once. */
  onDidChangeToken(listener: () => void): { dispose(): void };
  readonly router: HubRouter;
  /** Writes the task's pinned-model setting (Global target). */
  pinModel(task: TaskKind, modelId: string): Promise<void>;
  /** Clears the task's pin wherever it is set. */
  unpinModel(task: TaskKind): Promise<void>;
  /** The pinned models now. */
  pins(): readonly Pin[];
  /** Fires when the pinned models may have changed (any `huggingface.*` setting change). */
  onDidChangePins(listener: () => void): { dispose(): void };
  openExternal(url: string): void;
  log(line: string): void;
}

export type SnippetLanguage = 'javascript' | 'python';

/** Editor- and window-side effects, implemented with `vscode` by src/hubView/hostActions.ts. */
export interface HostActions {
  copyText(text: string): Promise<void>;
  /** Inserts the snippet for the active editor's language (asks when it is neither JS/TS nor Python). */
  insertSnippet(snippets: Readonly<Record<SnippetLanguage, string>>): Promise<{ inserted: boolean; language: string }>;
  /** Runs `huggingface.openRepoInExplorer` for the repo (an hf:// workspace folder). */
  openRepoInExplorer(kind: RepoKind, id: string): Promise<void>;
  /** Runs the extension's sign-in command; resolves to whether a token is now set. */
  signIn(): Promise<boolean>;
  /** Runs Show Space Logs… or Restart Space… (its own confirmation) for the Space; does not wait for it. */
  runSpaceCommand(command: 'logs' | 'restart', id: string): void;
  /** The host's mirror of the webview's persisted state. */
  loadState(): ViewState | null;
  saveState(state: ViewState): Promise<void>;
}
