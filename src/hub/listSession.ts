/**
 * One search's results, pulled lazily from the hub client's list generator. The generator follows the
 * Hub's `Link: rel="next"` pages itself; the session keeps it suspended between "load more" calls and
 * pulls exactly as many items as the view asks for. Pulls are serialised, so two identical requests
 * arriving together never fetch a page twice: the second finds the items already there.
 */
import type { HubListItem, ListPage } from '../shared/hubTypes';

export interface ListSessionOptions {
  /** Client-side filter (Space hardware/running); items failing it are skipped while pulling. */
  readonly filter?: (item: HubListItem) => boolean;
  /**
   * With a client-side filter, one pull stops after scanning this many raw items even if it found fewer
   * matches than asked (a rare hardware flavour would otherwise page through every Space on the Hub).
   */
  readonly maxScanPerPull?: number;
  readonly createdAt: number;
}

export class ListSession {
  private readonly items: HubListItem[] = [];
  private scanned = 0;
  private done = false;
  /** The generator threw: it is finished for good, so this session can only report the error. */
  private failure: { readonly error: unknown } | undefined;
  private queue: Promise<void> = Promise.resolve();
  readonly createdAt: number;

  constructor(
    private readonly source: AsyncIterator<HubListItem>,
    private readonly options: ListSessionOptions,
  ) {
    this.createdAt = options.createdAt;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Items [offset, offset + count), pulling from the generator as needed. */
  async page(offset: number, count: number): Promise<ListPage> {
    const want = offset + count;
    const run = this.queue.then(() => this.fill(want));
    this.queue = run.catch(() => undefined);
    await run;
    return {
      items: this.items.slice(offset, want),
      offset,
      loaded: this.items.length,
      done: this.done,
      scanned: this.scanned,
    };
  }

  private async fill(want: number): Promise<void> {
    if (this.failure) throw this.failure.error;
    const maxScan = this.options.filter ? (this.options.maxScanPerPull ?? 2000) : Infinity;
    let scannedNow = 0;
    while (this.items.length < want && !this.done && scannedNow < maxScan) {
      let next: IteratorResult<HubListItem>;
      try {
        next = await this.source.next();
      } catch (error) {
        this.failure = { error };
        throw error;
      }
      if (next.done) {
        this.done = true;
        break;
      }
      this.scanned++;
      scannedNow++;
      if (!this.options.filter || this.options.filter(next.value)) this.items.push(next.value);
    }
  }

  /** Lets the generator finish (closes nothing on the network: it only stops a suspended generator). */
  dispose(): void {
    void this.source.return?.(undefined)?.catch(() => undefined);
  }
}
