/** Loads @huggingface/hub on first use (see hubLibrary.ts); Node's module cache makes later calls cheap. */
export type HubLibrary = typeof import('./hubLibrary');

export function loadHub(): HubLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./hubLibrary') as HubLibrary;
}
