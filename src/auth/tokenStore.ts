/**
 * The Hugging Face token and the endpoint API keys. They live only in SecretStorage (never in settings,
 * logs or messages). When no token is stored, the HF_TOKEN environment variable is used.
 */
import * as vscode from 'vscode';
import { credentialDestination, CredentialNotSentError } from '../core/trust/credentialHosts';
import { isHfToken } from '../core/trust/hfToken';

const TOKEN_KEY = 'huggingface.token';
const ENDPOINT_KEY_PREFIX = 'huggingface.endpointKey.';

function endpointKeyName(endpointId: string): string {
  return ENDPOINT_KEY_PREFIX + endpointId;
}

/** An endpoint key and the origin it was entered for. */
interface BoundKey {
  readonly key: string;
  readonly origin: string;
}

/** A stored key: JSON `{key, origin}`; a bare string (saved before keys were bound) is bound to no origin. */
function parseBoundKey(stored: string | undefined): BoundKey | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<BoundKey>;
    if (typeof value.key === 'string' && typeof value.origin === 'string') return { key: value.key, origin: value.origin };
  } catch {
    // not JSON: a key saved before keys were bound to an origin
  }
  return { key: stored, origin: '' };
}

export class TokenStore implements vscode.Disposable {
  /** undefined: not read yet; null: read, nothing stored. */
  private cachedToken: string | null | undefined;
  private readonly endpointKeys = new Map<string, BoundKey>();
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

  /**
   * The API key of an endpoint, for a request to `baseUrl`. A key is bound to the origin it was entered
   * for: when the endpoint's URL now points elsewhere (or over plain http to another machine) the key is
   * not handed out and a CredentialNotSentError says why. undefined: no key stored (the endpoint needs none).
   */
  async endpointKey(endpointId: string, baseUrl: string): Promise<string | undefined> {
    const bound = this.endpointKeys.get(endpointId) ?? parseBoundKey(await this.secrets.get(endpointKeyName(endpointId)));
    if (!bound) return undefined;
    this.endpointKeys.set(endpointId, bound);
    const url = new URL(baseUrl);
    if (credentialDestination(url) === 'insecure') {
      throw new CredentialNotSentError(url.origin, 'insecure', `The API key of endpoint "${endpointId}" is never sent over plain http to another machine (${url.host}). Use an https:// address.`);
    }
    if (bound.origin !== url.origin) {
      throw new CredentialNotSentError(
        url.origin,
        'other-origin',
        `The API key of endpoint "${endpointId}" was saved for ${bound.origin || 'an earlier version'}, but the endpoint now points at ${url.origin}. ` +
          'Set its key again with "Hugging Face: Set API Key for an OpenAI-Compatible Endpoint".',
      );
    }
    return bound.key;
  }

  /** Saves (or, with '', removes) an endpoint's key, bound to the origin of `baseUrl`. */
  async setEndpointKey(endpointId: string, key: string, baseUrl: string): Promise<void> {
    if (key === '') {
      await this.secrets.delete(endpointKeyName(endpointId));
      this.endpointKeys.delete(endpointId);
      return;
    }
    const bound: BoundKey = { key, origin: new URL(baseUrl).origin };
    await this.secrets.store(endpointKeyName(endpointId), JSON.stringify(bound));
    this.endpointKeys.set(endpointId, bound);
  }

  /** Every secret value this store has seen, for the log's redaction. */
  knownSecrets(): string[] {
    const values = [this.env.HF_TOKEN, typeof this.cachedToken === 'string' ? this.cachedToken : undefined, ...[...this.endpointKeys.values()].map((b) => b.key)];
    return values.filter((v): v is string => typeof v === 'string' && v !== '');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
