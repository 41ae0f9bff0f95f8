/**
 * The Hugging Face token and the endpoint API keys. They live only in SecretStorage (never in settings,
 * logs or messages). When no token is stored, the HF_TOKEN environment variable is used.
 */
import * as vscode from 'vscode';
import { isHfToken } from '../core/trust/hfToken';

const TOKEN_KEY = 'huggingface.token';
const ENDPOINT_KEY_PREFIX = 'huggingface.endpointKey.';

function endpointKeyName(endpointId: string): string {
  return ENDPOINT_KEY_PREFIX + endpointId;
}

export class TokenStore implements vscode.Disposable {
  /** undefined: not read yet; null: read, nothing stored. */
  private cachedToken: string | null | undefined;
  private readonly endpointKeys = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires when the token changes (sign in, sign out, or another window changed it). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === TOKEN_KEY) {
        this.cachedToken = undefined;
        this.changed.fire();
      } else if (e.key.startsWith(ENDPOINT_KEY_PREFIX)) {
        this.endpointKeys.delete(e.key.slice(ENDPOINT_KEY_PREFIX.length));
      }
    });
  }

  /** The stored token, else HF_TOKEN, else undefined. */
  async get(): Promise<string | undefined> {
    if (this.cachedToken === undefined) this.cachedToken = (await this.secrets.get(TOKEN_KEY)) || null;
    return this.cachedToken ?? (this.env.HF_TOKEN?.trim() || undefined);
  }

  /** The token for Hugging Face requests: the one in use, when it is a Hugging Face token (isHfToken). */
  async hfToken(): Promise<string | undefined> {
    const token = await this.get();
    return isHfToken(token) ? token : undefined;
  }

  /**
   * Signed in: a Hugging Face token is available (stored or HF_TOKEN). A stored key of another kind is
   * not sent to Hugging Face, so it does not count (the preflight, failure messages, Sign Out; the Hub view
   * applies isHfToken to the same token).
   */
  async hasToken(): Promise<boolean> {
    return (await this.hfToken()) !== undefined;
  }

  async set(token: string): Promise<void> {
    await this.secrets.store(TOKEN_KEY, token);
    this.cachedToken = token;
    this.changed.fire();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(TOKEN_KEY);
    this.cachedToken = null;
    this.changed.fire();
  }

  async endpointKey(endpointId: string): Promise<string | undefined> {
    const cached = this.endpointKeys.get(endpointId);
    if (cached !== undefined) return cached;
    const key = await this.secrets.get(endpointKeyName(endpointId));
    if (key) this.endpointKeys.set(endpointId, key);
    return key || undefined;
  }

  async setEndpointKey(endpointId: string, key: string): Promise<void> {
    if (key === '') {
      await this.secrets.delete(endpointKeyName(endpointId));
      this.endpointKeys.delete(endpointId);
      return;
    }
    await this.secrets.store(endpointKeyName(endpointId), key);
    this.endpointKeys.set(endpointId, key);
  }

  /** Every secret value this store has seen, for the log's redaction. */
  knownSecrets(): string[] {
    const values = [this.env.HF_TOKEN, typeof this.cachedToken === 'string' ? this.cachedToken : undefined, ...this.endpointKeys.values()];
    return values.filter((v): v is string => typeof v === 'string' && v !== '');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
