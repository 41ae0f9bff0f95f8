// Server-sent events as the HF router and OpenAI-compatible servers send them:
// `data: <json>\n\n` per chunk, ending with `data: [DONE]\n\n`. A cut-stream fault destroys the socket
// after N events (no [DONE], no clean end), which clients see as a network error mid-stream.
import type { RouteContext } from './http';

export class SseWriter {
  private sent = 0;
  private cut = false;

  constructor(private readonly ctx: RouteContext) {
    ctx.res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    ctx.res.flushHeaders();
  }

  /** False once the stream was cut or the client left; callers stop producing then. */
  get open(): boolean {
    return !this.cut && !this.ctx.res.destroyed && !this.ctx.signal.aborted;
  }

  async send(data: unknown): Promise<boolean> {
    if (!this.open) return false;
    if (this.limitReached()) return this.cutNow();
    await this.write(`data: ${JSON.stringify(data)}\n\n`);
    this.sent += 1;
    return this.limitReached() ? this.cutNow() : true;
  }

  /** Ends with `data: [DONE]`, unless a cut-stream fault ends the stream first. */
  async done(): Promise<void> {
    if (!this.open) return;
    if (this.limitReached()) {
      this.cutNow();
      return;
    }
    await this.write('data: [DONE]\n\n');
    this.ctx.res.end();
  }

  private limitReached(): boolean {
    return this.ctx.cutAfterChunks !== undefined && this.sent >= this.ctx.cutAfterChunks;
  }

  private cutNow(): false {
    this.cut = true;
    this.ctx.res.socket?.destroy();
    return false;
  }

  /** Resolves once the bytes reached the socket, so a following destroy cannot drop them. */
  private write(text: string): Promise<void> {
    return new Promise((resolve) => {
      this.ctx.res.write(text, () => resolve());
    });
  }
}
