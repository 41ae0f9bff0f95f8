/**
 * The virtualised result list: a scroll container holding a spacer as tall as all rows, with only the
 * rows in (and a little around) the viewport in the DOM, positioned with transforms. A thousand
 * results cost the same as thirty. Keyboard: the listbox keeps focus and moves an active row with
 * the arrow keys (aria-activedescendant), Enter opens it.
 */
import { compactNumber, relativeTime } from '../shared/format';
import type { HubListItem, RepoKind } from '../shared/hubTypes';
import { h, icon } from './dom';
import { moveIndex, nearEnd, revealScrollTop, visibleRange } from './virtualWindow';

export const ROW_HEIGHT = 46;

export interface ResultListCallbacks {
  open(index: number): void;
  /** The rendered window reached the last loaded rows. */
  nearEnd(): void;
  scrolled(scrollTop: number): void;
}

const KIND_ICONS: Record<RepoKind, string> = { model: 'symbol-class', dataset: 'database', space: 'rocket' };

export class ResultList {
  readonly element: HTMLElement;
  private readonly listbox: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly footer: HTMLElement;
  private items: readonly HubListItem[] = [];
  private readonly rendered = new Map<number, HTMLElement>();
  private active = -1;
  private frame = 0;

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

  /** Shows `items`; `keepActive` keeps the active row (appending a page), otherwise it resets. */
  setItems(items: readonly HubListItem[], keepActive: boolean): void {
    this.items = items;
    if (!keepActive || this.active >= items.length) this.active = -1;
    this.spacer.style.height = `${items.length * ROW_HEIGHT}px`;
    this.listbox.setAttribute('aria-label', `${items.length} result${items.length === 1 ? '' : 's'}`);
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
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
      this.render();
      this.callbacks.scrolled(this.element.scrollTop);
    });
  }

  private render(): void {
    const range = visibleRange(this.element.scrollTop, this.viewportHeight(), ROW_HEIGHT, this.items.length);
    for (const [index, el] of this.rendered) {
      if (index < range.start || index >= range.end) {
        el.remove();
        this.rendered.delete(index);
      }
    }
    for (let i = range.start; i < range.end; i++) {
      let el = this.rendered.get(i);
      if (!el) {
        el = this.row(i);
        this.rendered.set(i, el);
        this.spacer.appendChild(el);
      }
      el.setAttribute('aria-selected', String(i === this.active));
      el.classList.toggle('active', i === this.active);
    }
    if (this.active >= 0 && this.rendered.has(this.active)) {
      this.listbox.setAttribute('aria-activedescendant', rowId(this.active));
    } else {
      this.listbox.removeAttribute('aria-activedescendant');
    }
    if (nearEnd(range, this.items.length)) this.callbacks.nearEnd();
  }

  private row(index: number): HTMLElement {
    const item = this.items[index];
    const name = item.author ? item.id.slice(item.author.length + 1) : item.id;
    // The id line already shows the author ("owner/ name").
    const meta = [
      item.label,
      item.kind === 'space' && item.hardware ? item.hardware : '',
      item.kind === 'space' && item.stage ? item.stage.toLowerCase() : '',
      item.downloads !== null ? `↓ ${compactNumber(item.downloads)}` : '',
      `♥ ${compactNumber(item.likes)}`,
      relativeTime(item.updatedAt, this.now()),
    ].filter(Boolean);
    const el = h(
      'div',
      {
        class: 'row',
        id: rowId(index),
        attrs: { role: 'option', 'aria-posinset': index + 1, 'aria-setsize': this.items.length, 'data-index': index, title: item.id },
      },
      h(
        'div',
        { class: 'row-title' },
        icon(KIND_ICONS[item.kind], 'row-icon'),
        item.author && h('span', { class: 'row-owner' }, `${item.author}/`),
        h('span', { class: 'row-name' }, name),
        item.gated && h('span', { class: 'pill pill-gated', attrs: { title: 'Gated: access must be requested' } }, 'gated'),
        item.private && h('span', { class: 'pill pill-private' }, 'private'),
      ),
      h('div', { class: 'row-meta' }, meta.join(' · ')),
    );
    el.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    return el;
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

function rowId(index: number): string {
  return `hub-row-${index}`;
}
