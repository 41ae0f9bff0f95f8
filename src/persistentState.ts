/**
 * The only place that touches `globalState` and `workspaceState`: the recent translation targets, the
 * store the monthly quota persists in (so the count survives reloads), the origins the user approved
 * sending the Hugging Face token to, and the Hub view's last state.
 * Only type imports: a Memento is an interface, so tests pass Map-backed ones.
 */
import type { Memento } from 'vscode';
import type { KeyValueStore } from './core/routing/routingTypes';
import type { ViewState } from './shared/hubTypes';

const RECENT_TARGETS_KEY = 'huggingface.translate.recentTargets';
const QUOTA_PREFIX = 'huggingface.state.';
const HUB_VIEW_STATE_KEY = 'huggingface.hub.viewState';
const TOKEN_ORIGINS_KEY = 'huggingface.token.approvedOrigins';

export class PersistentState {
  /**
   * `global`: globalState. `workspace`: workspaceState, where the Hub view's state lives (each workspace
   * reopens the view where it was left); an instance made without it has no Hub view state.
   */
  constructor(
    private readonly global: Memento,
    private readonly workspace?: Memento,
  ) {}

  /** Target language codes used recently, most recent first. */
  recentTargets(): readonly string[] {
    const value = this.global.get<unknown>(RECENT_TARGETS_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async rememberTarget(code: string, limit: number): Promise<void> {
    await this.global.update(RECENT_TARGETS_KEY, pushRecent(this.recentTargets(), code, limit));
  }

  /** A KeyValueStore over globalState for the core (the quota), its keys kept apart from ours. */
  quotaStore(): KeyValueStore {
    return {
      get: <T>(key: string) => this.global.get<T>(QUOTA_PREFIX + key),
      update: async (key: string, value: unknown) => {
        await this.global.update(QUOTA_PREFIX + key, value);
      },
    };
  }

  /** Origins (scheme://host:port) the user allowed the Hugging Face token to go to, besides Hugging Face's own. */
  approvedTokenOrigins(): readonly string[] {
    const value = this.global.get<unknown>(TOKEN_ORIGINS_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async setApprovedTokenOrigins(origins: readonly string[]): Promise<void> {
    await this.global.update(TOKEN_ORIGINS_KEY, [...new Set(origins)].sort());
  }

  /**
   * The Hub view's last saved state in this workspace, or null when there is none or `parse` rejects it
   * (a value from an older version). `parse` is the view's validator, passed in so that it stays in the
   * Hub view's lazy chunk instead of the activation shell.
   */
  hubViewState(parse: (value: unknown) => ViewState): ViewState | null {
    const value = this.workspaceStore().get<unknown>(HUB_VIEW_STATE_KEY);
    if (value === undefined) return null;
    try {
      return parse(value);
    } catch {
      return null;
    }
  }

  async saveHubViewState(state: ViewState): Promise<void> {
    await this.workspaceStore().update(HUB_VIEW_STATE_KEY, state);
  }

  private workspaceStore(): Memento {
    // A bug, not a user error: whoever opens the Hub view must pass workspaceState.
    if (!this.workspace) throw new Error('PersistentState was created without workspaceState');
    return this.workspace;
  }
}

/** `item` moved (or added) to the front, without duplicates, at most `limit` long. */
export function pushRecent(list: readonly string[], item: string, limit: number): string[] {
  if (limit <= 0) return [];
  return [item, ...list.filter((x) => x !== item)].slice(0, limit);
}
