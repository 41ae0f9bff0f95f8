/**
 * Errors of the chat protocol layer, typed so the glue can tell "the request we were asked to send is not
 * possible" (ChatInputError: say so to the user, trying another model will not help unless it takes images)
 * from "the model's answer is unusable" (ChatOutputError: the answer was cut off, or a tool call is broken).
 * Messages are written to be shown as they are.
 */

export type ChatInputErrorCode =
  /** An image was attached but the chosen model reads text only. */
  | 'images-not-supported'
  /** A part where OpenAI chat has no place for it (an image from the assistant, a tool call from the user). */
  | 'invalid-message'
  /** Tool mode 'required' without any tool to call. */
  | 'no-tools';

export class ChatInputError extends Error {
  constructor(
    readonly code: ChatInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChatInputError';
  }
}

export type ChatOutputErrorCode =
  /** A tool call's arguments are not a JSON object. */
  | 'tool-arguments'
  /** A tool call without a name, or a finish reason of tool_calls without any call. */
  | 'tool-call'
  /** The stream ended without a finish reason. */
  | 'cut-off';

export class ChatOutputError extends Error {
  constructor(
    readonly code: ChatOutputErrorCode,
    message: string,
    /** The tool whose call is broken, for 'tool-arguments' and 'tool-call'. */
    readonly toolName?: string,
  ) {
    super(message);
    this.name = 'ChatOutputError';
  }
}
