/**
 * The benchmark's view of the wire for streamed chat: splits server-sent events and, as a stand-in for
 * the network, re-delivers them at a steady pace while recording when each token event arrived.
 */
import { performance } from 'node:perf_hooks';

/** Complete events (`data: …` blocks ended by a blank line) in `buffer`, and the unfinished rest. */
export function splitSseEvents(buffer: string): { events: string[]; rest: string } {
  const normalized = buffer.replace(/\r\n/g, '\n');
  const parts = normalized.split('\n\n');
  const rest = parts.pop() ?? '';
  return { events: parts.filter((p) => p.trim() !== ''), rest };
}

/** True for an event that carries chat text (not the role-only, finish or [DONE] events). */
export function isTokenEvent(event: string): boolean {
  const data = event
    .split('\n')
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trim())
    .join('\n');
  if (data === '' || data === '[DONE]') return false;
  try {
    const parsed = JSON.parse(data) as { choices?: { delta?: { content?: unknown } }[] };
    const content = parsed.choices?.[0]?.delta?.content;
    return typeof content === 'string' && content !== '';
  } catch {
    return false;
  }
}

/** Tokens per second over a stream: intervals between the first and the last token (n tokens, n - 1 gaps). */
export function tokensPerSecond(times: readonly number[]): number {
  if (times.length < 2) return Number.NaN;
  const span = times[times.length - 1] - times[0];
  return span > 0 ? ((times.length - 1) * 1000) / span : Number.POSITIVE_INFINITY;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A fetch whose event-stream responses are re-delivered one event every `paceMs` (a provider generating
 * tokens at a steady rate), pushing the time each token event is handed to the client into `received`.
 */
export function pacedSseFetch(base: typeof fetch, paceMs: number, received: number[]): typeof fetch {
  const paced = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await base(input, init);
    if (!response.body || !(response.headers.get('content-type') ?? '').includes('text/event-stream')) return response;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let buffer = '';
    let pending: string[] = [];
    let upstreamDone = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        while (pending.length === 0 && !upstreamDone) {
          const { value, done } = await reader.read();
          if (done) {
            upstreamDone = true;
            break;
          }
          const split = splitSseEvents(buffer + decoder.decode(value, { stream: true }));
          buffer = split.rest;
          pending = split.events;
        }
        const event = pending.shift();
        if (event === undefined) {
          controller.close();
          return;
        }
        await sleep(paceMs);
        if (isTokenEvent(event)) received.push(performance.now());
        controller.enqueue(encoder.encode(`${event}\n\n`));
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return paced as typeof fetch;
}
