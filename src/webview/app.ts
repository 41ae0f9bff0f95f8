/**
 * The Hub view: wires the search header, the virtualised list, the list controller and the details
 * panel together, restores the persisted state, and reacts to host events (title-bar commands,
 * sign-in changes).
 */
import type { HubListItem, RepoKind } from '../shared/hubTypes';
import type { HostEvent, InitResult } from '../shared/protocol';
import { DetailsView } from './detailsView';
import { button, h } from './dom';
import { ListController } from './listController';
import type { RequestClient } from './requestClient';
import { ResultList } from './resultList';
import { SearchView, hasFilters } from './searchView';
import { ViewStore } from './store';
import type { VsCodeApi } from './vscodeApi';

export class App {
  private readonly store: ViewStore;
  private signedIn = false;
  private ready = false;
  private readonly queued: HostEvent[] = [];
  private readonly banner = h('div', { class: 'banner', attrs: { role: 'note' } });
  private readonly live = h('div', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly stateArea = h('div', { class: 'state-area' });
  private readonly listArea = h('div', { class: 'list-area' });
  private readonly main = h('div', { class: 'main-pane' });
  private search!: SearchView;
  private list!: ResultList;
  private controller!: ListController;
  private details!: DetailsView;

  constructor(
    private readonly root: HTMLElement,
    private readonly client: RequestClient,
    api: VsCodeApi,
  ) {
    this.store = new ViewStore(api, (state) => {
      client.request('saveState', { state }).catch(() => undefined);
    });
  }

  async start(): Promise<void> {
    const init: InitResult = await this.client
      .request('init', {})
      .catch(() => ({ signedIn: false, hubUrl: '', savedState: null }));
    this.signedIn = init.signedIn;
    if (!this.store.hasLocalState() && init.savedState) this.store.adopt(init.savedState);
    this.build();
    this.ready = true;
    this.controller.run({ restore: true });
    const selected = this.store.get().selected;
    // Restored, not opened by the user: the details do not take the keyboard focus.
    if (selected) this.showDetails(selected.kind, selected.id, false, false);
    for (const event of this.queued.splice(0)) this.onEvent(event);
  }

  onEvent(event: HostEvent): void {
    if (!this.ready) {
      this.queued.push(event);
      return;
    }
    if (event.type === 'auth') {
      this.setSignedIn(event.signedIn);
      this.refresh();
    } else if (event.type === 'pins') {
      this.details.setPins(event.pins);
    } else if (event.type === 'showRepo') {
      this.showDetails(event.kind, event.id, event.tryIt);
    } else if (event.type === 'command') {
      if (event.command === 'refresh') this.refresh();
      else if (event.command === 'clearFilters') this.search.clearFilters();
      else {
        this.back();
        this.search.focusSearch();
      }
    }
  }

  private build(): void {
    this.search = new SearchView(this.store, () => this.controller.run());
    this.list = new ResultList(
      {
        open: (index) => this.openItem(this.controller.item(index)),
        nearEnd: () => this.controller?.loadMore('scroll'),
        scrolled: (scrollTop) => {
          if (!this.main.hidden) this.store.update({ scrollTop });
        },
      },
      () => Date.now(),
    );
    this.controller = new ListController(this.client, this.store, this.list, {
      showRows: () => this.showRows(),
      showState: (el) => this.showState(el),
      announce: (text) => this.announce(text),
      signIn: () => void this.signIn(),
      signedIn: () => this.signedIn,
      clearFilters: () => this.search.clearFilters(),
      clearSearch: () => this.search.clearSearch(),
      hasFilters: () => hasFilters(this.store.get()),
    });
    this.details = new DetailsView(this.client, {
      back: () => this.back(),
      signedIn: () => this.signedIn,
      signIn: () => void this.signIn(),
      announce: (text) => this.announce(text),
      now: () => Date.now(),
    });
    this.details.element.hidden = true;
    this.listArea.append(this.stateArea, this.list.element);
    this.main.append(this.search.element, this.listArea);
    this.root.replaceChildren(this.banner, this.main, this.details.element, this.live);
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.setSignedIn(this.signedIn);
  }

  private showRows(): void {
    this.stateArea.hidden = true;
    this.list.element.hidden = false;
  }

  private showState(el: HTMLElement): void {
    this.stateArea.replaceChildren(el);
    this.stateArea.hidden = false;
    this.list.element.hidden = true;
  }

  private openItem(item: HubListItem | undefined): void {
    if (item) this.showDetails(item.kind, item.id);
  }

  private showDetails(kind: RepoKind, id: string, tryIt = false, focus = true): void {
    this.store.update({ selected: { kind, id } });
    this.main.hidden = true;
    this.details.element.hidden = false;
    this.details.open(kind, id, tryIt, focus);
  }

  private back(): void {
    if (this.details.element.hidden) return;
    this.details.close();
    this.details.element.hidden = true;
    this.main.hidden = false;
    this.store.update({ selected: null });
    // The list was display:none while the details were open: put its scroll position back.
    this.list.scrollTop = this.store.get().scrollTop;
    if (this.list.activeIndex >= 0) this.list.activate(this.list.activeIndex, true);
    else this.list.focus();
  }

  private refresh(): void {
    this.controller.run({ fresh: true, restore: true });
    const current = this.details.current;
    if (current && !this.details.element.hidden) this.details.open(current.kind, current.id);
  }

  private async signIn(): Promise<void> {
    try {
      const { signedIn } = await this.client.request('signIn', {}, { timeoutMs: 0 });
      if (signedIn !== this.signedIn) {
        this.setSignedIn(signedIn);
        this.refresh();
      }
    } catch {
      // The sign-in command reports its own errors.
    }
  }

  private setSignedIn(signedIn: boolean): void {
    this.signedIn = signedIn;
    this.banner.hidden = signedIn;
    if (!signedIn) {
      this.banner.replaceChildren(
        h('span', {}, 'Not signed in: searching anonymously. Sign in for gated and private repos.'),
        button('Sign in', () => void this.signIn(), { secondary: true }),
      );
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.details.element.hidden || event.defaultPrevented) return;
    // An open dropdown closes itself on Escape; only a plain Escape leaves the details.
    const target = event.target as (HTMLElement & { open?: boolean }) | null;
    if (target?.tagName === 'VSCODE-SINGLE-SELECT' && target.open) return;
    event.preventDefault();
    this.back();
  }

  private announce(text: string): void {
    this.live.textContent = text;
  }
}
