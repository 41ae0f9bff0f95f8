/**
 * The header of the list: one search box (debounced), the Models / Datasets / Spaces tabs whose
 * panels hold each tab's filters, the scope (everyone's repos or yours) and the sort select. Reads and writes the ViewStore; tells the
 * controller when the query changed.
 */
import {
  EMPTY_DATASET_FILTERS,
  EMPTY_MODEL_FILTERS,
  EMPTY_SPACE_FILTERS,
  HUB_TABS,
  type HubScope,
  type HubSort,
  type HubTab,
  type ViewState,
} from '../shared/hubTypes';
import {
  DATASET_SIZES,
  DATASET_TASKS,
  LANGUAGE_OPTIONS,
  MODEL_LIBRARIES,
  MODEL_TASKS,
  SCOPE_OPTIONS,
  SORT_OPTIONS,
  SPACE_HARDWARE,
  SPACE_SDKS,
  type Option,
} from './hubOptions';
import { button, h, select, setSelectValue } from './dom';
import type { ViewStore } from './store';

const SEARCH_DEBOUNCE_MS = 300;

const TAB_LABELS: Record<HubTab, string> = { models: 'Models', datasets: 'Datasets', spaces: 'Spaces' };

const any = (label: string, options: readonly Option[]): Option[] => [{ value: '', label }, ...options];

export function hasFilters(state: ViewState): boolean {
  const f = state.tab === 'models' ? state.modelFilters : state.tab === 'datasets' ? state.datasetFilters : state.spaceFilters;
  return Object.values(f).some((v) => v !== '' && v !== false);
}

