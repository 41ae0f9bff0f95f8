import { strict as assert } from 'node:assert';
import type { Memento } from 'vscode';
import { PersistentState, pushRecent } from '../../../src/persistentState';

class MapMemento implements Memento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

describe('persistentState', () => {
  it('moves an item to the front without duplicates and caps the list', () => {
    assert.deepEqual(pushRecent(['es', 'fr', 'de'], 'fr', 5), ['fr', 'es', 'de']);
    assert.deepEqual(pushRecent(['es', 'fr', 'de'], 'it', 3), ['it', 'es', 'fr']);
    assert.deepEqual(pushRecent(['es'], 'fr', 0), []);
  });

  it('remembers translation targets, most recent first, across instances', async () => {
    const memento = new MapMemento();
    await new PersistentState(memento).rememberTarget('es', 5);
    await new PersistentState(memento).rememberTarget('fr', 5);
    await new PersistentState(memento).rememberTarget('es', 5);
    assert.deepEqual(new PersistentState(memento).recentTargets(), ['es', 'fr']);
  });

  it('ignores a corrupted recent list', () => {
    const memento = new MapMemento();
    memento.values.set('huggingface.translate.recentTargets', ['es', 3, null]);
    assert.deepEqual(new PersistentState(memento).recentTargets(), ['es']);
    memento.values.set('huggingface.translate.recentTargets', 'es');
    assert.deepEqual(new PersistentState(memento).recentTargets(), []);
  });

  it('gives the quota a store that survives a reload, with keys kept apart from ours', async () => {
    const memento = new MapMemento();
    await new PersistentState(memento).quotaStore().update('quota', { month: '2026-11', used: 3 });
    assert.deepEqual(new PersistentState(memento).quotaStore().get('quota'), { month: '2026-11', used: 3 });
    assert.ok(memento.keys().every((k) => k.startsWith('huggingface.')));
    assert.equal(new PersistentState(memento).quotaStore().get('huggingface.translate.recentTargets'), undefined);
  });
});
