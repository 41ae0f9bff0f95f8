/** Loads @huggingface/inference on first use (see inferenceLibrary.ts); later calls return the same module. */
export type InferenceLibrary = typeof import('./inferenceLibrary');

let library: InferenceLibrary | undefined;

export function loadInference(): InferenceLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('./inferenceLibrary') as InferenceLibrary;
  return library;
}
