import { strict as assert } from 'node:assert';
import { checkTarget, isTargetUnchanged } from '../../../src/editor/targetGuard';

describe('targetGuard', () => {
  const before = { text: 'Hola mundo' };

  it('allows the edit when the tracked range still holds the text that was sent', () => {
    assert.ok(isTargetUnchanged(before, { documentClosed: false, range: { start: 4, end: 14 }, text: 'Hola mundo' }));
  });

  it('refuses when the document was closed', () => {
    const verdict = checkTarget(before, { documentClosed: true, range: { start: 0, end: 10 }, text: 'Hola mundo' });
    assert.deepEqual(verdict, { ok: false, reason: 'the document was closed' });
  });

  it('refuses when an edit touched the range', () => {
    const verdict = checkTarget(before, { documentClosed: false, range: undefined, text: undefined });
    assert.equal(verdict.ok, false);
    assert.match(verdict.ok ? '' : verdict.reason, /edited/);
  });

  it('refuses when the text in the range differs from what was sent', () => {
    assert.ok(!isTargetUnchanged(before, { documentClosed: false, range: { start: 0, end: 10 }, text: 'Hola Mundo' }));
  });
});
