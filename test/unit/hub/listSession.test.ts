import { strict as assert } from 'node:assert';
import { ListSession } from '../../../src/hub/listSession';
import type { HubListItem } from '../../../src/shared/hubTypes';

function item(i: number, over: Partial<HubListItem> = {}): HubListItem {
  return { kind: 'space', id: `org/s${i}`, author: 'org', label: 'gradio', downloads: null, likes: i, updatedAt: null, gated: false, private: false, hardware: 'cpu-basic', stage: 'RUNNING', ...over };
}

/** A generator of `total` items that counts how many were pulled, and can fail at one index. */
function source(total: number, failAt?: number) {
  const stats = { pulled: 0 };
  async function* gen(): AsyncGenerator<HubListItem> {
    for (let i = 0; i < total; i++) {
      if (i === failAt) throw new Error('page failed');
      stats.pulled++;
      yield item(i, i % 3 === 0 ? { hardware: 't4-small' } : {});
    }
  }
  return { it: gen(), stats };
}

describe('hub/listSession', () => {
  it('pulls only as many items as the first page needs', async () => {
    const { it, stats } = source(1000);
    const session = new ListSession(it, { createdAt: 0 });
    const page = await session.page(0, 50);
    assert.equal(page.items.length, 50);
    assert.equal(page.items[0].id, 'org/s0');
    assert.equal(stats.pulled, 50);
    assert.deepEqual([page.offset, page.loaded, page.done], [0, 50, false]);
  });

  it('continues the suspended iterator on "load more"', async () => {
    const { it, stats } = source(1000);
    const session = new ListSession(it, { createdAt: 0 });
    await session.page(0, 50);
    const next = await session.page(50, 50);
    assert.equal(next.items[0].id, 'org/s50');
    assert.equal(next.items.length, 50);
    assert.equal(stats.pulled, 100);
  });

  it('answers a page it already holds without pulling', async () => {
    const { it, stats } = source(1000);
    const session = new ListSession(it, { createdAt: 0 });
    await session.page(0, 100);
    const again = await session.page(20, 10);
    assert.equal(again.items[0].id, 'org/s20');
    assert.equal(stats.pulled, 100);
  });

  it('serialises concurrent identical requests so nothing is pulled twice', async () => {
    const { it, stats } = source(1000);
    const session = new ListSession(it, { createdAt: 0 });
    const [a, b] = await Promise.all([session.page(0, 50), session.page(0, 50)]);
    assert.deepEqual(a.items, b.items);
    assert.equal(stats.pulled, 50);
  });

  it('reports done when the iterator ends', async () => {
    const { it } = source(30);
    const session = new ListSession(it, { createdAt: 0 });
    const page = await session.page(0, 50);
    assert.equal(page.items.length, 30);
    assert.equal(page.done, true);
  });

  it('applies a client-side filter while pulling and counts what it scanned', async () => {
    const { it } = source(1000);
    const session = new ListSession(it, { createdAt: 0, filter: (i) => i.hardware === 't4-small' });
    const page = await session.page(0, 10);
    assert.equal(page.items.length, 10);
    assert.ok(page.items.every((i) => i.hardware === 't4-small'));
    assert.equal(page.scanned, 28);
  });

  it('stops a filtered pull after scanning maxScanPerPull items', async () => {
    const { it, stats } = source(10_000);
    const session = new ListSession(it, { createdAt: 0, filter: () => false, maxScanPerPull: 500 });
    const page = await session.page(0, 50);
    assert.deepEqual([page.items.length, page.done, page.scanned], [0, false, 500]);
    assert.equal(stats.pulled, 500);
  });

  it('becomes failed when the iterator throws, and keeps reporting the error', async () => {
    const { it } = source(100, 60);
    const session = new ListSession(it, { createdAt: 0 });
    await session.page(0, 50);
    await assert.rejects(session.page(50, 50), /page failed/);
    assert.equal(session.failed, true);
    await assert.rejects(session.page(50, 50), /page failed/);
  });
});
