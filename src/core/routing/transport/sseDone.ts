/**
 * Watches a server-sent-events body for the `data: [DONE]` line. The client library ends its stream
 * generator the same way whether the server sent `[DONE]` or the connection simply closed, so without
 * this a stream that stopped early (a proxy closing it cleanly, a provider crashing after a flush) would
 * pass for a complete answer. The bytes pass through unchanged.
 */
const DONE_LINE = /^data: ?\[DONE\]$/;

function isEventStream(response: Response): boolean {
  return response.ok && response.body !== null && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
}

/** The same response, whose body calls `onDone` once it carried a `data: [DONE]` line. */
export function watchForDone(response: Response, onDone: () => void): Response {
  if (!isEventStream(response) || response.body === null) return response;
  const decoder = new TextDecoder();
  let partial = '';
  const scan = (text: string, final: boolean): void => {
    const lines = (partial + text).split(/\r\n|\r|\n/);
    partial = final ? '' : (lines.pop() ?? '');
    if (lines.some((line) => DONE_LINE.test(line))) onDone();
  };
  const watcher = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      scan(decoder.decode(chunk, { stream: true }), false);
    },
    flush() {
      scan(decoder.decode(), true);
    },
  });
  return new Response(response.body.pipeThrough(watcher), { status: response.status, statusText: response.statusText, headers: response.headers });
}
