// The fake Hugging Face: four HTTP listeners on 127.0.0.1, one per real host, each with its own route table.
// Every request is recorded, matched against injected faults, then answered by its route.
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl, type ControlTarget } from './controlApi';
import { datasetsServerRoutes } from './datasetsServerRoutes';
import { applyFault, type Fault, type FaultMatch } from './faults';
import { hubRoutes } from './hubRoutes';
import { resetSpaceRuntimes, setSpaceBuildOptions, startSpaceBuild, type SpaceBuildOptions } from './spaceRuntime';
import { spaceRuntimeRoutes } from './spaceRuntimeRoutes';
import { sendError, type ListenerName, type RecordedRequest, type RouteContext, type RouteTable } from './http';
import { openaiRoutes } from './openaiRoutes';
import { routerRoutes } from './routerRoutes';
import { FakeState, type FakeToolCall } from './state';

export type { Fault, FaultMatch } from './faults';
export type { ListenerName, RecordedRequest } from './http';
export { READONLY_TOKEN, VALID_TOKEN, FAKE_USER, FAKE_ORG } from './state';
export type { FakeCommit, FakeToolCall } from './state';

export interface FakeHf extends ControlTarget {
  /** `http://127.0.0.1:PORT`, stands for https://huggingface.co */
  readonly hubUrl: string;
  /** `http://127.0.0.1:PORT`, stands for https://router.huggingface.co */
  readonly routerUrl: string;
  /** `http://127.0.0.1:PORT`, stands for https://datasets-server.huggingface.co */
  readonly datasetsServerUrl: string;
  /** `http://127.0.0.1:PORT/v1`, an OpenAI-compatible server (Ollama/vLLM-like) */
  readonly openaiUrl: string;
  /** Every non-control request, in arrival order (cleared in place by reset()). */
  readonly requests: RecordedRequest[];
  /** Tokens accepted as valid; add or delete freely. */
  readonly tokens: Set<string>;
  setFault(match: FaultMatch, fault: Fault): void;
  /** Space builds: time between build log lines, and whether the next builds fail (BUILD_ERROR). */
  setSpaceBuildOptions(options: Partial<SpaceBuildOptions>): void;
  /** Starts a build of a Space (as a commit to it does); false for an unknown Space. */
  startSpaceBuild(spaceId: string): boolean;
  clearFaults(): void;
  /** Clears faults, recorded requests, chat replies and tool calls. */
  reset(): void;
  /** Reply text for chats with `model` ('*' applies to every model without its own reply). */
  setChatReply(model: string, text: string): void;
  /**
   * Chats with `model` ('*' applies to every model without its own) that declare `tools` are answered with this
   * tool call (streamed in small argument pieces, finish_reason 'tool_calls'), until the conversation ends in
   * `role: 'tool'` messages: then the reply is text quoting the results ("Tool said: …").
   */
  setChatToolCall(model: string, call: FakeToolCall): void;
  /** Text completions and text generations of `model` ('*': any) answer with `text` (ghost text in completion tests). */
  setCompletionReply(model: string, text: string): void;
  /** Closes all listeners and destroys every socket, including kept-alive and slow ones. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Port of the hub listener; router, datasets-server and openai use the next three. Default 0 (random). */
  port?: number;
}

const MAX_BODY = 32 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: string): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

class FakeHfServer implements FakeHf {
  readonly state = new FakeState();
  readonly requests = this.state.requests;
  readonly commits = this.state.commits;
  readonly tokens = this.state.tokens;
  hubUrl = '';
  routerUrl = '';
  datasetsServerUrl = '';
  openaiUrl = '';
  private readonly servers: Server[] = [];
  private readonly closing = new AbortController();

  constructor() {
    // Every request in flight listens for the server closing (and stops listening when it ends): more than
    // Node's default of 10 at once is normal for a server, not a leak.
    setMaxListeners(0, this.closing.signal);
  }

