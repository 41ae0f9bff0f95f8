import { strict as assert } from 'node:assert';
import { INITIAL_VIEW_STATE, queryOf } from '../../../src/shared/hubTypes';
import { parseViewState, restoreViewState } from '../../../src/shared/hubValidators';
import { VIEW_STATE } from './protocolSamples';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('shared: the persisted view state and its scope', () => {
  it('keeps the "Yours" scope through a save and a restore', () => {
    const restored = restoreViewState(clone({ ...VIEW_STATE, scope: 'yours' }), INITIAL_VIEW_STATE);
    assert.equal(restored.scope, 'yours');
    assert.deepEqual(restored, { ...VIEW_STATE, scope: 'yours' });
  });

  it('starts in the public lists', () => {
    assert.equal(INITIAL_VIEW_STATE.scope, 'everyone');
  });

  it('restores a state saved before the scope existed as the public lists, keeping the rest', () => {
    const { scope: _scope, ...legacy } = { ...VIEW_STATE, scope: 'yours' };
    const restored = restoreViewState(clone(legacy), INITIAL_VIEW_STATE);
    assert.equal(restored.scope, 'everyone');
    assert.equal(restored.text, VIEW_STATE.text);
    assert.deepEqual(restored.spaceFilters, VIEW_STATE.spaceFilters);
  });

  it('falls back to the initial state for an unknown scope', () => {
    assert.throws(() => parseViewState({ ...clone(VIEW_STATE), scope: 'all' }, 'state'));
    assert.deepEqual(restoreViewState({ ...clone(VIEW_STATE), scope: 'all' }, INITIAL_VIEW_STATE), INITIAL_VIEW_STATE);
  });

  it('carries the scope into the query sent to the host', () => {
    assert.equal(queryOf({ ...VIEW_STATE, scope: 'yours' }).scope, 'yours');
    assert.equal(queryOf(INITIAL_VIEW_STATE).scope, 'everyone');
  });
});
