// Shared setup for the fake's tests: one fake per test file, reset after each test.
import { InferenceClient } from '@huggingface/inference';
import { rewritingFetch } from '../../fake-hf/redirect';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../fake-hf/server';

export interface FakeHandle {
  fake: FakeHf;
  client(token?: string): InferenceClient;
}

/** Registers mocha hooks and returns a handle filled in once `before` ran. */
export function useFakeHf(): FakeHandle {
  const handle = {} as FakeHandle;
  before(async () => {
    handle.fake = await startFakeHf();
    handle.client = (token = VALID_TOKEN) => new InferenceClient(token, { fetch: rewritingFetch(handle.fake), retry_on_error: false });
  });
  afterEach(() => handle.fake.reset());
  after(() => handle.fake.close());
  return handle;
}

/** Resolves once the fake has recorded `count` requests (for tests that must act mid-request). */
export async function untilRecorded(fake: FakeHf, count: number): Promise<void> {
  while (fake.requests.length < count) await new Promise((r) => setImmediate(r));
}

/** The rejection of `p`, failing the test when it resolves. */
export async function rejectionOf(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
