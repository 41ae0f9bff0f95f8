// Route table of the fake router.huggingface.co: the auto chat router, per-provider chat, and hf-inference
// (task routes, chat, text completions). Every route needs `Authorization: Bearer <known token>`.
import { generateText } from './answers';
import { hexId, type ModelEntry, type ProviderMapping } from './catalogTypes';
import { answerChat, answerCompletion } from './chat';
import { stripSuffix } from './faults';
import { bearerToken, decodeSegments, INVALID_CREDENTIALS, isRecord, sendError, sendJson, type RouteContext, type RouteMatch, type RouteTable } from './http';
import { FAKE_USER } from './state';
import { handleTask } from './taskRoutes';

/** Providers the router knows even if no catalog model maps to them. */
const KNOWN_PROVIDERS = ['together', 'groq', 'cerebras', 'novita', 'fireworks-ai', 'nebius', 'hyperbolic', 'sambanova', 'featherless-ai', 'nscale', 'scaleway', 'cohere', 'fal-ai', 'replicate', 'ovhcloud', 'publicai', 'zai-org', 'baseten', 'deepinfra', 'openai'];
const POLICIES = ['fastest', 'cheapest', 'preferred'];

function authorized(ctx: RouteContext): boolean {
  const token = bearerToken(ctx);
  if (!token || !ctx.state.tokens.has(token)) {
    sendError(ctx, 401, INVALID_CREDENTIALS);
    return false;
  }
  if (ctx.state.inferenceDeniedTokens.has(token)) {
    sendError(ctx, 403, `This authentication method does not have sufficient permissions to call Inference Providers on behalf of user ${FAKE_USER}`);
    return false;
  }
  return true;
}

function route(handler: (ctx: RouteContext) => void | Promise<void>, models: string[] = []): RouteMatch {
  return { models, handler: (ctx) => (authorized(ctx) ? handler(ctx) : undefined) };
}

const notServed = (ctx: RouteContext, id: string, provider: string): void => sendError(ctx, 400, `Model ${id} is not supported by provider ${provider}.`);
const doesNotExist = (ctx: RouteContext, id: string): void => sendError(ctx, 404, `Model ${id} does not exist`);
const chatMappings = (m: ModelEntry): ProviderMapping[] => m.inferenceProviderMapping.filter((p) => p.task === 'conversational');

/** Common body checks for chat; returns the messages or answers 400 itself. */
function chatBody(ctx: RouteContext): { model: string; messages: unknown[]; tools?: unknown; maxTokens?: number; stream: boolean } | undefined {
  const body = ctx.body;
  if (!isRecord(body)) return void sendError(ctx, 400, 'Request body must be a JSON object');
  if (typeof body.model !== 'string' || body.model.length === 0) return void sendError(ctx, 400, "Missing 'model' in request body");
  if (!Array.isArray(body.messages) || body.messages.length === 0) return void sendError(ctx, 400, "'messages' must be a non-empty array");
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  return { model: body.model, messages: body.messages, tools: body.tools, maxTokens, stream: body.stream === true };
}

function hasImages(messages: unknown[]): boolean {
  return messages.some((m) => isRecord(m) && Array.isArray(m.content) && m.content.some((c: unknown) => isRecord(c) && c.type === 'image_url'));
}

/**
 * Answers 400 in the OpenAI error shape (as the provider behind the router does) when `image_url` content goes
 * to a model that reads text only; true when it did.
 */
function refusedImages(ctx: RouteContext, entry: ModelEntry, messages: unknown[]): boolean {
  if (entry.imageInput || !hasImages(messages)) return false;
  const message = `${entry.id} is not a multimodal model: image_url content parts are not supported. Send text only, or pick a model that takes image input.`;
  sendJson(ctx, 400, { error: { message, type: 'invalid_request_error', param: 'messages', code: null } });
  return true;
}

/** POST /v1/chat/completions: `model` may end in `:fastest`, `:cheapest`, `:preferred` or `:<provider>`. */
async function autoChat(ctx: RouteContext): Promise<void> {
  const b = chatBody(ctx);
  if (!b) return;
  const id = stripSuffix(b.model);
  const suffix = b.model.slice(id.length + 1);
  const entry = ctx.state.catalog.model(id);
  if (!entry) return doesNotExist(ctx, id);
  const mappings = chatMappings(entry).filter((p) => p.status === 'live');
  let chosen: ProviderMapping | undefined;
  if (suffix === '' || POLICIES.includes(suffix)) {
    chosen = suffix === 'cheapest' ? mappings[mappings.length - 1] : mappings[0];
  } else if (KNOWN_PROVIDERS.includes(suffix) || suffix === 'hf-inference') {
    chosen = mappings.find((p) => p.provider === suffix);
  } else {
    return sendError(ctx, 400, `Unknown provider or routing policy "${suffix}" in model ${b.model}`);
  }
  if (!chosen) return notServed(ctx, id, suffix === '' || POLICIES.includes(suffix) ? 'auto' : suffix);
  if (refusedImages(ctx, entry, b.messages)) return;
  await answerChat(ctx, { replyModel: id, responseModel: id, messages: b.messages, tools: b.tools, maxTokens: b.maxTokens, stream: b.stream, headers: { 'x-inference-provider': chosen.provider } });
}

/** POST /<provider>/v1/chat/completions with the provider's own model id in the body. */
async function providerChat(ctx: RouteContext, provider: string): Promise<void> {
  const b = chatBody(ctx);
  if (!b) return;
  const entry = ctx.state.catalog.modelByProviderId(provider, b.model);
  if (!entry || !chatMappings(entry).some((p) => p.provider === provider)) {
    return ctx.state.catalog.model(b.model) ? notServed(ctx, b.model, provider) : doesNotExist(ctx, b.model);
  }
  if (refusedImages(ctx, entry, b.messages)) return;
  await answerChat(ctx, { replyModel: entry.id, responseModel: b.model, messages: b.messages, tools: b.tools, maxTokens: b.maxTokens, stream: b.stream, headers: { 'x-inference-provider': provider } });
}

