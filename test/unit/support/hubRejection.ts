import { strict as assert } from 'node:assert';
import { HubError } from '../../../src/hub/hubErrors';
import type { HubFailure } from '../../../src/shared/hubTypes';

/** The HubFailure a Hub call rejects with; fails the test when it resolves or throws anything else. */
export async function hubRejection(p: Promise<unknown>): Promise<HubFailure> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof HubError, `expected a HubError, got ${String(err)}`);
    return err.failure;
  }
  throw new Error('expected a rejection');
}
