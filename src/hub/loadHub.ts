/** Loads @huggingface/hub on first use (see hubLibrary.ts); later calls return the same module. */
export type HubLibrary = typeof import('./hubLibrary');

let library: HubLibrary | undefined;

export function loadHub(): HubLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('./hubLibrary') as HubLibrary;
  return library;
}
