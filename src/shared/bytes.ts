/** Sizes as people read them, for the webview (which imports only shared/): the core's one formatter. */
export { formatBytes } from '../core/units/bytes';
