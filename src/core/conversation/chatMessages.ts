/**
 * A chat conversation in a neutral shape (independent of VS Code's LanguageModelChatMessage) and its conversion
 * to OpenAI chat-completions messages and tools, the format the Hugging Face router speaks. The glue maps
 * VS Code parts to ChatPart; everything OpenAI-specific (tool messages, data URLs, tool_choice) happens here.
 *
 * The OpenAI types are type aliases, not interfaces, so they are assignable to @huggingface/tasks'
 * ChatCompletionInputMessage / ChatCompletionInputTool (which carry index signatures) without a cast.
 */
import { ChatInputError } from './chatErrors';

export type ChatPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'image'; readonly mimeType: string; readonly data: Uint8Array }
  /** The assistant asked for a tool; `input` is the parsed arguments object. */
  | { readonly kind: 'toolCall'; readonly callId: string; readonly name: string; readonly input: unknown }
  /** The result of a tool call, flattened to text by the glue. */
  | { readonly kind: 'toolResult'; readonly callId: string; readonly content: string };

export interface NeutralMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly parts: readonly ChatPart[];
}

export interface NeutralTool {
  readonly name: string;
  readonly description: string;
  /** JSON schema of the input; OpenAI wants an object schema, so a missing one becomes an empty object schema. */
  readonly inputSchema?: object;
}

export type OpenAiTextPart = { type: 'text'; text: string };
export type OpenAiImagePart = { type: 'image_url'; image_url: { url: string } };
export type OpenAiContentPart = OpenAiTextPart | OpenAiImagePart;
export type OpenAiToolCall = { id: string; type: 'function'; function: { name: string; arguments: string } };

/**
 * One OpenAI chat message. An assistant message that only calls tools has no `content` at all: OpenAI accepts
 * that, and @huggingface/tasks types `content` as optional but not nullable.
 */
export type OpenAiMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | OpenAiContentPart[] }
  | { role: 'assistant'; content?: string; tool_calls?: OpenAiToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export type OpenAiTool = { type: 'function'; function: { name: string; description: string; parameters: object } };

/** OpenAI `tool_choice`: a mode, or one function by name. */
export type OpenAiToolChoice = 'auto' | 'required' | { type: 'function'; function: { name: string } };

export interface ConversionOptions {
  /** The model's id, for the message when it cannot take images. */
  readonly model: string;
  /** The model accepts image_url content (the router lists 'image' in its input_modalities). */
  readonly imageInput: boolean;
}

/**
 * Converts a conversation to OpenAI messages.
 * - Consecutive text parts merge into one text; a user message with images becomes a list of content parts
 *   (text and `image_url` data URLs, in their order), without images it stays a plain string.
 * - Assistant tool calls become `tool_calls` (arguments as a JSON string).
 * - Tool results arrive in VS Code inside a user message; each becomes its own `role: 'tool'` message, placed
 *   before the rest of that user message, hence right after the assistant message that made the calls.
 *   A result whose call is not in the preceding assistant message (history trimmed by the editor) would be
 *   rejected by the provider as an orphan, so it is kept as user text instead.
 * Throws ChatInputError: 'images-not-supported' when images go to a model without image input,
 * 'invalid-message' for a part OpenAI has no place for (images or tool results from the assistant, tool calls
 * from the user, anything but text in a system message).
 */
export function toOpenAiMessages(messages: readonly NeutralMessage[], opts: ConversionOptions): OpenAiMessage[] {
  const out: OpenAiMessage[] = [];
  let openCalls = new Set<string>();
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        out.push({ role: 'system', content: systemText(message) });
        openCalls = new Set();
        break;
      case 'assistant': {
        const converted = assistantMessage(message);
        out.push(converted);
        openCalls = new Set((converted.tool_calls ?? []).map((c) => c.id));
        break;
      }
      case 'user':
        out.push(...userMessages(message, openCalls, opts));
        openCalls = new Set();
        break;
    }
  }
  return out;
}

function invalid(role: string, kind: string): ChatInputError {
  return new ChatInputError('invalid-message', `A ${role} message cannot carry a ${kind} part.`);
}

function systemText(message: NeutralMessage): string {
  return message.parts
    .map((p) => {
      if (p.kind !== 'text') throw invalid('system', p.kind);
      return p.text;
    })
    .join('');
}

function assistantMessage(message: NeutralMessage): Extract<OpenAiMessage, { role: 'assistant' }> {
  let text = '';
  const calls: OpenAiToolCall[] = [];
  for (const p of message.parts) {
    if (p.kind === 'text') text += p.text;
    else if (p.kind === 'toolCall') calls.push({ id: p.callId, type: 'function', function: { name: p.name, arguments: JSON.stringify(p.input ?? {}) } });
    else throw invalid('assistant', p.kind);
  }
  if (calls.length === 0) return { role: 'assistant', content: text };
  return text === '' ? { role: 'assistant', tool_calls: calls } : { role: 'assistant', content: text, tool_calls: calls };
}

function userMessages(message: NeutralMessage, openCalls: ReadonlySet<string>, opts: ConversionOptions): OpenAiMessage[] {
  const tools: OpenAiMessage[] = [];
  const content: OpenAiContentPart[] = [];
  const addText = (text: string): void => {
    const last = content[content.length - 1];
    if (last?.type === 'text') last.text += text;
    else content.push({ type: 'text', text });
  };
  for (const p of message.parts) {
    switch (p.kind) {
      case 'text':
        addText(p.text);
        break;
      case 'image':
        if (!opts.imageInput) {
          throw new ChatInputError('images-not-supported', `${opts.model} does not take images; pick a model marked with image input.`);
        }
        content.push({ type: 'image_url', image_url: { url: dataUrl(p.mimeType, p.data) } });
        break;
      case 'toolResult':
        if (openCalls.has(p.callId)) tools.push({ role: 'tool', tool_call_id: p.callId, content: p.content });
        else addText(`Result of tool call ${p.callId}:\n${p.content}`);
        break;
      case 'toolCall':
        throw invalid('user', p.kind);
    }
  }
  if (content.length === 0 && tools.length > 0) return tools;
  const hasImage = content.some((c) => c.type === 'image_url');
  const user: OpenAiMessage = { role: 'user', content: hasImage ? content : content.map((c) => (c.type === 'text' ? c.text : '')).join('') };
  return [...tools, user];
}

/** `data:<mime>;base64,<data>`; btoa is in Node and in browsers, so the core stays portable. */
export function dataUrl(mimeType: string, data: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < data.length; i += CHUNK) binary += String.fromCharCode(...data.subarray(i, i + CHUNK));
  return `data:${mimeType};base64,${btoa(binary)}`;
}

/** VS Code's tool declarations as OpenAI function tools. */
export function toOpenAiTools(tools: readonly NeutralTool[]): OpenAiTool[] {
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.inputSchema ?? { type: 'object', properties: {} } },
  }));
}

/**
 * OpenAI `tool_choice` for VS Code's tool mode; undefined when there are no tools (then nothing is sent).
 * 'required' with exactly one tool names it: the stronger form, which also reaches providers that know
 * named functions but not 'required'. Throws ChatInputError 'no-tools' for 'required' without tools.
 */
export function toolChoice(mode: 'auto' | 'required', tools: readonly NeutralTool[]): OpenAiToolChoice | undefined {
  if (mode === 'required') {
    if (tools.length === 0) throw new ChatInputError('no-tools', 'A tool call was required, but no tools were given.');
    return tools.length === 1 ? { type: 'function', function: { name: tools[0].name } } : 'required';
  }
  return tools.length === 0 ? undefined : 'auto';
}
