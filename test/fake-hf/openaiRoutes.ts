// Route table of a local OpenAI-compatible server (like Ollama or vLLM) under /v1: model list, chat completions
// and text completions (`prompt` + optional `suffix`, as Ollama and vLLM take fill-in-the-middle), streamed or not. Any bearer token, or none, is accepted. Errors use the OpenAI error shape.
import { generateText } from './answers';
import { answerChat, answerCompletion } from './chat';
import { isRecord, sendJson, type RouteContext, type RouteMatch, type RouteTable } from './http';

export const OPENAI_MODELS = ['llama3.2:3b', 'qwen2.5-coder:7b', 'mistral:7b', 'meta-llama/Llama-3.1-8B-Instruct'];
const CREATED = 1735689600; // 2025-01-01

function servedModels(ctx: RouteContext): string[] {
  const extra = [...ctx.state.chatReplies.keys()].filter((m) => m !== '*' && !OPENAI_MODELS.includes(m));
  return [...OPENAI_MODELS, ...extra];
}

function openaiError(ctx: RouteContext, status: number, message: string, type: string, code: string | null): void {
  sendJson(ctx, status, { error: { message, type, param: null, code } });
}

function listModels(ctx: RouteContext): void {
  sendJson(ctx, 200, { object: 'list', data: servedModels(ctx).map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'library' })) });
}

async function chatCompletions(ctx: RouteContext): Promise<void> {
  const body = ctx.body;
  if (!isRecord(body)) return openaiError(ctx, 400, 'Request body must be a JSON object', 'invalid_request_error', null);
  const model = body.model;
  if (typeof model !== 'string' || !servedModels(ctx).includes(model)) {
    return openaiError(ctx, 404, `The model \`${String(model)}\` does not exist.`, 'invalid_request_error', 'model_not_found');
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return openaiError(ctx, 400, "'messages' must be a non-empty array", 'invalid_request_error', null);
  }
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  await answerChat(ctx, { replyModel: model, responseModel: model, messages: body.messages, tools: body.tools, maxTokens, stream: body.stream === true });
}

async function textCompletions(ctx: RouteContext): Promise<void> {
  const body = ctx.body;
  if (!isRecord(body)) return openaiError(ctx, 400, 'Request body must be a JSON object', 'invalid_request_error', null);
  const model = body.model;
  if (typeof model !== 'string' || !servedModels(ctx).includes(model)) {
    return openaiError(ctx, 404, `The model \`${String(model)}\` does not exist.`, 'invalid_request_error', 'model_not_found');
  }
  if (typeof body.prompt !== 'string') return openaiError(ctx, 400, "'prompt' must be a string", 'invalid_request_error', null);
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  await answerCompletion(ctx, { model, text: ctx.state.completionReply(model) ?? generateText(model, body.prompt), maxTokens, stream: body.stream === true });
}

export const openaiRoutes: RouteTable = (ctx): RouteMatch | undefined => {
  if (ctx.method === 'POST' && ctx.path === '/v1/completions') {
    const model = isRecord(ctx.body) && typeof ctx.body.model === 'string' ? [ctx.body.model] : [];
    return { handler: textCompletions, models: model };
  }
  if (ctx.method === 'GET' && ctx.path === '/v1/models') return { handler: listModels };
  if (ctx.method === 'POST' && ctx.path === '/v1/chat/completions') {
    const model = isRecord(ctx.body) && typeof ctx.body.model === 'string' ? [ctx.body.model] : [];
    return { handler: chatCompletions, models: model };
  }
  return undefined;
};
