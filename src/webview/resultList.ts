/**
 * The virtualised result list: a scroll container holding a spacer as tall as all rows, with only the
 * rows in (and a little around) the viewport in the DOM, positioned with transforms. A thousand
 * results cost the same as thirty. Keyboard: the listbox keeps focus and moves an active row with
 * the arrow keys (aria-activedescendant), Enter opens it.
 */
import type { HubListItem } from '../shared/hubTypes';
import { h } from './dom';
import { ResultRow, ROW_HEIGHT, rowId } from './resultRow';
import { moveIndex, nearEnd, revealScrollTop, visibleRange } from './virtualWindow';

/** The scroll position is saved this long after the last scrolled frame (not every frame). */
const SCROLL_SAVE_DELAY_MS = 150;

export interface ResultListCallbacks {
  open(index: number): void;
  /** The rendered window reached the last loaded rows. */
  nearEnd(): void;
  scrolled(scrollTop: number): void;
}

export class ResultList {
  readonly element: HTMLElement;
  private readonly listbox: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly footer: HTMLElement;
  private items: readonly HubListItem[] = [];
  /** Rows showing results, by result index; rows scrolled out go to the pool and are reused. */
  private readonly rendered = new Map<number, ResultRow>();
  private readonly pool: ResultRow[] = [];
  private active = -1;
  private frame = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly callbacks: ResultListCallbacks,
    private readonly now: () => number,
  ) {
    this.spacer = h('div', { class: 'results-spacer' });
    this.listbox = h('div', {
      class: 'results-listbox',
      id: 'hub-results',
      attrs: { role: 'listbox', tabindex: 0, 'aria-label': 'Search results' },
      on: { keydown: (e) => this.onKey(e as KeyboardEvent), focus: () => this.onFocus() },
    }, this.spacer);
    this.footer = h('div', { class: 'results-footer' });
    this.element = h('div', { class: 'results', on: { scroll: () => this.schedule() } }, this.listbox, this.footer);
    this.spacer.addEventListener('click', (e) => this.onClick(e));
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  get activeIndex(): number {
    return this.active;
  }

  get count(): number {
    return this.items.length;
  }

  /**
   * Shows `items`; `keepActive` keeps the active row (appending a page), otherwise it resets. `scrollTop`
   * scrolls before the rows are built, so the rows are laid out once, at the position they are shown at.
   */
  setItems(items: readonly HubListItem[], keepActive: boolean, scrollTop?: number): void {
    this.items = items;
    if (!keepActive || this.active >= items.length) this.active = -1;
    this.spacer.style.height = `${items.length * ROW_HEIGHT}px`;
    this.listbox.setAttribute('aria-label', `${items.length} result${items.length === 1 ? '' : 's'}`);
    // Rows are reused while scrolling one result set; a new set gets new rows.
    for (const index of [...this.rendered.keys()]) this.release(index);
    this.pool.length = 0;
    // A scroll position still waiting to be saved belongs to the rows that were shown, not to these.
    if (!keepActive && this.saveTimer !== undefined) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    if (scrollTop !== undefined) this.element.scrollTop = scrollTop;
    this.render();
  }

  setFooter(...nodes: Node[]): void {
    this.footer.replaceChildren(...nodes);
  }

  get scrollTop(): number {
    return this.element.scrollTop;
  }

  set scrollTop(value: number) {
    this.element.scrollTop = value;
    this.render();
  }

  focus(): void {
    this.listbox.focus();
  }

  /** Makes `index` the active row, scrolls it into view and (optionally) focuses the list. */
  activate(index: number, focus = false): void {
    if (index < 0 || index >= this.items.length) return;
    this.active = index;
    const top = revealScrollTop(index, this.element.scrollTop, this.viewportHeight(), ROW_HEIGHT);
    if (top !== this.element.scrollTop) this.element.scrollTop = top;
    this.render();
    if (focus) this.listbox.focus();
  }

  private viewportHeight(): number {
    return this.element.clientHeight || 400;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      // Read once, before the rows change: reading it after would force a layout inside the frame.
      const scrollTop = this.element.scrollTop;
      this.render(scrollTop);
      if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        this.callbacks.scrolled(scrollTop);
      }, SCROLL_SAVE_DELAY_MS);
    });
  }

  private release(index: number): void {
    const row = this.rendered.get(index);
    if (!row) return;
    this.rendered.delete(index);
    row.element.remove();
    this.pool.push(row);
  }

  private render(scrollTop = this.element.scrollTop): void {
    const range = visibleRange(scrollTop, this.viewportHeight(), ROW_HEIGHT, this.items.length);
    for (const index of [...this.rendered.keys()]) {
      if (index < range.start || index >= range.end) this.release(index);
    }
    const now = this.now();
    for (let i = range.start; i < range.end; i++) {
      let row = this.rendered.get(i);
      if (!row) {
        row = this.pool.pop() ?? new ResultRow();
        row.show(this.items[i], i, this.items.length, now);
        this.rendered.set(i, row);
        this.spacer.appendChild(row.element);
      }
      row.setActive(i === this.active);
    }
    if (this.active >= 0 && this.rendered.has(this.active)) {
      this.listbox.setAttribute('aria-activedescendant', rowId(this.active));
    } else {
      this.listbox.removeAttribute('aria-activedescendant');
    }
    if (nearEnd(range, this.items.length)) this.callbacks.nearEnd();
  }

  private onClick(event: Event): void {
    const row = (event.target as Element).closest('.row');
    const index = Number(row?.getAttribute('data-index'));
    if (!row || !Number.isInteger(index)) return;
    this.activate(index, true);
    this.callbacks.open(index);
  }

  private onFocus(): void {
    if (this.active < 0 && this.items.length > 0) {
      // The first FULLY visible row: activating a partly hidden one would scroll the list, and when the focus came
      // from a click, the rows would move between mousedown and mouseup and the click would be lost.
      const first = Math.ceil(this.element.scrollTop / ROW_HEIGHT);
      this.activate(Math.min(first, this.items.length - 1));
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === ' ') {
      if (this.active >= 0) {
        event.preventDefault();
        this.callbacks.open(this.active);
      }
      return;
    }
    const pageSize = Math.floor(this.viewportHeight() / ROW_HEIGHT) - 1;
    const next = moveIndex(this.active, event.key, this.items.length, pageSize);
    if (next === undefined) return;
    event.preventDefault();
    this.activate(next);
  }
}