export class SearchView {
  readonly element: HTMLElement;
  private readonly field: HTMLElement & { value: string };
  private readonly tabs: HTMLElement & { selectedIndex: number };
  private readonly sort: HTMLElement;
  private readonly scope: HTMLElement;
  private readonly panels: HTMLElement[];
  /** "Datasets matching “llama”" with Clear: the one search box serves every tab, and says so. */
  private readonly queryNote: HTMLElement;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: ViewStore,
    /** The query changed (typing arrives here already debounced). */
    private readonly onChange: () => void,
  ) {
    const state = store.get();
    this.field = h('vscode-textfield', {
      id: 'hub-search',
      attrs: { type: 'search', placeholder: this.placeholder(state.tab, state.scope), 'aria-label': 'Search the Hugging Face Hub' },
      on: { input: () => this.onInput() },
    }, h('span', { class: 'codicon codicon-search', attrs: { slot: 'content-before', 'aria-hidden': 'true' } })) as HTMLElement & { value: string };
    this.field.value = state.text;
    this.panels = HUB_TABS.map(() => h('vscode-tab-panel', { class: 'filters' }));
    this.tabs = h(
      'vscode-tabs',
      { attrs: { 'selected-index': HUB_TABS.indexOf(state.tab), 'aria-label': 'Repository type' } },
      ...HUB_TABS.map((tab) => h('vscode-tab-header', { attrs: { slot: 'header', 'data-tab': tab } }, TAB_LABELS[tab])),
      ...this.panels,
    ) as HTMLElement & { selectedIndex: number };
    this.tabs.addEventListener('vsc-tabs-select', (e) => this.onTab((e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex));
    this.queryNote = h('div', { class: 'query-note', attrs: { role: 'note' } });
    this.sort = select('Sort results', SORT_OPTIONS, state.sort, (v) => this.set({ sort: v as HubSort }));
    this.scope = select('Whose repos', SCOPE_OPTIONS, state.scope, (v) => this.onScope(v as HubScope));
    this.element = h(
      'header',
      { class: 'hub-header' },
      h('div', { class: 'search-row' }, this.field),
      this.tabs,
      this.queryNote,
      h(
        'div',
        { class: 'sort-row' },
        h('label', { class: 'sort-label' }, 'Show'),
        this.scope,
        h('label', { class: 'sort-label' }, 'Sort'),
        this.sort,
      ),
    );
    this.renderFilters();
    this.renderQueryNote();
  }

  focusSearch(): void {
    this.field.focus();
  }

  clearFilters(): void {
    this.store.update({ modelFilters: EMPTY_MODEL_FILTERS, datasetFilters: EMPTY_DATASET_FILTERS, spaceFilters: EMPTY_SPACE_FILTERS });
    this.renderFilters();
    this.onChange();
  }

  clearSearch(): void {
    this.field.value = '';
    this.set({ text: '' });
  }

  private placeholder(tab: HubTab, scope: HubScope): string {
    return `Search ${scope === 'yours' ? 'your ' : ''}${TAB_LABELS[tab].toLowerCase()}`;
  }

  private onScope(scope: HubScope): void {
    if (scope === this.store.get().scope) return;
    this.field.setAttribute('placeholder', this.placeholder(this.store.get().tab, scope));
    this.set({ scope });
  }

  private set(patch: Partial<ViewState>): void {
    this.store.update({ ...patch, scrollTop: 0, loadedCount: 0 });
    this.renderQueryNote();
    this.onChange();
  }

  /**
   * The search text carries over when the tab changes (searching "llama" in Models, then Datasets, finds the llama
   * datasets), so the list always says what it is filtered by, with a way out.
   */
  private renderQueryNote(): void {
    const { text, tab, scope } = this.store.get();
    const query = text.trim();
    this.queryNote.hidden = query === '';
    if (query === '') {
      this.queryNote.replaceChildren();
      return;
    }
    this.queryNote.replaceChildren(
      h('span', {}, `${scope === 'yours' ? 'Your ' + TAB_LABELS[tab].toLowerCase() : TAB_LABELS[tab]} matching “${query}”`),
      button('Clear search', () => this.clearSearch(), { icon: 'close', secondary: true, title: 'Clear the search text (it applies to every tab)' }),
    );
  }

  private onInput(): void {
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      if (this.field.value !== this.store.get().text) this.set({ text: this.field.value });
    }, SEARCH_DEBOUNCE_MS);
  }

  private onTab(index: number): void {
    const tab = HUB_TABS[index];
    if (!tab || tab === this.store.get().tab) return;
    this.field.setAttribute('placeholder', this.placeholder(tab, this.store.get().scope));
    // Spaces have no downloads: keep the sort meaningful.
    const sort = tab === 'spaces' && this.store.get().sort === 'downloads' ? 'trending' : this.store.get().sort;
    setSelectValue(this.sort, sort);
    this.set({ tab, sort });
  }

  private renderFilters(): void {
    const s = this.store.get();
    const m = s.modelFilters;
    const d = s.datasetFilters;
    const sp = s.spaceFilters;
    this.panels[0].replaceChildren(
      select('Task', any('Any task', MODEL_TASKS), m.task, (task) => this.set({ modelFilters: { ...this.store.get().modelFilters, task } })),
      select('Library', any('Any library', MODEL_LIBRARIES), m.library, (library) => this.set({ modelFilters: { ...this.store.get().modelFilters, library } })),
      select('Language', any('Any language', LANGUAGE_OPTIONS), m.language, (language) => this.set({ modelFilters: { ...this.store.get().modelFilters, language } })),
      checkbox('Served by Inference Providers', m.inferenceProviders, (inferenceProviders) =>
        this.set({ modelFilters: { ...this.store.get().modelFilters, inferenceProviders } }),
      ),
    );
    this.panels[1].replaceChildren(
      select('Task category', any('Any task', DATASET_TASKS), d.task, (task) => this.set({ datasetFilters: { ...this.store.get().datasetFilters, task } })),
      select('Language', any('Any language', LANGUAGE_OPTIONS), d.language, (language) => this.set({ datasetFilters: { ...this.store.get().datasetFilters, language } })),
      select('Size', any('Any size', DATASET_SIZES), d.size, (size) => this.set({ datasetFilters: { ...this.store.get().datasetFilters, size } })),
    );
    this.panels[2].replaceChildren(
      select('SDK', any('Any SDK', SPACE_SDKS), sp.sdk, (sdk) => this.set({ spaceFilters: { ...this.store.get().spaceFilters, sdk } })),
      select('Hardware', any('Any hardware', SPACE_HARDWARE), sp.hardware, (hardware) => this.set({ spaceFilters: { ...this.store.get().spaceFilters, hardware } })),
      checkbox('Running only', sp.runningOnly, (runningOnly) => this.set({ spaceFilters: { ...this.store.get().spaceFilters, runningOnly } })),
    );
  }
}

function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement {
  const el = h('vscode-checkbox', { attrs: { checked, label, 'aria-label': label } }) as HTMLElement & { checked: boolean };
  el.addEventListener('change', () => onChange(el.checked));
  return el;
}
