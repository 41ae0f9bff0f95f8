/**
 * The "Yours" scope lists one Hub listing per owner (the user and each of their organisations): the Hub's owner filter
 * takes one name. This merges those listings, each already in the Hub's order, into one list in the same order,
 * lazily: it holds one item ahead per owner and pulls the next page of an owner only when its items run out.
 */
import type { HubListItem, HubSort } from '../shared/hubTypes';

/**
 * The number the Hub sorts by, read back from a row. The trending score is not in list answers the hub client
 * returns, so under "trending" owners are interleaved by likes (each owner's own trending order is kept).
 */
export function mergeKey(sort: HubSort): (item: HubListItem) => number {
  switch (sort) {
    case 'downloads':
      return (item) => item.downloads ?? 0;
    case 'updated':
      return (item) => item.updatedAt ?? 0;
    case 'likes':
    case 'trending':
      return (item) => item.likes;
  }
}

/** Yields the items of every source, largest key first; ties go to the earlier source. Each source's order is kept. */
export async function* mergeListings(
  sources: readonly AsyncIterator<HubListItem>[],
  key: (item: HubListItem) => number,
): AsyncGenerator<HubListItem> {
  const heads: (HubListItem | undefined)[] = [];
  try {
    for (const source of sources) heads.push(await pull(source));
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        if (head !== undefined && (best < 0 || key(head) > key(heads[best] as HubListItem))) best = i;
      }
      if (best < 0) return;
      const item = heads[best] as HubListItem;
      yield item;
      heads[best] = await pull(sources[best]);
    }
  } finally {
    // Stopped early (a new search): let the suspended listings finish too.
    for (const source of sources) void source.return?.(undefined)?.catch(() => undefined);
  }
}

async function pull(source: AsyncIterator<HubListItem>): Promise<HubListItem | undefined> {
  const next = await source.next();
  return next.done ? undefined : next.value;
}
