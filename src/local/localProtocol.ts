/** Messages between the host (workerRunner.ts) and the inference thread (localWorker.ts). */
import type { LocalInferenceRequest, LocalResult } from '../core/local/localTypes';

/** Host → worker: run one request (the worker runs one at a time; the host never sends a second before the answer). */
export interface LocalJob {
  readonly id: number;
  readonly request: LocalInferenceRequest;
}

/** Worker → host. `loadMs` is set when this job loaded the model (it was not the one in memory). */
export type LocalJobReply =
  | { readonly id: number; readonly ok: true; readonly result: LocalResult; readonly loadMs?: number }
  | {
      readonly id: number;
      readonly ok: false;
      readonly message: string;
      /**
       * The model failed to load. The thread is then unusable: transformers.js keeps the first session's
       * promise and awaits it before every later session, so one failed first load fails every later one.
       * The host ends the thread; the next run gets a new one.
       */
      readonly loadFailed: boolean;
    };

/**
 * Worker → host: a line transformers.js or ONNX Runtime wrote to the console (warnings such as "MarianTokenizer is
 * not yet supported by the fast tokenizers library"): the host hands it to its log instead of the process's stderr.
 */
export interface LocalWorkerLog {
  readonly log: string;
}

export type LocalWorkerMessage = LocalJobReply | LocalWorkerLog;

/** Data the host gives the thread when it starts (worker_threads workerData). */
export interface LocalWorkerData {
  /** Directory with ort-wasm-simd-threaded.{mjs,wasm} (dist/ next to the bundle). */
  readonly wasmDir: string;
  /** WASM threads for the ONNX runtime; 1 keeps it on this one thread. */
  readonly numThreads: number;
}
