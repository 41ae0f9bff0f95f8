import { strict as assert } from 'node:assert';
import { CallFailure } from '../../../../src/core/routing/routingTypes';
import { CONSENT_KEY, consentQuestion, provisionModel, readConsent, type ConsentAnswer, type ProvisionDeps } from '../../../../src/core/local/provision';
import { DownloadCancelled, type DownloadPlan, type DownloadProgress } from '../../../../src/core/local/modelStore';
import { MemoryStore } from '../../support/memoryStore';

const MODEL = 'Xenova/opus-mt-en-fr';

function plan(overrides: Partial<DownloadPlan> = {}): DownloadPlan {
  return { model: MODEL, files: [{ path: 'onnx/model_quantized.onnx', size: 3 * 1024 * 1024 }], totalBytes: 3 * 1024 * 1024, presentBytes: 0, usedBytes: 0, capBytes: 1 << 30, ...overrides };
}

function setup(options: { answer?: ConsentAnswer; downloaded?: boolean; plan?: Partial<DownloadPlan>; download?: (signal: AbortSignal | undefined) => Promise<string>; cancelInProgress?: boolean } = {}) {
  const state = new MemoryStore();
  const asked: DownloadPlan[] = [];
  const downloads: string[] = [];
  const progress: DownloadProgress[] = [];
  const deps: ProvisionDeps = {
    state,
    store: {
      load: async () => [],
      isDownloaded: () => options.downloaded === true,
      modelDir: (m) => `/storage/${m}`,
      plan: async (m) => plan({ model: m, ...options.plan }),
      download: async (p, o = {}) => {
        downloads.push(p.model);
        o.onProgress?.({ model: p.model, receivedBytes: p.totalBytes, totalBytes: p.totalBytes, file: 'x' });
        return options.download ? options.download(o.signal) : `/storage/${p.model}`;
      },
    },
    ask: async (p) => {
      asked.push(p);
      return options.answer;
    },
    withProgress: async (_p, work) => {
      const controller = new AbortController();
      if (options.cancelInProgress) controller.abort();
      return work(controller.signal, (p) => progress.push(p));
    },
  };
  return { deps, state, asked, downloads, progress };
}

async function failure(promise: Promise<unknown>): Promise<CallFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof CallFailure, String(err));
  return err;
}

describe('on-device model consent and download', () => {
  it('a downloaded model is used without asking or downloading', async () => {
    const t = setup({ downloaded: true });
    assert.equal(await provisionModel(t.deps, MODEL, undefined), `/storage/${MODEL}`);
    assert.deepEqual([t.asked.length, t.downloads.length], [0, 0]);
  });

  it('asks once, naming the model and its size; "Download" is remembered and the next model downloads without asking', async () => {
    const t = setup({ answer: 'Download' });
    assert.equal(await provisionModel(t.deps, MODEL, undefined), `/storage/${MODEL}`);
    assert.equal(t.asked.length, 1);
    assert.match(consentQuestion(t.asked[0]), /Run Xenova\/opus-mt-en-fr on this machine\? It is a one-time download of 3\.1 MB/);
    assert.equal(t.state.get(CONSENT_KEY), 'granted');
    assert.equal(t.progress.at(-1)?.receivedBytes, 3 * 1024 * 1024, 'progress reaches the UI');
    await provisionModel(t.deps, 'Xenova/bert-base-NER', undefined);
    assert.equal(t.asked.length, 1);
    assert.deepEqual(t.downloads, [MODEL, 'Xenova/bert-base-NER']);
  });

  it('"Not now" downloads nothing, falls back, and asks again next time', async () => {
    const t = setup({ answer: 'Not now' });
    const err = await failure(provisionModel(t.deps, MODEL, undefined));
    assert.equal(err.kind, 'gone');
    assert.match(err.message, /not downloaded \("Not now"\)/);
    assert.equal(readConsent(t.state), 'unasked');
    await failure(provisionModel(t.deps, MODEL, undefined));
    assert.equal(t.asked.length, 2);
    assert.deepEqual(t.downloads, []);
  });

  it('"Never" is remembered: later requests neither ask nor download', async () => {
    const t = setup({ answer: 'Never' });
    await failure(provisionModel(t.deps, MODEL, undefined));
    assert.equal(readConsent(t.state), 'never');
    const err = await failure(provisionModel(t.deps, MODEL, undefined));
    assert.match(err.message, /declined \("Never"\)/);
    assert.equal(t.asked.length, 1);
    assert.deepEqual(t.downloads, []);
  });

  it('over the disk cap: refused with the size and the cap before asking or downloading', async () => {
    const t = setup({ answer: 'Download', plan: { usedBytes: 900 * 1024 * 1024, capBytes: 901 * 1024 * 1024 } });
    const err = await failure(provisionModel(t.deps, MODEL, undefined));
    assert.equal(err.kind, 'gone');
    assert.match(err.message, /needs 3\.1 MB; with the 944 MB already used that is over the 945 MB cap/);
    assert.deepEqual([t.asked.length, t.downloads.length], [0, 0]);
  });

  it('cancel in the progress notification falls back (kept for resume); the request\'s own cancel cancels', async () => {
    const cancelled = (signal: AbortSignal | undefined) => (signal?.aborted ? Promise.reject(new DownloadCancelled(MODEL)) : Promise.resolve('/x'));
    const t = setup({ answer: 'Download', cancelInProgress: true, download: cancelled });
    const err = await failure(provisionModel(t.deps, MODEL, undefined));
    assert.equal(err.kind, 'gone');
    assert.match(err.message, /cancelled\. What was received is kept; the next download resumes/);

    const outer = new AbortController();
    const u = setup({ answer: 'Download', download: async (signal) => {
      outer.abort();
      return cancelled(signal);
    } });
    assert.equal((await failure(provisionModel(u.deps, MODEL, outer.signal))).kind, 'cancelled');
  });
});
