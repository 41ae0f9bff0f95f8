/**
 * VS Code's chat messages and tools in the neutral shape of core/conversation/chatMessages.ts, which turns them into the
 * OpenAI conversation the router takes. Images arrive as `LanguageModelDataPart`s (stable in VS Code 1.106; read
 * by shape here, so the extension still runs on 1.104, where none are sent).
 */
import * as vscode from 'vscode';
import type { ChatPart, NeutralMessage, NeutralTool } from '../core/conversation/chatMessages';

interface DataPartLike {
  readonly mimeType: string;
  readonly data: Uint8Array;
}

function isDataPart(part: unknown): part is DataPartLike {
  const p = part as Partial<DataPartLike> | null;
  return typeof p === 'object' && p !== null && typeof p.mimeType === 'string' && p.data instanceof Uint8Array;
}

/** A tool result's content as text (text parts joined; data parts of text or JSON decoded; anything else said so). */
function toolResultText(content: readonly unknown[]): string {
  return content
    .map((part) => {
      if (part instanceof vscode.LanguageModelTextPart) return part.value;
      if (isDataPart(part) && /^(text\/|application\/json)/.test(part.mimeType)) return new TextDecoder().decode(part.data);
      if (isDataPart(part)) return `[${part.mimeType} data]`;
      return typeof part === 'string' ? part : JSON.stringify(part);
    })
    .join('');
}

function partOf(part: unknown): ChatPart | undefined {
  if (part instanceof vscode.LanguageModelTextPart) return { kind: 'text', text: part.value };
  if (part instanceof vscode.LanguageModelToolCallPart) return { kind: 'toolCall', callId: part.callId, name: part.name, input: part.input };
  if (part instanceof vscode.LanguageModelToolResultPart) return { kind: 'toolResult', callId: part.callId, content: toolResultText(part.content) };
  if (isDataPart(part) && part.mimeType.startsWith('image/')) return { kind: 'image', mimeType: part.mimeType, data: part.data };
  // Other data parts (cache hints, prompt metadata) are not for the model.
  return undefined;
}

export function neutralMessages(messages: readonly vscode.LanguageModelChatRequestMessage[]): NeutralMessage[] {
  return messages.map((message) => ({
    role: message.role === vscode.LanguageModelChatMessageRole.Assistant ? 'assistant' : message.role === vscode.LanguageModelChatMessageRole.User ? 'user' : 'system',
    parts: message.content.map(partOf).filter((p): p is ChatPart => p !== undefined),
  }));
}

export function neutralTools(tools: readonly vscode.LanguageModelChatTool[] | undefined): NeutralTool[] {
  return (tools ?? []).map((t) => ({ name: t.name, description: t.description, ...(t.inputSchema ? { inputSchema: t.inputSchema } : {}) }));
}

/** The text of a message (for token counts and the request's `prompt`). */
export function messageText(message: NeutralMessage): string {
  return message.parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'toolResult' ? p.content : p.kind === 'toolCall' ? `${p.name}(${JSON.stringify(p.input)})` : '')).join('');
}
