/**
 * What the extension uses of @huggingface/hub. The bundle builds this module as its own file
 * (dist/hfHub.js, see LAZY_CHUNKS in scripts/esbuild-plugins.cjs): `loadHubLibrary()` (src/lazyChunks.ts) brings it in on the
 * first Hub call (a search, details, sign-in), so activation does not parse the client.
 */
export { commit, commitIter, createRepo, datasetInfo, downloadFile, listDatasets, listFiles, listModels, listSpaces, modelInfo, pathsInfo, spaceInfo, whoAmI } from '@huggingface/hub';
