/**
 * The list area's states: loading skeletons, empty results, and failures (offline, rate-limited with
 * a live countdown, signed-out, error) each with the action that gets the user unstuck.
 */
import type { HubFailure } from '../shared/hubTypes';
import { startCountdown } from './countdown';
import { button, h, icon } from './dom';

export function skeleton(rows = 8): HTMLElement {
  const list = h('div', { class: 'skeleton', attrs: { 'aria-busy': 'true', 'aria-label': 'Loading results' } }, typeSample());
  for (let i = 0; i < rows; i++) {
    list.appendChild(h('div', { class: 'skeleton-row' }, h('div', { class: 'skeleton-line wide' }), h('div', { class: 'skeleton-line' })));
  }
  return list;
}

/**
 * One result row's text in the rows' own classes, laid out but never shown. Chromium resolves a font
 * (weight, size, and the fallback fonts for glyphs such as ↓ and ♥) the first time text needs it, and
 * that lookup was most of the cost of laying out the first rows of results. Done here, it happens while
 * the search is in flight instead of when the results arrive.
 */
function typeSample(): HTMLElement {
  return h(
    'div',
    { class: 'skeleton-type', attrs: { 'aria-hidden': 'true' } },
    h(
      'div',
      { class: 'row-title' },
      icon('symbol-class', 'row-icon'),
      h('span', { class: 'row-owner' }, 'owner/'),
      h('span', { class: 'row-name' }, 'model-name'),
      h('span', { class: 'pill pill-gated' }, 'gated'),
      h('span', { class: 'pill pill-private' }, 'private'),
    ),
    h('div', { class: 'row-meta' }, 'text-generation · ↓ 1.2M · ♥ 3.4k · 5 days ago'),
  );
}

export interface EmptyActions {
  readonly clearFilters?: () => void;
  readonly clearSearch?: () => void;
}

export function emptyState(text: string, actions: EmptyActions): HTMLElement {
  const what = text.trim() ? `No results for “${text.trim()}”` : 'No results';
  return h(
    'div',
    { class: 'state state-empty', attrs: { role: 'status' } },
    icon('search', 'state-icon'),
    h('p', {}, actions.clearFilters ? `${what} with these filters.` : `${what}.`),
    h(
      'div',
      { class: 'state-actions' },
      actions.clearFilters && button('Clear filters', actions.clearFilters, { icon: 'clear-all' }),
      actions.clearSearch && button('Clear search', actions.clearSearch, { secondary: true }),
    ),
  );
}

/** The "Yours" scope while signed out: what it would show, and how to sign in. */
export function signInState(signIn: () => void): HTMLElement {
  return h(
    'div',
    { class: 'state state-signed-out state-yours', attrs: { role: 'status' } },
    icon('account', 'state-icon'),
    h('p', {}, '“Yours” lists your models, datasets and Spaces and your organisations’, private ones included.'),
    h('p', {}, 'Sign in with a Hugging Face access token to see them (or run “Hugging Face: Sign In (Set Token)”).'),
    h('div', { class: 'state-actions' }, button('Sign in', signIn, { icon: 'account' })),
  );
}

export interface FailureActions {
  readonly retry?: () => void;
  readonly signIn?: () => void;
}

const FAILURE_ICONS: Record<HubFailure['kind'], string> = {
  offline: 'debug-disconnect',
  'rate-limited': 'watch',
  'signed-out': 'account',
  forbidden: 'lock',
  'not-found': 'question',
  timeout: 'watch',
  cancelled: 'circle-slash',
  error: 'error',
};

/** A retry button that stays disabled, counting down, until the Hub's Retry-After has passed. */
function countdownRetry(waitMs: number, retry: () => void): HTMLElement {
  const retryButton = button('Retry', retry, { icon: 'refresh' });
  startCountdown(Date.now() + waitMs, () => retryButton.isConnected, (secondsLeft) => {
    if (secondsLeft === 0) {
      retryButton.removeAttribute('disabled');
      retryButton.textContent = 'Retry';
    } else {
      retryButton.setAttribute('disabled', '');
      retryButton.textContent = `Retry in ${secondsLeft} s`;
    }
  });
  return retryButton;
}

export function failureState(failure: HubFailure, actions: FailureActions, compact = false): HTMLElement {
  const retry = actions.retry;
  let action: HTMLElement | undefined;
  if (failure.kind === 'signed-out' && actions.signIn) action = button('Sign in', actions.signIn, { icon: 'account' });
  else if (failure.kind === 'rate-limited' && retry && failure.retryAfterMs) action = countdownRetry(failure.retryAfterMs, retry);
  else if (retry && failure.kind !== 'not-found' && failure.kind !== 'forbidden') action = button('Retry', retry, { icon: 'refresh' });
  return h(
    'div',
    { class: `state state-${failure.kind}${compact ? ' compact' : ''}`, attrs: { role: 'alert' } },
    icon(FAILURE_ICONS[failure.kind], 'state-icon'),
    h('p', {}, failure.message),
    action && h('div', { class: 'state-actions' }, action),
  );
}
