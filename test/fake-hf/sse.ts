// Server-sent events as the HF router and OpenAI-compatible servers send them:
// `data: <json>\n\n` per chunk, ending with `data: [DONE]\n\n`. Stream faults act here:
// - cut-stream destroys the socket after N events (no [DONE], no clean end): a network error mid-stream;
// - end-without-done ends the response cleanly after N events: no [DONE] and, since the finish chunk is the
//   last event, no finish_reason either; the client library sees a normal end of stream;
// - stall sends N events, then nothing for a while, then the rest.
import { delay, type RouteContext } from './http';

export class SseWriter {
  private sent = 0;
  private closed = false;
  private stalled = false;

  constructor(private readonly ctx: RouteContext) {
    ctx.res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    ctx.res.flushHeaders();
  }

  /** False once the stream was cut or ended early, or the client left; callers stop producing then. */
  get open(): boolean {
    return !this.closed && !this.ctx.res.destroyed && !this.ctx.signal.aborted;
  }

  async send(data: unknown): Promise<boolean> {
    if (!(await this.beforeEvent())) return false;
    await this.write(`data: ${JSON.stringify(data)}\n\n`);
    this.sent += 1;
    return this.endIfLimitReached();
  }

  /** Ends with `data: [DONE]`, unless a stream fault ends the stream first. */
  async done(): Promise<void> {
    if (!(await this.beforeEvent())) return;
    await this.write('data: [DONE]\n\n');
    this.ctx.res.end();
  }

  /** Applies a due stall and the stream-ending faults; false when nothing more may be written. */
  private async beforeEvent(): Promise<boolean> {
    if (!this.open) return false;
    const stall = this.ctx.stall;
    if (stall && !this.stalled && this.sent >= stall.afterChunks) {
      this.stalled = true;
      try {
        await delay(stall.delayMs, this.ctx.signal);
      } catch {
        return false; // the client gave up waiting
      }
      if (!this.open) return false;
    }
    return this.endIfLimitReached();
  }

  private endIfLimitReached(): boolean {
    const { cutAfterChunks, endAfterChunks } = this.ctx;
    if (cutAfterChunks !== undefined && this.sent >= cutAfterChunks) {
      this.closed = true;
      this.ctx.res.socket?.destroy();
      return false;
    }
    if (endAfterChunks !== undefined && this.sent >= endAfterChunks) {
      this.closed = true;
      this.ctx.res.end();
      return false;
    }
    return true;
  }

  /** Resolves once the bytes reached the socket, so a following destroy cannot drop them. */
  private write(text: string): Promise<void> {
    return new Promise((resolve) => {
      this.ctx.res.write(text, () => resolve());
    });
  }
}
