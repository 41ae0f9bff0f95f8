/**
 * Runs searches and paging for the list: asks the host for [offset, offset + PAGE) of the current
 * query (the host keeps the Hub's list iterator suspended between pages), cancels a superseded
 * search, and switches the list area between skeleton, rows, empty and failure states.
 */
import { queryOf, type HubFailure, type HubListItem, type ListPage } from '../shared/hubTypes';
import { button, h } from './dom';
import { RequestError, type Call, type RequestClient } from './requestClient';
import type { ResultList } from './resultList';
import { emptyState, failureState, signInState, skeleton } from './statusView';
import type { ViewStore } from './store';

const PAGE_SIZE = 50;

export interface ListHost {
  /** Shows either the rows or a state element in the list area. */
  showRows(): void;
  showState(el: HTMLElement): void;
  announce(text: string): void;
  signIn(): void;
  /** Whether a token is set ("Yours" needs one). */
  signedIn(): boolean;
  clearFilters(): void;
  clearSearch(): void;
  hasFilters(): boolean;
}

function failureOf(err: unknown): HubFailure {
  return err instanceof RequestError ? err.failure : { kind: 'error', message: String(err) };
}

export class ListController {
  private items: HubListItem[] = [];
  private done = false;
  private search: Call<'list'> | undefined;
  private more: Call<'list'> | undefined;
  private moreFailure: HubFailure | undefined;
  private generation = 0;
  private moreButton: HTMLElement | undefined;
  private scanned: number | undefined;

  constructor(
    private readonly client: RequestClient,
    private readonly store: ViewStore,
    private readonly list: ResultList,
    private readonly host: ListHost,
  ) {}

  item(index: number): HubListItem | undefined {
    return this.items[index];
  }

  /** Starts the current query over. `restore` brings back as many rows as before and the scroll position. */
  run(opts: { fresh?: boolean; restore?: boolean } = {}): void {
    this.search?.cancel();
    this.more?.cancel();
    this.more = undefined;
    this.moreFailure = undefined;
    this.scanned = undefined;
    const generation = ++this.generation;
    const state = this.store.get();
    const count = opts.restore ? Math.min(1000, Math.max(PAGE_SIZE, state.loadedCount)) : PAGE_SIZE;
    this.search = undefined;
    if (state.scope === 'yours' && !this.host.signedIn()) {
      // Nobody to list for: no request, the way in instead.
      this.items = [];
      this.done = true;
      this.host.showState(signInState(() => this.host.signIn()));
      this.host.announce('Sign in to see your repos');
      return;
    }
    this.host.showState(skeleton());
    const call = this.client.start('list', { query: queryOf(state), offset: 0, count, fresh: opts.fresh === true }, { timeoutMs: 90_000 });
    this.search = call;
    call.promise.then(
      (page) => {
        if (generation !== this.generation) return;
        this.search = undefined;
        this.items = [...page.items];
        this.done = page.done;
        this.showFirstPage(page, opts.restore ? state.scrollTop : 0);
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.search = undefined;
        const failure = failureOf(err);
        if (failure.kind === 'cancelled') return;
        this.host.showState(failureState(failure, { retry: () => this.run({ fresh: true }), signIn: () => this.host.signIn() }));
        this.host.announce(failure.message);
      },
    );
  }

  /**
   * Next page; no-op while a page is loading, after the last one, or after a failure (until Retry). `scroll`: the
   * rendered rows reached the end. That does not count while "Load more" has the keyboard focus: focusing it scrolls
   * it into view, and loading a page each time would walk the whole list; the user presses it instead.
   */
  loadMore(origin: 'scroll' | 'button' = 'button'): void {
    if (this.search || this.more || this.done || this.moreFailure || this.items.length === 0) return;
    if (origin === 'scroll' && this.moreButton && focused(this.moreButton)) return;
    const generation = this.generation;
    const state = this.store.get();
    const call = this.client.start('list', { query: queryOf(state), offset: this.items.length, count: PAGE_SIZE, fresh: false }, { timeoutMs: 90_000 });
    this.more = call;
    this.renderFooter();
    call.promise.then(
      (page) => {
        if (generation !== this.generation) return;
        this.more = undefined;
        this.items.push(...page.items);
        this.done = page.done;
        this.list.setItems(this.items, true);
        this.store.update({ loadedCount: this.items.length });
        this.renderFooter(page);
        this.host.announce(`${this.items.length} results loaded`);
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.more = undefined;
        const failure = failureOf(err);
        if (failure.kind !== 'cancelled') this.moreFailure = failure;
        this.renderFooter();
      },
    );
  }

  private showFirstPage(page: ListPage, scrollTop: number): void {
    const state = this.store.get();
    if (this.items.length === 0 && page.done) {
      this.host.showState(
        emptyState(state.text, {
          clearFilters: this.host.hasFilters() ? () => this.host.clearFilters() : undefined,
          clearSearch: state.text.trim() ? () => this.host.clearSearch() : undefined,
        }),
      );
      this.host.announce('No results');
      return;
    }
    this.host.showRows();
    this.list.setItems(this.items, false, scrollTop);
    this.store.update({ loadedCount: this.items.length });
    this.renderFooter(page);
    this.host.announce(`${this.items.length}${this.done ? '' : '+'} results`);
  }

  private renderFooter(page?: ListPage): void {
    if (this.moreFailure) {
      const failure = this.moreFailure;
      const retry = (): void => {
        this.moreFailure = undefined;
        this.loadMore();
      };
      this.list.setFooter(failureState(failure, { retry, signIn: () => this.host.signIn() }, true));
    } else if (this.done && !this.more) {
      this.list.setFooter(h('p', { class: 'end-of-results' }, `${this.items.length} result${this.items.length === 1 ? '' : 's'}`));
    } else {
      // One button for the whole list, never replaced while a page loads: reaching it (Tab, or scrolling to the end,
      // which fetches the next page by itself) must not take it away from under the pointer or the keyboard focus.
      const loading = this.more !== undefined;
      const more = (this.moreButton ??= button('Load more', () => this.loadMore(), { icon: 'chevron-down', secondary: true }));
      const hadFocus = focused(more);
      const label = loading ? 'Loading more…' : 'Load more';
      more.setAttribute('aria-busy', String(loading));
      more.setAttribute('aria-label', label);
      more.setAttribute('title', label);
      more.lastChild?.replaceWith(document.createTextNode(label));
      // A client-side filter (Space hardware/running) may stop a pull early: say how far the search got.
      if (page) this.scanned = page.scanned > page.loaded ? page.scanned : undefined;
      const scanned = this.scanned !== undefined ? h('p', { class: 'scan-note' }, `Searched ${this.scanned} Spaces so far.`) : null;
      const ring = loading ? h('vscode-progress-ring', { class: 'more-ring', attrs: { 'aria-label': 'Loading more results' } }) : null;
      const row: HTMLElement = h('div', { class: 'more-row' }, more, ring);
      const wanted = [scanned, row].filter((n): n is HTMLElement => n !== null);
      this.list.setFooter(...wanted);
      if (hadFocus) more.focus({ preventScroll: true });
    }
  }
}

/** True when `el` has the keyboard focus (moving it in the DOM would drop it: it is given back). */
function focused(el: HTMLElement): boolean {
  return el.ownerDocument.activeElement === el;
}
