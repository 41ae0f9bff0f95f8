import { strict as assert } from 'node:assert';
import { runnerContext } from './support/host';

describe('secret storage in this host', () => {
  it('stores a secret, reads it back, and forgets it after delete', async () => {
    const { secrets } = await runnerContext();
    const key = `sarvanom.e2e.probe.${process.pid}.${Date.now()}`;
    const value = `probe-${Math.random().toString(36).slice(2)}`;
    await secrets.store(key, value);
    assert.equal(await secrets.get(key), value);
    await secrets.delete(key);
    assert.equal(await secrets.get(key), undefined);
  });

  it('announces a stored secret through onDidChange', async () => {
    const { secrets } = await runnerContext();
    const key = `sarvanom.e2e.event.${process.pid}.${Date.now()}`;
    const changed = new Promise<string>((resolve) => {
      const sub = secrets.onDidChange((e) => {
        if (e.key === key) {
          sub.dispose();
          resolve(e.key);
        }
      });
    });
    await secrets.store(key, 'x');
    assert.equal(await changed, key);
    await secrets.delete(key);
  });
});