  async start(basePort: number): Promise<void> {
    const tables: [ListenerName, RouteTable][] = [
      ['hub', (ctx) => spaceRuntimeRoutes(ctx) ?? hubRoutes(ctx)],
      ['router', routerRoutes],
      ['datasetsServer', datasetsServerRoutes],
      ['openai', openaiRoutes],
    ];
    const urls: string[] = [];
    for (const [i, [name, table]] of tables.entries()) {
      urls.push(await this.listen(name, table, basePort === 0 ? 0 : basePort + i));
    }
    [this.hubUrl, this.routerUrl, this.datasetsServerUrl] = urls;
    this.openaiUrl = `${urls[3]}/v1`;
  }

  private listen(name: ListenerName, table: RouteTable, port: number): Promise<string> {
    const server = createServer((req, res) => void this.dispatch(name, table, req, res, server));
    this.servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    });
  }

  private async dispatch(listener: ListenerName, table: RouteTable, req: IncomingMessage, res: ServerResponse, server: Server): Promise<void> {
    const aborter = new AbortController();
    const abort = (): void => aborter.abort();
    this.closing.signal.addEventListener('abort', abort, { once: true });
    let recorded: RecordedRequest | undefined;
    res.on('close', () => {
      if (recorded && !res.writableFinished) recorded.aborted = true;
      abort();
      this.closing.signal.removeEventListener('abort', abort);
    });
    res.setHeader('x-request-id', this.state.nextId(`fake-${listener}`));
    try {
      const rawBody = await readBody(req);
      // Binary uploads (LFS objects) are kept as bytes; everything else is read as text / JSON.
      const raw = (req.headers['content-type'] ?? '').startsWith('application/octet-stream') || req.method === 'PUT' ? '' : rawBody.toString('utf8');
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const url = new URL(req.url ?? '/', baseUrl);
      const method = (req.method ?? 'GET').toUpperCase();
      const headers = lowerHeaders(req);
      const body = parseBody(raw);
      const ctx: RouteContext = { listener, req, res, method, path: url.pathname, query: url.searchParams, headers, body, rawBody, baseUrl, state: this.state, signal: aborter.signal };
      if (url.pathname.startsWith('/__fake/')) return handleControl(ctx, this);
      recorded = { listener, method, path: url.pathname, url: req.url ?? '/', query: new URLSearchParams(url.searchParams), headers, body };
      this.requests.push(recorded);
      const match = table(ctx) ?? { handler: (c: RouteContext) => sendError(c, 404, 'Not Found') };
      const models = match.models ?? [];
      const fault = this.state.faults.take({ listener, path: url.pathname, models });
      if (fault && !(await applyFault(ctx, fault, models))) return;
      await match.handler(ctx);
    } catch (err) {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: `fake-hf internal error: ${String(err)}` }));
      } else {
        res.destroy();
      }
    }
  }

  setFault(match: FaultMatch, fault: Fault): void {
    this.state.faults.add(match, fault);
  }

  setSpaceBuildOptions(options: Partial<SpaceBuildOptions>): void {
    setSpaceBuildOptions(this.state, options);
  }

  startSpaceBuild(spaceId: string): boolean {
    return startSpaceBuild(this.state, spaceId);
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  reset(): void {
    this.state.reset();
    resetSpaceRuntimes(this.state);
  }

  setChatReply(model: string, text: string): void {
    this.state.chatReplies.set(model, text);
  }

  setChatToolCall(model: string, call: FakeToolCall): void {
    this.state.chatToolCalls.set(model, call);
  }

  setCompletionReply(model: string, text: string): void {
    this.state.completionReplies.set(model, text);
  }

  async close(): Promise<void> {
    this.closing.abort();
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
  }
}

export async function startFakeHf(options: StartOptions = {}): Promise<FakeHf> {
  const fake = new FakeHfServer();
  try {
    await fake.start(options.port ?? 0);
  } catch (err) {
    await fake.close();
    throw err;
  }
  return fake;
}
