/**
 * The view's persisted state (tab, query, filters, scroll, open details). Saved with the webview's
 * setState at once (survives hiding the view) and mirrored to the host, throttled, so a window reload
 * restores it even when VS Code drops the webview state.
 */
import { INITIAL_VIEW_STATE, type ViewState } from '../shared/hubTypes';
import { restoreViewState } from '../shared/hubValidators';
import type { VsCodeApi } from './vscodeApi';

const HOST_SAVE_DELAY_MS = 800;

export class ViewStore {
  private state: ViewState;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: VsCodeApi,
    private readonly saveToHost: (state: ViewState) => void,
  ) {
    this.state = restoreViewState(api.getState(), INITIAL_VIEW_STATE);
  }

  /** True when the webview had its own saved state (then it wins over the host's mirror). */
  hasLocalState(): boolean {
    return this.api.getState() !== undefined && this.api.getState() !== null;
  }

  get(): ViewState {
    return this.state;
  }

  /** Replaces the state from the host's mirror (validated leniently: garbage means "start fresh"). */
  adopt(saved: unknown): void {
    this.state = restoreViewState(saved, this.state);
    this.api.setState(this.state);
  }

  update(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    this.api.setState(this.state);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveToHost(this.state);
    }, HOST_SAVE_DELAY_MS);
  }
}
