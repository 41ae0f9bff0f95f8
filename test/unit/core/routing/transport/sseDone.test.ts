import { strict as assert } from 'node:assert';
import { watchForDone } from '../../../../../src/core/routing/transport/sseDone';

/** An event-stream response whose body arrives in exactly these pieces. */
function sse(pieces: string[], contentType = 'text/event-stream'): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces) controller.enqueue(encoder.encode(p));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': contentType } });
}

async function read(pieces: string[], contentType?: string): Promise<{ text: string; done: boolean }> {
  let done = false;
  const watched = watchForDone(sse(pieces, contentType), () => (done = true));
  return { text: await watched.text(), done };
}

describe('core/routing/transport/sseDone', () => {
  it('passes the bytes through unchanged and sees [DONE] even when it is split across reads', async () => {
    const pieces = ['data: {"a":1}\n\n', 'data: [DO', 'NE]\r\n\r\n'];
    assert.deepEqual(await read(pieces), { text: pieces.join(''), done: true });
    assert.equal((await read(['data:[DONE]'])).done, true, 'no space after the colon, no final newline');
  });

  it('does not mistake a stream without the [DONE] line for a finished one', async () => {
    assert.equal((await read(['data: {"a":1}\n\n'])).done, false);
    assert.equal((await read(['data: {"text":"[DONE]"}\n\n', 'data: [DONE] later\n\n'])).done, false, 'only a line that is exactly [DONE]');
  });

  it('leaves other responses alone', async () => {
    const json = new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
    assert.equal(watchForDone(json, () => undefined), json);
    assert.equal((await read(['data: [DONE]\n\n'], 'text/html')).done, false);
  });
});
