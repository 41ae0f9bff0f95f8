/**
 * The sidebar Hub browser's WebviewViewProvider: sets the webview options (scripts on, resources only
 * from dist/ and media/), builds the CSP'd HTML with a fresh nonce per load, and connects the webview's
 * messages to a HubDispatcher (hubBackend.ts, loaded on the first view). Title-bar commands reach the
 * webview as `command` events.
 */
import * as vscode from 'vscode';
import type { RepoKind, ViewCommand } from '../shared/hubTypes';
import type { HostEvent, HostMessage } from '../shared/protocol';
import { buildHubHtml, makeNonce } from './html';

export const HUB_VIEW_ID = 'huggingface.hub';

/** What answers one webview's messages (a HubDispatcher, created by hubBackend.ts). */
interface HubConnection {
  handle(message: unknown): Promise<void>;
  dispose(): void;
}

export class HubViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private dispatcher: HubConnection | undefined;
  /** Commands (and repos to show) sent before the webview finished loading, delivered after its first `init`. */
  private pending: HostEvent[] = [];
  private ready = false;
  private lastSignedIn: boolean | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly connect: (post: (message: HostMessage) => void) => HubConnection,
    private readonly isSignedIn: () => Promise<boolean>,
    private readonly onAuthChanged: () => void,
    /** Where a failure that has no caller goes (SecretStorage unavailable, a bug in a handler): the log. */
    private readonly reportError: (what: string, err: unknown) => void,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const webview = view.webview;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    webview.html = buildHubHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'hub.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'codicons', 'codicon.css')).toString(),
    });
    const dispatcher = this.connect((message) => this.post(message));
    this.dispatcher = dispatcher;
    const subscriptions = [
      webview.onDidReceiveMessage((message: unknown) =>
        this.receive(dispatcher, message).catch((err: unknown) => this.reportError('a Hub view message', err)),
      ),
      view.onDidChangeVisibility(() => {
        if (view.visible) void this.checkAuth();
      }),
    ];
    view.onDidDispose(() => {
      subscriptions.forEach((s) => s.dispose());
      dispatcher.dispose();
      if (this.view === view) {
        this.view = undefined;
        this.dispatcher = undefined;
      }
    });
  }

  /** Forwards a title-bar command to the webview (queued until the webview has loaded). */
  sendCommand(command: ViewCommand): void {
    this.sendWhenLoaded({ type: 'command', command });
  }

  /** Opens a repo's details in the view (queued until the webview has loaded, like the title-bar commands). */
  showRepo(kind: RepoKind, id: string, tryIt: boolean): void {
    this.sendWhenLoaded({ type: 'showRepo', kind, id, tryIt });
  }

  private sendWhenLoaded(event: HostEvent): void {
    if (this.view && this.ready) this.post(event);
    else this.pending.push(event);
  }

  /** Sends an event to the webview when it is showing and loaded (it asks for the current state when it loads). */
  sendEvent(event: HostEvent): void {
    if (this.view && this.ready) this.post(event);
  }

  /**
   * Tells the webview when sign-in changed since it last looked (on a token change event, when the view
   * shows again, on Refresh). Never rejects: a SecretStorage failure is reported and the state kept.
   */
  async checkAuth(): Promise<void> {
    try {
      const signedIn = await this.isSignedIn();
      if (this.lastSignedIn !== undefined && signedIn !== this.lastSignedIn) {
        this.onAuthChanged();
        if (this.ready) this.post({ type: 'auth', signedIn });
      }
      this.lastSignedIn = signedIn;
    } catch (err) {
      this.reportError('checking sign-in for the Hub view', err);
    }
  }

  dispose(): void {
    this.dispatcher?.dispose();
  }

  private async receive(dispatcher: HubConnection, message: unknown): Promise<void> {
    await dispatcher.handle(message);
    const isInit = typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'init';
    if (isInit) {
      this.ready = true;
      for (const event of this.pending.splice(0)) this.post(event);
      this.lastSignedIn = undefined;
      await this.checkAuth();
    }
  }

  private post(message: HostMessage): void {
    void this.view?.webview.postMessage(message);
  }
}
