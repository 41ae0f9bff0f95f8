/**
 * ModelFileSource on the Hub through @huggingface/hub (listFiles for the sizes, downloadFile for the bytes), with the
 * configured Hub URL and the injected fetch, so mirrors and the fake Hub work. No token: the on-device models are
 * public, and the downloads may be redirected to a CDN the token must not reach. A resumed file asks for a byte
 * range (the client's Blob.slice); the signal reaches every request through the fetch wrapper.
 */
import type { downloadFile, listFiles } from '@huggingface/hub';
import type { ModelFileSource, RepoFileInfo } from './modelStore';

export interface HubModelSourceDeps {
  /** The client's functions, loaded on first use (the extension passes loadHubLibrary: the lazy dist/hfHub.js). */
  readonly hub: () => { readonly listFiles: typeof listFiles; readonly downloadFile: typeof downloadFile };
  readonly hubUrl: () => string;
  readonly fetch: typeof fetch;
}

function withSignal(base: typeof fetch, signal: AbortSignal | undefined): typeof fetch {
  if (!signal) return base;
  const wrapped = (input: string | URL | Request, init?: RequestInit) => base(input, { ...init, signal });
  return wrapped as typeof fetch;
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export function createHubModelSource(deps: HubModelSourceDeps): ModelFileSource {
  const hubUrl = () => deps.hubUrl().replace(/\/+$/, '');
  return {
    async listFiles(model, signal) {
      const out: RepoFileInfo[] = [];
      for await (const entry of deps.hub().listFiles({ repo: { type: 'model', name: model }, recursive: true, hubUrl: hubUrl(), fetch: withSignal(deps.fetch, signal) })) {
        if (entry.type === 'file') out.push({ path: entry.path, size: entry.lfs?.size ?? entry.size });
      }
      return out;
    },
    async read(model, path, start, signal) {
      const blob = await deps.hub().downloadFile({ repo: { type: 'model', name: model }, path, hubUrl: hubUrl(), fetch: withSignal(deps.fetch, signal), xet: false });
      if (!blob) throw new Error(`${model} has no file ${path}.`);
      // The client's Blob asks for `Range: bytes=<start>-` when sliced.
      const part = start > 0 && start < blob.size ? blob.slice(start) : blob;
      return { start: part === blob ? 0 : start, chunks: chunksOf(part.stream()) };
    },
  };
}
