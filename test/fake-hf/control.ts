// Typed client of the fake's `/__fake/*` control API, for processes that did not start the fake
// (e.g. e2e tests in a VS Code extension host). Uses the global fetch; any listener URL works.
import { deserializeRequest, type FakeUrls, type SerializedRequest } from './controlApi';
import type { Fault, FaultMatch } from './faults';
import type { RecordedRequest } from './http';
import type { FakeCommit, FakeToolCall } from './state';

export class FakeHfControl {
  private readonly origin: string;

  /** `baseUrl`: any of the fake's URLs (hub, router, datasets-server, or openai `.../v1`). */
  constructor(baseUrl: string) {
    this.origin = new URL(baseUrl).origin;
  }

  async urls(): Promise<FakeUrls> {
    return (await this.call('GET', '/__fake/urls')) as FakeUrls;
  }

  async setFault(match: FaultMatch, fault: Fault): Promise<void> {
    await this.call('POST', '/__fake/faults', { match, fault });
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/__fake/faults');
  }

  /** Clears faults, recorded requests, chat replies and tool calls. */
  async reset(): Promise<void> {
    await this.call('POST', '/__fake/reset');
  }

  async requests(): Promise<RecordedRequest[]> {
    const list = (await this.call('GET', '/__fake/requests')) as SerializedRequest[];
    return list.map(deserializeRequest);
  }

  async setChatReply(model: string, text: string): Promise<void> {
    await this.call('POST', '/__fake/chat-reply', { model, text });
  }

  /** Text completions / generations of `model` ('*': any) answer with `text`. */
  async setCompletionReply(model: string, text: string): Promise<void> {
    await this.call('POST', '/__fake/completion-reply', { model, text });
  }

  /** Chats with `model` ('*': any model) that declare tools are answered with this tool call (see FakeHf.setChatToolCall). */
  async setChatToolCall(model: string, call: FakeToolCall): Promise<void> {
    await this.call('POST', '/__fake/chat-tool-call', { model, ...call });
  }

  /** Commits the fake accepted since the last reset, in order. */
  async commits(): Promise<FakeCommit[]> {
    return (await this.call('GET', '/__fake/commits')) as FakeCommit[];
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.origin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`fake-hf control ${method} ${path} failed (${res.status}): ${JSON.stringify(json)}`);
    return json;
  }
}
