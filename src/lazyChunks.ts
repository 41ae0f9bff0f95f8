/**
 * Every lazy chunk the extension loads, in one place. Each `require` below is built as its own bundle
 * (dist/<chunk>.js, LAZY_CHUNKS in scripts/esbuild-plugins.cjs lists the same six with these specifiers;
 * test/unit/lazyChunks.test.ts holds the two lists together), left out of dist/extension.js so activation
 * stays cheap, and loaded on first use. Node's module cache makes every later call return the same module.
 *
 * No `vscode` here: the routing core and the Hub client load their HTTP libraries through this module too.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

export type ActionsChunk = typeof import('./actions');
export type HubBackendChunk = typeof import('./hubView/hubBackend');
export type TaskDetectorChunk = typeof import('./core/intent/taskDetection');
export type InferenceLibrary = typeof import('./core/routing/transport/inferenceLibrary');
export type HubLibrary = typeof import('./hub/hubLibrary');
export type TextMateChunk = typeof import('./editor/textMateFinder');
export type TokenizerLibrary = typeof import('./core/tokens/tokenizerLibrary');
export type LocalRunnerChunk = typeof import('./local/workerRunner');

/** Commands and the router (dist/actions.js): on the first command or request. */
export function loadActions(): ActionsChunk {
  return require('./actions') as ActionsChunk;
}

/** The Hub view's host side (dist/hubBackend.js): when the view first opens. */
export function loadHubBackend(): HubBackendChunk {
  return require('./hubView/hubBackend') as HubBackendChunk;
}

/** The task detector's cue tables (dist/taskDetector.js): on the first Run a Prompt. */
export function loadTaskDetector(): TaskDetectorChunk {
  return require('./core/intent/taskDetection') as TaskDetectorChunk;
}

/** @huggingface/inference (dist/hfInference.js): on the first inference call. */
export function loadInferenceLibrary(): InferenceLibrary {
  return require('./core/routing/transport/inferenceLibrary') as InferenceLibrary;
}

/** @huggingface/hub (dist/hfHub.js): on the first Hub call (a search, details, sign-in). */
export function loadHubLibrary(): HubLibrary {
  return require('./hub/hubLibrary') as HubLibrary;
}

/** vscode-textmate, the Oniguruma WASM and the grammar index (dist/textmate.js): on the first comment search in a language the comment-syntax table lacks. */
export function loadTextMate(): TextMateChunk {
  return require('./editor/textMateFinder') as TextMateChunk;
}

/** @huggingface/tokenizers (dist/tokenizers.js): on the first token count with a model's own tokenizer. */
export function loadTokenizerLibrary(): TokenizerLibrary {
  return require('./core/tokens/tokenizerLibrary') as TokenizerLibrary;
}

/**
 * The on-device runner's host side (dist/localRunner.js): on the first local run. It starts the inference
 * thread dist/localWorker.js (transformers.js + ONNX Runtime WASM, a worker bundle, never in the host).
 */
export function loadLocalRunner(): LocalRunnerChunk {
  return require('./local/workerRunner') as LocalRunnerChunk;
}

/** Each loader's `require` specifier, by the chunk file it loads (the build's list must match it). */
export const LAZY_CHUNK_SPECIFIERS: Readonly<Record<string, string>> = {
  'dist/actions.js': './actions',
  'dist/hubBackend.js': './hubView/hubBackend',
  'dist/taskDetector.js': './core/intent/taskDetection',
  'dist/hfInference.js': './core/routing/transport/inferenceLibrary',
  'dist/hfHub.js': './hub/hubLibrary',
  'dist/textmate.js': './editor/textMateFinder',
  'dist/tokenizers.js': './core/tokens/tokenizerLibrary',
  'dist/localRunner.js': './local/workerRunner',
};
