/**
 * The sections of the details panel, each a function from data to elements: the card (host-sanitised
 * HTML), files with sizes, tags, inference providers, a dataset's first-rows preview and a Space's
 * runtime. Loading and failure states per section come from `sectionState`.
 */
import { formatBytes } from './displayFormat';
import type {
  CardResult,
  DatasetPreview,
  FilesResult,
  HubFailure,
  InferenceProviderInfo,
  SpaceRuntime,
} from '../shared/hubTypes';
import { button, h, select } from './dom';
import { failureState } from './statusView';

export function collapsible(title: string, open: boolean, ...content: Node[]): HTMLElement {
  return h('vscode-collapsible', { attrs: { title, heading: title, open } }, h('div', { class: 'section-body' }, ...content));
}

export function loading(label: string): HTMLElement {
  return h('div', { class: 'section-loading' }, h('vscode-progress-ring', { attrs: { 'aria-label': label } }));
}

export function sectionFailure(failure: HubFailure, retry: () => void, signIn: () => void): HTMLElement {
  return failureState(failure, { retry, signIn }, true);
}

/**
 * The one place the webview inserts HTML: the card the host rendered with the sanitiser in
 * src/hub/cardSanitizer.ts (raw HTML escaped, links http(s)/mailto only, no foreign images).
 * Links are opened by the host, never navigated in the webview.
 */
export function cardContent(card: CardResult, openExternal: (url: string) => void): HTMLElement {
  if (card.missing) return h('p', { class: 'muted' }, 'This repo has no README.');
  const box = h('div', { class: 'card markdown-body' });
  box.innerHTML = card.html;
  box.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (!link || !box.contains(link)) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href) openExternal(href);
  });
  return box;
}

export function filesContent(result: FilesResult): HTMLElement {
  if (result.files.length === 0) return h('p', { class: 'muted' }, 'No files.');
  const total = result.files.reduce((n, f) => n + f.size, 0);
  return h(
    'div',
    {},
    h('p', { class: 'muted' }, `${result.files.length}${result.truncated ? '+' : ''} files · ${formatBytes(total)}${result.truncated ? ' listed' : ''}`),
    h(
      'ul',
      { class: 'files', attrs: { 'aria-label': 'Files' } },
      ...result.files.map((f) => h('li', {}, h('span', { class: 'file-path' }, f.path), h('span', { class: 'file-size' }, formatBytes(f.size)))),
    ),
  );
}

export function tagsContent(tags: readonly string[]): HTMLElement {
  if (tags.length === 0) return h('p', { class: 'muted' }, 'No tags.');
  return h('ul', { class: 'tags', attrs: { 'aria-label': 'Tags' } }, ...tags.map((t) => h('li', { class: 'tag' }, t)));
}

export function providersContent(providers: readonly InferenceProviderInfo[]): HTMLElement {
  if (providers.length === 0) return h('p', { class: 'muted' }, 'No Inference Provider serves this model.');
  return h(
    'ul',
    { class: 'providers', attrs: { 'aria-label': 'Inference providers' } },
    ...providers.map((p) =>
      h(
        'li',
        {},
        h('span', { class: 'provider-name' }, p.provider),
        h('span', { class: `pill pill-${p.status === 'live' ? 'live' : 'staging'}` }, p.status || 'unknown'),
        h('span', { class: 'muted' }, p.task),
      ),
    ),
  );
}

export function previewContent(preview: DatasetPreview, choose: (config: string, split: string) => void): HTMLElement {
  if (preview.splits.length === 0 || preview.columns.length === 0) {
    return h('p', { class: 'muted' }, 'The dataset viewer has no rows to show for this dataset.');
  }
  const options = preview.splits.map((s) => ({ value: `${s.config}\u0000${s.split}`, label: `${s.config} / ${s.split}` }));
  const splitSelect = select('Split', options, `${preview.config}\u0000${preview.split}`, (v) => {
    const [config, split] = v.split('\u0000');
    choose(config, split);
  });
  const table = h(
    'table',
    { class: 'preview-table' },
    h('thead', {}, h('tr', {}, ...preview.columns.map((c) => h('th', { attrs: { scope: 'col' } }, c.name, h('span', { class: 'col-type' }, c.type))))),
    h('tbody', {}, ...preview.rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', { attrs: { title: cell } }, cell))))),
  );
  return h(
    'div',
    {},
    preview.splits.length > 1 ? splitSelect : h('p', { class: 'muted' }, `${preview.config} / ${preview.split}`),
    h('p', { class: 'muted' }, `Columns: ${preview.columns.map((c) => `${c.name} (${c.type})`).join(', ')}`),
    h('div', { class: 'preview-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': 'First rows' } }, table),
    preview.truncated && h('p', { class: 'muted' }, 'Showing the first rows only.'),
  );
}

export function runtimeContent(runtime: SpaceRuntime | null, refresh: () => void): HTMLElement {
  const refreshButton = button('Refresh', refresh, { icon: 'refresh', secondary: true, title: 'Refresh the runtime status' });
  if (!runtime) return h('div', { class: 'runtime' }, h('p', { class: 'muted' }, 'No runtime information.'), refreshButton);
  const stage = runtime.stage || 'UNKNOWN';
  return h(
    'div',
    { class: 'runtime', attrs: { 'aria-live': 'polite' } },
    h(
      'dl',
      {},
      h('dt', {}, 'Stage'),
      h('dd', {}, h('span', { class: `pill stage-${stage.toLowerCase()}` }, stage)),
      h('dt', {}, 'Hardware'),
      h('dd', {}, runtime.hardware || '—'),
      h('dt', {}, 'Requested'),
      h('dd', {}, runtime.requestedHardware || '—'),
    ),
    runtime.errorMessage && h('pre', { class: 'runtime-error' }, runtime.errorMessage),
    refreshButton,
  );
}
