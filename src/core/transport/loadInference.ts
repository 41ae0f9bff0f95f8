/** Loads @huggingface/inference on first use (see inferenceLibrary.ts); Node's module cache makes later calls cheap. */
export type InferenceLibrary = typeof import('./inferenceLibrary');

export function loadInference(): InferenceLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./inferenceLibrary') as InferenceLibrary;
}
