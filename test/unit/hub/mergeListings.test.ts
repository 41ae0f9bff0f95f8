import { strict as assert } from 'node:assert';
import { mergeKey, mergeListings } from '../../../src/hub/mergeListings';
import type { HubListItem } from '../../../src/shared/hubTypes';

const item = (id: string, likes: number): HubListItem => ({
  kind: 'model', id, author: id.split('/')[0], label: '', downloads: null, likes, updatedAt: null, gated: false, private: false, hardware: '', stage: '',
});

async function* source(items: HubListItem[], pulled: string[]): AsyncGenerator<HubListItem> {
  for (const i of items) {
    pulled.push(i.id);
    yield i;
  }
}

async function all(gen: AsyncGenerator<HubListItem>, max = Infinity): Promise<string[]> {
  const out: string[] = [];
  for await (const i of gen) {
    out.push(i.id);
    if (out.length >= max) break;
  }
  return out;
}

describe('hub/mergeListings', () => {
  it('merges listings largest first, ties to the earlier owner, keeping each owner’s order', async () => {
    const pulled: string[] = [];
    const a = source([item('a/1', 9), item('a/2', 5), item('a/3', 1)], pulled);
    const b = source([item('b/1', 7), item('b/2', 5), item('b/3', 0)], pulled);
    assert.deepEqual(await all(mergeListings([a, b], mergeKey('likes'))), ['a/1', 'b/1', 'a/2', 'b/2', 'a/3', 'b/3']);
  });

  it('pulls lazily: one item ahead per owner', async () => {
    const pulled: string[] = [];
    const a = source([item('a/1', 9), item('a/2', 8), item('a/3', 7)], pulled);
    const b = source([item('b/1', 1), item('b/2', 0)], pulled);
    assert.deepEqual(await all(mergeListings([a, b], mergeKey('likes')), 1), ['a/1']);
    assert.deepEqual(pulled, ['a/1', 'b/1']);
  });

  it('is empty without owners or items', async () => {
    assert.deepEqual(await all(mergeListings([], mergeKey('trending'))), []);
    assert.deepEqual(await all(mergeListings([source([], [])], mergeKey('updated'))), []);
  });
});