function hfMapping(ctx: RouteContext, id: string, tasks: string[]): { entry: ModelEntry; mapping: ProviderMapping } | undefined {
  const entry = ctx.state.catalog.model(id);
  const mapping = entry?.inferenceProviderMapping.find((p) => p.provider === 'hf-inference' && tasks.includes(p.task));
  if (!entry || !mapping) return void doesNotExist(ctx, id);
  return { entry, mapping };
}

async function hfChat(ctx: RouteContext, id: string): Promise<void> {
  const found = hfMapping(ctx, id, ['conversational']);
  if (!found) return;
  const b = chatBody(ctx);
  if (!b) return;
  if (refusedImages(ctx, found.entry, b.messages)) return;
  await answerChat(ctx, { replyModel: id, responseModel: id, messages: b.messages, tools: b.tools, maxTokens: b.maxTokens, stream: b.stream, headers: { 'x-inference-provider': 'hf-inference' } });
}

async function hfCompletions(ctx: RouteContext, id: string): Promise<void> {
  if (!hfMapping(ctx, id, ['text-generation', 'conversational'])) return;
  const body = isRecord(ctx.body) ? ctx.body : {};
  const prompt = typeof body.prompt === 'string' ? body.prompt : Array.isArray(body.prompt) ? body.prompt.join('\n') : undefined;
  if (prompt === undefined) return sendError(ctx, 400, "Missing 'prompt' in request body");
  const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  await answerCompletion(ctx, { model: id, text: ctx.state.completionReply(id) ?? generateText(id, prompt), maxTokens, stream: body.stream === true });
}

function hfTask(ctx: RouteContext, id: string): void {
  const entry = ctx.state.catalog.model(id);
  const mapping = entry?.inferenceProviderMapping.find((p) => p.provider === 'hf-inference');
  if (!entry || !mapping || mapping.task === 'conversational') return doesNotExist(ctx, id);
  handleTask(ctx, entry, mapping.task);
}

/** Providers in the fake that do not take `tools` (supports_tools: false in the model list). */
const NO_TOOLS = new Set(['featherless-ai']);
const CONTEXTS = [32_768, 65_536, 131_072];
const cents = (usd: number): number => Math.round(usd * 100) / 100;

/**
 * One provider of a model in the router's list, with plausible, stable numbers derived from the ids: context
 * length, USD per million tokens in/out (hf-inference bills compute time, so it lists no pricing), tools and
 * structured output support.
 */
function providerListing(m: ModelEntry, p: ProviderMapping): Record<string, unknown> {
  const h = parseInt(hexId(`${m.id}@${p.provider}`, 6), 16);
  const input = cents(Math.max(0.02, (m.parameters / 1e9) * 0.006) * (1 + (h % 5) / 10));
  return {
    provider: p.provider,
    status: p.status,
    context_length: CONTEXTS[h % CONTEXTS.length],
    ...(p.provider === 'hf-inference' ? {} : { pricing: { input, output: cents(input * 3) } }),
    supports_tools: !NO_TOOLS.has(p.provider),
    supports_structured_output: h % 2 === 0,
    is_model_author: p.provider === m.author,
  };
}

/** GET /v1/models: the router's list of chat models, shaped like the real one (architecture, providers with their traits). */
function listChatModels(ctx: RouteContext): void {
  const data = ctx.state.catalog.models
    .filter((m) => chatMappings(m).length > 0)
    .map((m) => ({
      id: m.id,
      object: 'model',
      created: Math.floor(Date.parse(m.createdAt) / 1000),
      owned_by: m.author,
      architecture: { input_modalities: m.imageInput ? ['text', 'image'] : ['text'], output_modalities: ['text'] },
      providers: chatMappings(m).map((p) => providerListing(m, p)),
    }));
  sendJson(ctx, 200, { object: 'list', data });
}

/** Model id in the body, as sent (with any `:suffix`), for fault matching. */
function bodyModel(ctx: RouteContext): string[] {
  const model = isRecord(ctx.body) ? ctx.body.model : undefined;
  return typeof model === 'string' ? [model] : [];
}

export const routerRoutes: RouteTable = (ctx) => {
  const segs = decodeSegments(ctx.path);
  const path = segs.join('/');
  if (ctx.method === 'GET' && path === 'v1/models') return route(listChatModels);
  if (ctx.method !== 'POST') return undefined;
  if (path === 'v1/chat/completions') return route(autoChat, bodyModel(ctx));
  if (segs[0] === 'hf-inference' && segs[1] === 'models' && segs.length >= 4) {
    const id = `${segs[2]}/${segs[3]}`;
    const rest = segs.slice(4).join('/');
    if (rest === '') return route((c) => hfTask(c, id), [id]);
    if (rest === 'v1/chat/completions') return route((c) => hfChat(c, id), [id]);
    if (rest === 'v1/completions') return route((c) => hfCompletions(c, id), [id]);
    return undefined;
  }
  if (segs.length === 4 && segs.slice(1).join('/') === 'v1/chat/completions' && KNOWN_PROVIDERS.includes(segs[0])) {
    const provider = segs[0];
    const providerId = bodyModel(ctx)[0];
    const entry = providerId ? ctx.state.catalog.modelByProviderId(provider, providerId) : undefined;
    return route((c) => providerChat(c, provider), [...(entry ? [entry.id] : []), ...bodyModel(ctx)]);
  }
  return undefined;
};
