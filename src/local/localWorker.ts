/**
 * The on-device inference thread (bundled as dist/localWorker.js; see WORKER_BUNDLES). Runs transformers.js
 * pipelines with ONNX Runtime's WebAssembly backend (onnxruntime-web: one build for every platform; the
 * native onnxruntime-node and sharp are stubbed out of the bundle). Models load from a directory on disk
 * only: remote models, the file cache and the browser cache are off, so this thread never opens a socket.
 * One pipeline in memory at a time: a request for another model disposes the previous one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { env, pipeline } from '@huggingface/transformers';
import { DEFAULT_LOCAL_DTYPE, LOCAL_PIPELINES, type LocalInferenceRequest, type LocalResult } from '../core/local/localTypes';
import { toLocalResult, type PipelineOutput } from '../core/local/localOutputs';
import type { LocalJob, LocalJobReply, LocalWorkerData, LocalWorkerMessage } from './localProtocol';

const data = workerData as LocalWorkerData;

// Belt and braces: with remote models off transformers.js reads files with fs only; no fetch may leave this thread.
globalThis.fetch = (input: string | URL | Request) =>
  Promise.reject(new Error(`The local model runtime does not use the network (it was asked for ${String(input instanceof Request ? input.url : input)}).`));
const post = (message: LocalWorkerMessage): void => parentPort?.postMessage(message);

// The libraries' console output goes to the host's log, not to the extension host's stderr.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[level] = (...args: unknown[]) => post({ log: `${level}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}` });
}
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.useFSCache = false;
env.useBrowserCache = false;
env.localModelPath = '';
const wasm = env.backends.onnx.wasm;
if (wasm) {
  wasm.wasmPaths = pathToFileURL(data.wasmDir.endsWith('/') || data.wasmDir.endsWith('\\') ? data.wasmDir : `${data.wasmDir}/`).href;
  wasm.numThreads = data.numThreads;
  wasm.proxy = false;
}

interface Loaded {
  readonly key: string;
  readonly run: (...args: unknown[]) => Promise<unknown>;
  readonly dispose: () => Promise<unknown>;
}

let loaded: Loaded | undefined;

/** transformers.js takes a path with "/" separators (it joins file names with "/"); an absolute path is not a repo id. */
function modelPath(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/\/+$/, '');
}

async function load(request: LocalInferenceRequest): Promise<{ pipe: Loaded; loadMs?: number }> {
  const dtype = request.dtype ?? DEFAULT_LOCAL_DTYPE;
  const key = `${request.task}\n${request.modelDir}\n${dtype}`;
  if (loaded?.key === key) return { pipe: loaded };
  if (loaded) {
    const previous = loaded;
    loaded = undefined;
    await previous.dispose().catch(() => undefined);
  }
  const started = Date.now();
  // `pipeline` is typed per task literal; the task here is one of LOCAL_PIPELINES' values. Device 'cpu': in node
  // transformers.js offers only 'cpu', which onnxruntime-web (standing in for onnxruntime-node) runs on its WASM backend.
  const create = pipeline as unknown as (task: string, model: string, options: object) => Promise<Loaded['run'] & { dispose(): Promise<unknown> }>;
  const pipe = await create(LOCAL_PIPELINES[request.task], modelPath(request.modelDir), { dtype, device: 'cpu', local_files_only: true });
  loaded = { key, run: (...args) => pipe(...args), dispose: () => pipe.dispose() };
  return { pipe: loaded, loadMs: Date.now() - started };
}

async function answer(request: LocalInferenceRequest, pipe: Loaded): Promise<LocalResult> {
  switch (request.task) {
    case 'sentiment':
      return toLocalResult(request, (await pipe.run(request.text, { top_k: request.topK ?? null })) as PipelineOutput);
    case 'ner':
      return toLocalResult(request, (await pipe.run(request.text, { ignore_labels: ['O'] })) as PipelineOutput);
    case 'zeroShot':
      return toLocalResult(
        request,
        (await pipe.run(request.text, [...request.labels], {
          multi_label: request.multiLabel ?? false,
          ...(request.hypothesisTemplate ? { hypothesis_template: request.hypothesisTemplate } : {}),
        })) as PipelineOutput,
      );
    case 'translation':
      return toLocalResult(
        request,
        (await pipe.run(request.text, {
          max_new_tokens: request.maxNewTokens ?? 256,
          ...(request.srcLang ? { src_lang: request.srcLang } : {}),
          ...(request.tgtLang ? { tgt_lang: request.tgtLang } : {}),
        })) as PipelineOutput,
      );
    case 'qa':
      return toLocalResult(request, (await pipe.run(request.question, request.context)) as PipelineOutput);
    case 'summarization':
      return toLocalResult(request, (await pipe.run(request.text, { max_new_tokens: request.maxNewTokens ?? 120 })) as PipelineOutput);
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function handle(job: LocalJob): Promise<LocalJobReply> {
  let loadedNow: { pipe: Loaded; loadMs?: number };
  try {
    loadedNow = await load(job.request);
  } catch (err) {
    return { id: job.id, ok: false, message: messageOf(err), loadFailed: true };
  }
  try {
    const result = await answer(job.request, loadedNow.pipe);
    const { loadMs } = loadedNow;
    return loadMs === undefined ? { id: job.id, ok: true, result } : { id: job.id, ok: true, result, loadMs };
  } catch (err) {
    return { id: job.id, ok: false, message: messageOf(err), loadFailed: false };
  }
}

parentPort?.on('message', (job: LocalJob) => {
  void handle(job).then(post);
});
