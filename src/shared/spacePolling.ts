/** How often a Space's runtime is re-read (the core's rule, for the webview, which imports only shared/). */
export { nextPollDelay } from '../core/spaces/pollScheduler';
