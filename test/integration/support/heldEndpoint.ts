// A tiny OpenAI-compatible chat endpoint, run by a case inside the extension host, whose answer the case releases
// when it chooses. The fake HF server answers as fast as it can (or after a fixed delay), so "the stream is still
// running" or "the request is still waiting" could only be arranged with timing; here the case holds the answer,
// so cancelling mid-stream or editing while the request waits is a fact of the setup, not a race. Configured as a
// local endpoint in `huggingFace.endpoints`, which the default routing policy (preferFreeLocal) tries first.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './waits';

interface HeldRequest {
  readonly path: string;
  readonly streaming: boolean;
  readonly response: ServerResponse;
  readonly parts: string[];
}

export class HeldChatEndpoint {
  private current: HeldRequest | undefined;
  private clientLeft = false;
  /** Paths of the POSTs received (e.g. `/v1/chat/completions`). */
  readonly requests: string[] = [];

  private constructor(
    private readonly server: Server,
    /** `http://127.0.0.1:<port>/v1`, the endpoint's baseUrl. */
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<HeldChatEndpoint> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const held = new HeldChatEndpoint(server, `http://127.0.0.1:${port}/v1`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void held.onRequest(req, res));
    return held;
  }

  /** The setting value that makes this the endpoint for `tasks`. */
  setting(tasks: string[]): { id: string; baseUrl: string; model: string; tasks: string[] }[] {
    return [{ id: 'held-local', baseUrl: this.baseUrl, model: 'held-model', tasks }];
  }

  /** Resolves once a chat request arrived and is being held. */
  async waitForRequest(timeoutMs = 30_000): Promise<void> {
    await waitFor('a chat request at the held endpoint', () => this.current !== undefined, { timeoutMs });
  }

  /** Streams one chunk of the reply (streaming requests only). */
  send(content: string): void {
    const held = this.held();
    if (!held.streaming) throw new Error('the held request does not stream');
    held.parts.push(content);
    this.writeChunk(held, { index: 0, delta: { content }, finish_reason: null });
  }

  /** Ends the reply: the final stream events, or the whole JSON completion (`content`) for a plain request. */
  finish(content = ''): void {
    const held = this.held();
    if (held.streaming) {
      if (content) this.send(content);
      this.writeChunk(held, { index: 0, delta: {}, finish_reason: 'stop' });
      held.response.end('data: [DONE]\n\n');
      return;
    }
    const body = { id: 'held-1', object: 'chat.completion', created: 0, model: 'held-model', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] };
    held.response.writeHead(200, { 'Content-Type': 'application/json' });
    held.response.end(JSON.stringify(body));
  }

  /** Resolves when the client closed the connection before the reply ended (e.g. the request was cancelled). */
  async waitForClientToLeave(timeoutMs = 10_000): Promise<void> {
    await waitFor('the client to close the held request', () => this.clientLeft, { timeoutMs });
  }

  async dispose(): Promise<void> {
    this.current?.response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The model list is answered at once, as any OpenAI-compatible server does: the chat model picker reads it
    // (GET /v1/models) whenever it likes, and it must never take the place of the held chat request.
    if (req.method === 'GET' && (req.url ?? '').endsWith('/models')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'held-model', object: 'model', created: 0, owned_by: 'held' }] }));
      return;
    }
    this.requests.push(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { stream?: unknown };
    const streaming = body.stream === true;
    if (streaming) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.flushHeaders();
    }
    res.on('close', () => {
      if (!res.writableEnded) this.clientLeft = true;
    });
    this.current = { path: req.url ?? '', streaming, response: res, parts: [] };
  }

  private held(): HeldRequest {
    if (!this.current) throw new Error('no request is being held');
    return this.current;
  }

  private writeChunk(held: HeldRequest, choice: object): void {
    held.response.write(`data: ${JSON.stringify({ id: 'held-1', object: 'chat.completion.chunk', created: 0, model: 'held-model', choices: [choice] })}\n\n`);
  }
}
