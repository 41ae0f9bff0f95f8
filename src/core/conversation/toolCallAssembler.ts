/**
 * Reassembles streamed OpenAI tool calls. A streamed call arrives as fragments in `choices[0].delta.tool_calls`:
 * the first carries `index`, `id`, `type` and `function.name`, the later ones only `index` and a piece of
 * `function.arguments`. The pieces are cut anywhere (inside a string, inside a `\u00e9` escape), so they are
 * concatenated as raw text and parsed once, at the end. Providers differ, hence the leniency:
 * - some send each call whole in one chunk, some repeat `id` and `name` on every fragment;
 * - some omit `index`: a fragment with a new id or a name starts a new call, a bare argument piece continues
 *   the call at its position in the array (or the latest call);
 * - some send `arguments` as an object instead of a JSON string: that is taken as the whole input.
 */
import { ChatOutputError } from './chatErrors';

/** One entry of `delta.tool_calls`; @huggingface/tasks' ChatCompletionStreamOutputDeltaToolCall fits. */
export interface ToolCallDelta {
  readonly index?: number;
  readonly id?: string;
  readonly type?: string;
  readonly function?: { readonly name?: string; readonly arguments?: unknown };
}

export interface AssembledToolCall {
  readonly callId: string;
  readonly name: string;
  readonly input: object;
}

interface PartialCall {
  id?: string;
  name?: string;
  args: string;
  /** Set when a provider sent the arguments as an object. */
  object?: object;
}

export class ToolCallAssembler {
  private readonly calls = new Map<number, PartialCall>();

  /** Feeds one chunk's `choices[0].delta.tool_calls` (undefined or null when the chunk has none). */
  add(deltas: readonly ToolCallDelta[] | null | undefined): void {
    if (!Array.isArray(deltas)) return;
    deltas.forEach((delta: ToolCallDelta, position: number) => {
      const call = this.slot(delta, position);
      if (delta.id) call.id ??= delta.id;
      const fn = delta.function;
      if (fn?.name) call.name ??= fn.name;
      if (typeof fn?.arguments === 'string') call.args += fn.arguments;
      else if (typeof fn?.arguments === 'object' && fn.arguments !== null) call.object = fn.arguments;
    });
  }

  /** True once any fragment arrived (the glue may stop streaming text then). */
  get hasCalls(): boolean {
    return this.calls.size > 0;
  }

  /**
   * The calls in index order, arguments parsed (empty arguments are `{}`); a call without an id gets
   * `call_<n>`, n its position in this list. Throws ChatOutputError 'tool-arguments' (naming the tool) when
   * the arguments are not a JSON object, 'tool-call' for a call without a name.
   */
  finish(): AssembledToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call], n) => {
        const callId = call.id ?? `call_${n}`;
        if (!call.name) throw new ChatOutputError('tool-call', `The model sent a tool call (${callId}) without a tool name.`);
        return { callId, name: call.name, input: call.object ?? parseArguments(call.name, call.args) };
      });
  }

  private slot(delta: ToolCallDelta, position: number): PartialCall {
    let key: number;
    if (typeof delta.index === 'number') {
      key = delta.index;
    } else {
      const byId = delta.id ? [...this.calls.entries()].find(([, c]) => c.id === delta.id) : undefined;
      if (byId) key = byId[0];
      else if (delta.id || delta.function?.name) key = this.calls.size === 0 ? 0 : Math.max(...this.calls.keys()) + 1;
      else key = this.calls.has(position) ? position : Math.max(0, ...this.calls.keys());
    }
    let call = this.calls.get(key);
    if (!call) {
      call = { args: '' };
      this.calls.set(key, call);
    }
    return call;
  }
}

function parseArguments(name: string, text: string): object {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ChatOutputError('tool-arguments', `The model's call to the tool "${name}" has arguments that are not valid JSON: ${preview(text)}`, name);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ChatOutputError('tool-arguments', `The model's call to the tool "${name}" has arguments that are not a JSON object: ${preview(text)}`, name);
  }
  return parsed;
}

function preview(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
