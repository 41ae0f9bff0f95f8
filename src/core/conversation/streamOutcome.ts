/**
 * How a streamed chat answer ended. The client library ends its stream the same way whether the provider
 * finished or the connection was closed early, so the finish reason is what tells them apart: a stream that
 * carried none was cut off, and what arrived must not pass for a whole answer.
 */
import { ChatOutputError } from './chatErrors';
import type { AssembledToolCall, ToolCallAssembler } from './toolCallAssembler';

export type StreamOutcome =
  /** The model wants these tools called; the conversation continues with their results. */
  | { readonly kind: 'toolCalls'; readonly calls: readonly AssembledToolCall[] }
  /** A finished answer; `truncated` when it stopped at max_tokens ('length'). */
  | { readonly kind: 'complete'; readonly truncated: boolean; readonly finishReason: string };

/**
 * Decides the end of a stream from the last `finish_reason` seen (undefined or null when none came) and the
 * tool-call fragments gathered. Tool calls win whatever the reason: some providers report 'stop' with calls.
 * Throws ChatOutputError 'cut-off' without a finish reason, 'tool-call' for 'tool_calls' without any call,
 * and what ToolCallAssembler.finish throws (arguments cut at 'length' do not parse).
 */
export function streamOutcome(finishReason: string | null | undefined, tools: ToolCallAssembler): StreamOutcome {
  if (!finishReason) {
    throw new ChatOutputError('cut-off', "The model's answer was cut off before it finished (the stream ended without a finish reason). Try again.");
  }
  const calls = tools.finish();
  if (calls.length > 0) return { kind: 'toolCalls', calls };
  if (finishReason === 'tool_calls') throw new ChatOutputError('tool-call', 'The model said it was calling a tool but sent no tool call.');
  return { kind: 'complete', truncated: finishReason === 'length', finishReason };
}
