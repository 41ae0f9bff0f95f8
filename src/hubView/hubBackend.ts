/**
 * The Hub view's host side: the Hub service, the request handlers and the dispatcher that validates
 * the webview's messages. A lazy chunk (dist/hubBackend.js, see LAZY_CHUNKS): register.ts loads it when
 * the view first opens, so activation does not.
 */
import type { HubViewDeps } from '../hub/deps';
import { HubDispatcher } from '../hub/dispatcher';
import { createHubHandlers } from '../hub/handlers';
import { HubService } from '../hub/hubService';
import type { PersistentState } from '../persistentState';
import type { HostMessage } from '../shared/protocol';
import { createHostActions } from './hostActions';

export interface HubBackend {
  readonly service: HubService;
  /** A dispatcher for one webview: answers its requests through `post`. */
  connect(post: (message: HostMessage) => void): HubDispatcher;
}

/** A Hub service on the extension's settings and token (the view's, and the agent-mode tools' own). */
export function createHubService(deps: HubViewDeps): HubService {
  return new HubService({
    hubUrl: deps.hubUrl,
    datasetsServerUrl: deps.datasetsServerUrl,
    getToken: deps.getToken,
    checkTokenDestination: deps.checkTokenDestination,
    log: deps.log,
  });
}

export function createHubBackend(state: PersistentState, deps: HubViewDeps): HubBackend {
  const service = createHubService(deps);
  const handlers = createHubHandlers(service, deps, createHostActions(state, deps));
  return { service, connect: (post) => new HubDispatcher(handlers, post, deps.log) };
}
