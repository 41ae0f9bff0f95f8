/**
 * The only place that touches `globalState`: the recent translation targets and the store the
 * monthly quota persists in (so the count survives reloads). Only a type import of `vscode`:
 * a Memento is an interface, so tests pass a Map-backed one.
 */
import type { Memento } from 'vscode';
import type { KeyValueStore } from './core/routing/routingTypes';

const RECENT_TARGETS_KEY = 'huggingface.translate.recentTargets';
const QUOTA_PREFIX = 'huggingface.state.';

export class PersistentState {
  constructor(private readonly memento: Memento) {}

  /** Target language codes used recently, most recent first. */
  recentTargets(): readonly string[] {
    const value = this.memento.get<unknown>(RECENT_TARGETS_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async rememberTarget(code: string, limit: number): Promise<void> {
    await this.memento.update(RECENT_TARGETS_KEY, pushRecent(this.recentTargets(), code, limit));
  }

  /** A KeyValueStore over globalState for the core (the quota), its keys kept apart from ours. */
  quotaStore(): KeyValueStore {
    return {
      get: <T>(key: string) => this.memento.get<T>(QUOTA_PREFIX + key),
      update: async (key: string, value: unknown) => {
        await this.memento.update(QUOTA_PREFIX + key, value);
      },
    };
  }
}

/** `item` moved (or added) to the front, without duplicates, at most `limit` long. */
export function pushRecent(list: readonly string[], item: string, limit: number): string[] {
  if (limit <= 0) return [];
  return [item, ...list.filter((x) => x !== item)].slice(0, limit);
}
