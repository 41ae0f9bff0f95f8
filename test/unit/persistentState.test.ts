import { strict as assert } from 'node:assert';
import type { Memento } from 'vscode';
import { PersistentState, pushRecent } from '../../src/persistentState';
import { INITIAL_VIEW_STATE, type ViewState } from '../../src/shared/hubTypes';
import { parseViewState } from '../../src/shared/hubValidators';

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

  describe('the Hub view state', () => {
    const viewState: ViewState = {
      ...INITIAL_VIEW_STATE,
      tab: 'datasets',
      text: 'squad',
      selected: { kind: 'dataset', id: 'rajpurkar/squad' },
      scrollTop: 120,
      loadedCount: 40,
    };
    const parse = (value: unknown) => parseViewState(value, 'state');

    it('is kept in workspaceState, not globalState, and read back through the validator', async () => {
      const global = new MapMemento();
      const workspace = new MapMemento();
      await new PersistentState(global, workspace).saveHubViewState(viewState);
      assert.deepEqual(new PersistentState(global, workspace).hubViewState(parse), viewState);
      assert.deepEqual(global.keys(), []);
      assert.deepEqual(new PersistentState(global, new MapMemento()).hubViewState(parse), null);
    });

    it('is null when nothing is saved or the saved value does not validate', () => {
      const workspace = new MapMemento();
      const state = new PersistentState(new MapMemento(), workspace);
      assert.equal(state.hubViewState(parse), null);
      workspace.values.set('huggingface.hub.viewState', { tab: 'papers' });
      assert.equal(state.hubViewState(parse), null);
    });

    it('needs workspaceState: an instance for globalState alone refuses to guess', async () => {
      const state = new PersistentState(new MapMemento());
      assert.throws(() => state.hubViewState(parse), /workspaceState/);
      await assert.rejects(state.saveHubViewState(viewState), /workspaceState/);
    });
  });
});
