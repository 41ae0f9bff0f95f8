import { strict as assert } from 'node:assert';
import { cancelled, done, routedAs, stop } from '../../../src/commands/actionResult';
import type { Decision } from '../../../src/core/routing/decision';

const decision: Decision = { id: 7, task: 'ner', startedAt: 0, totalMs: 12, fromCache: false, outcomes: [] };

describe('commands/actionResult', () => {
  it('hands on a result of the task that was asked for, with its decision', () => {
    const step = routedAs('ner', { result: { task: 'ner', entities: [] }, decision });
    assert.deepEqual(step, { ok: true, value: { result: { task: 'ner', entities: [] }, decision } });
    if (step.ok) assert.deepEqual(step.value.result.entities, []);
  });

  it('ends the action as failed when the router answered another task, keeping the decision', () => {
    const step = routedAs('ner', { result: { task: 'summarize', text: 'x' }, decision });
    assert.deepEqual(step, { ok: false, result: { status: 'failed', message: 'Unexpected result type.', decision } });
  });

  it('steps either go on with a value or stop with the action result', () => {
    assert.deepEqual(done(3), { ok: true, value: 3 });
    assert.deepEqual(stop(cancelled()), { ok: false, result: { status: 'cancelled', message: 'Cancelled.' } });
  });
});
