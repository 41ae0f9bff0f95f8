import type { KeyValueStore } from '../../../src/core/routing/routingTypes';

/** globalState stand-in: a Map behind the KeyValueStore interface. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, structuredClone(value));
  }
}
