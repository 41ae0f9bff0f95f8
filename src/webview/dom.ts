/**
 * A tiny element builder. Everything goes through createElement/setAttribute/textContent and
 * addEventListener, so untrusted strings are never parsed as HTML and no inline handler exists
 * (the CSP forbids both anyway). The one innerHTML in the webview is the host-sanitised card.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly id?: string;
  /** Attributes; `true` sets an empty attribute, false/undefined leaves it out. */
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly on?: Readonly<Record<string, (event: Event) => void>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) el.addEventListener(type, listener);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function replaceChildren(el: Element, ...children: Child[]): void {
  clear(el);
  append(el, ...children);
}

/** A codicon (decorative: hidden from screen readers; give the control its own label). */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name} ${extraClass}`.trim(), attrs: { 'aria-hidden': 'true' } });
}

/** A vscode-button with an optional codicon and an accessible label. */
export function button(label: string, onClick: () => void, opts: { icon?: string; secondary?: boolean; title?: string } = {}): HTMLElement {
  return h(
    'vscode-button',
    {
      // The accessible name is the visible label (WCAG "label in name"); the title adds detail on hover.
      attrs: { icon: opts.icon, secondary: opts.secondary === true, title: opts.title ?? label, 'aria-label': label },
      on: { click: () => onClick() },
    },
    label,
  );
}

/** A <vscode-single-select> with options; `value` is selected once the options are slotted. */
export function select(label: string, options: readonly { value: string; label: string }[], value: string, onChange: (v: string) => void): HTMLElement {
  const el = h(
    'vscode-single-select',
    { attrs: { 'aria-label': label, title: label } },
    ...options.map((o) => h('vscode-option', { attrs: { value: o.value, selected: o.value === value } }, o.label)),
  );
  el.addEventListener('change', () => onChange((el as unknown as { value: string }).value));
  return el;
}

export function setSelectValue(el: Element, value: string): void {
  (el as unknown as { value: string }).value = value;
}
