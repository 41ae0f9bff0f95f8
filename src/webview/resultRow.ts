/**
 * One row of the result list. Its elements are built once and reused for whichever result scrolls
 * into view (the list keeps a pool), so scrolling changes text and attributes instead of creating and
 * collecting elements every frame.
 */
import { compactNumber } from '../shared/compactNumber';
import { relativeTime } from './displayFormat';
import type { HubListItem, RepoKind } from '../shared/hubTypes';
import { h, icon } from './dom';

export const ROW_HEIGHT = 46;

const KIND_ICONS: Record<RepoKind, string> = { model: 'symbol-class', dataset: 'database', space: 'rocket' };

export function rowId(index: number): string {
  return `hub-row-${index}`;
}

/** The second line: task, Space hardware and stage, downloads, likes, last update. */
function rowMeta(item: HubListItem, now: number): string {
  return [
    item.label,
    item.kind === 'space' && item.hardware ? item.hardware : '',
    item.kind === 'space' && item.stage ? item.stage.toLowerCase() : '',
    item.downloads !== null ? `↓ ${compactNumber(item.downloads)}` : '',
    `♥ ${compactNumber(item.likes)}`,
    relativeTime(item.updatedAt, now),
  ]
    .filter(Boolean)
    .join(' · ');
}

export class ResultRow {
  readonly element: HTMLElement;
  private readonly kindIcon = icon(KIND_ICONS.model, 'row-icon');
  private readonly owner = h('span', { class: 'row-owner' });
  private readonly name = h('span', { class: 'row-name' });
  private readonly gatedPill = h('span', { class: 'pill pill-gated', attrs: { title: 'Gated: access must be requested' } }, 'gated');
  private readonly privatePill = h(
    'span',
    { class: 'pill pill-private', attrs: { title: 'Private: only you and your organisation’s members can see it' } },
    icon('lock', 'pill-icon'),
    'private',
  );
  private readonly meta = h('div', { class: 'row-meta' });
  private kind: RepoKind = 'model';

  constructor() {
    this.element = h(
      'div',
      { class: 'row', attrs: { role: 'option' } },
      h('div', { class: 'row-title' }, this.kindIcon, this.owner, this.name, this.gatedPill, this.privatePill),
      this.meta,
    );
  }

  /** Shows result `index` of `count`. */
  show(item: HubListItem, index: number, count: number, now: number): void {
    const el = this.element;
    el.id = rowId(index);
    el.title = item.id;
    el.setAttribute('aria-posinset', String(index + 1));
    el.setAttribute('aria-setsize', String(count));
    el.setAttribute('data-index', String(index));
    el.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    if (item.kind !== this.kind) {
      this.kindIcon.classList.replace(`codicon-${KIND_ICONS[this.kind]}`, `codicon-${KIND_ICONS[item.kind]}`);
      this.kind = item.kind;
    }
    // The id line shows the author once ("owner/ name").
    this.owner.hidden = !item.author;
    this.owner.textContent = item.author ? `${item.author}/` : '';
    this.name.textContent = item.author ? item.id.slice(item.author.length + 1) : item.id;
    this.gatedPill.hidden = !item.gated;
    this.privatePill.hidden = !item.private;
    this.meta.textContent = rowMeta(item, now);
  }

  setActive(active: boolean): void {
    this.element.setAttribute('aria-selected', String(active));
    this.element.classList.toggle('active', active);
  }
}
