/**
 * What the extension uses of @huggingface/inference. The bundle builds this module as its own file
 * (dist/hfInference.js, see LAZY_CHUNKS in scripts/esbuild-plugins.cjs): `loadInferenceLibrary()` (src/lazyChunks.ts) brings it
 * in on the first inference call, so activation does not parse the client.
 */
export {
  InferenceClient,
  InferenceClientHubApiError,
  InferenceClientInputError,
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
  InferenceClientRoutingError,
} from '@huggingface/inference';
