/**
 * The chat models VS Code's model picker shows for us: "Hugging Face · Auto" (the routing core picks per request)
 * and every chat model Inference Providers serve (`GET {routerUrl}/v1/models`), each also with the router's
 * policy suffixes `:fastest` and `:cheapest` and one variant per live provider. Pure: the list JSON in, plain
 * descriptions out (the glue turns them into LanguageModelChatInformation).
 */

export interface RouterProvider {
  readonly provider: string;
  readonly status: string;
  readonly contextLength?: number;
  readonly supportsTools?: boolean;
  /** USD per million tokens. */
  readonly pricing?: { readonly input: number; readonly output: number };
}

export interface RouterChatModel {
  readonly id: string;
  readonly providers: readonly RouterProvider[];
  readonly inputModalities: readonly string[];
}

export interface ChatModelEntry {
  /** What is sent as `model` ("org/name", "org/name:fastest", "org/name:together"); AUTO_MODEL_ID for Auto. */
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly tooltip: string;
  readonly detail?: string;
  readonly imageInput: boolean;
  /** Whether tools may be offered: Auto routes to models that take them; a model, when a live provider supports them. */
  readonly toolCalling: boolean;
  /** A model of one of the user's OpenAI-compatible endpoints: the endpoint's id and the model name it takes. */
  readonly endpoint?: { readonly id: string; readonly model: string };
}

export const AUTO_MODEL_ID = 'auto';
/** When the router does not say: a context most served chat models have. */
const DEFAULT_CONTEXT = 32_768;
const MAX_OUTPUT = 4096;

/** Reads the router's list leniently: entries without an id are dropped, unknown fields ignored. */
export function parseRouterModels(json: unknown): RouterChatModel[] {
  const data = typeof json === 'object' && json !== null ? (json as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return [];
  return data.flatMap((raw): RouterChatModel[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const m = raw as { id?: unknown; providers?: unknown; architecture?: { input_modalities?: unknown } };
    if (typeof m.id !== 'string' || m.id === '') return [];
    const providers = Array.isArray(m.providers) ? m.providers.flatMap(provider) : [];
    const modalities = Array.isArray(m.architecture?.input_modalities) ? m.architecture.input_modalities.filter((x): x is string => typeof x === 'string') : ['text'];
    return [{ id: m.id, providers, inputModalities: modalities }];
  });
}

function provider(raw: unknown): RouterProvider[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const p = raw as Record<string, unknown>;
  if (typeof p.provider !== 'string') return [];
  const pricing = p.pricing as { input?: unknown; output?: unknown } | undefined;
  return [
    {
      provider: p.provider,
      status: typeof p.status === 'string' ? p.status : 'live',
      ...(typeof p.context_length === 'number' && p.context_length > 0 ? { contextLength: p.context_length } : {}),
      ...(typeof p.supports_tools === 'boolean' ? { supportsTools: p.supports_tools } : {}),
      ...(typeof pricing?.input === 'number' && typeof pricing.output === 'number' ? { pricing: { input: pricing.input, output: pricing.output } } : {}),
    },
  ];
}

/** Auto first, then per model (alphabetical): the model, `:fastest`, `:cheapest`, and one entry per live provider. */
export function chatModelEntries(models: readonly RouterChatModel[]): ChatModelEntry[] {
  const auto: ChatModelEntry = {
    id: AUTO_MODEL_ID,
    name: 'Hugging Face · Auto',
    family: 'auto',
    maxInputTokens: DEFAULT_CONTEXT,
    maxOutputTokens: MAX_OUTPUT,
    tooltip: 'The routing core picks a served chat model for each request (your pinned chat model first) and moves to the next one when a model is loading, missing or rate-limited before it answers. "Show Last Routing Decision" says which.',
    detail: 'routed',
    imageInput: false,
    toolCalling: true,
  };
  const out: ChatModelEntry[] = [auto];
  for (const m of [...models].sort((a, b) => a.id.localeCompare(b.id))) {
    const live = m.providers.filter((p) => p.status === 'live');
    if (live.length === 0) continue;
    const short = m.id.split('/').pop() ?? m.id;
    const context = Math.min(...live.map((p) => p.contextLength ?? DEFAULT_CONTEXT));
    const base = { family: short, maxOutputTokens: MAX_OUTPUT, imageInput: m.inputModalities.includes('image'), toolCalling: live.some((p) => p.supportsTools === true) };
    const list = live.map(describe).join('\n');
    out.push({ ...base, id: m.id, name: short, maxInputTokens: context, tooltip: `${m.id}\nServed by:\n${list}` });
    out.push({ ...base, id: `${m.id}:fastest`, name: `${short} (fastest)`, maxInputTokens: context, tooltip: `${m.id} on the fastest provider\n${list}`, detail: 'fastest' });
    out.push({ ...base, id: `${m.id}:cheapest`, name: `${short} (cheapest)`, maxInputTokens: context, tooltip: `${m.id} on the cheapest provider\n${list}`, detail: 'cheapest' });
    for (const p of live) {
      out.push({ ...base, toolCalling: p.supportsTools === true, id: `${m.id}:${p.provider}`, name: `${short} (${p.provider})`, maxInputTokens: p.contextLength ?? DEFAULT_CONTEXT, tooltip: `${m.id} on ${describe(p)}`, detail: p.provider });
    }
  }
  return out;
}

function describe(p: RouterProvider): string {
  const price = p.pricing ? `, $${p.pricing.input}/$${p.pricing.output} per M tokens in/out` : '';
  const context = p.contextLength ? `, ${Math.round(p.contextLength / 1024)}K context` : '';
  const tools = p.supportsTools ? ', tools' : '';
  return `${p.provider} (${p.status}${context}${tools}${price})`;
}

/** Prefix of the ids of endpoint models ("endpoint:ollama:llama3.2:3b"): never a Hugging Face model id (those have a '/'). */
const ENDPOINT_MODEL_PREFIX = 'endpoint:';

/**
 * The models an OpenAI-compatible endpoint lists (`GET {baseUrl}/models`, OpenAI's list shape), one entry each. Local
 * servers say little about their models: the context is a common default, tools are offered (the server refuses them
 * for a model that cannot call tools), images are not.
 */
export function endpointModelEntries(endpointId: string, baseUrl: string, json: unknown): ChatModelEntry[] {
  const data = typeof json === 'object' && json !== null ? (json as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return [];
  const ids = data.flatMap((m) => (typeof m === 'object' && m !== null && typeof (m as { id?: unknown }).id === 'string' && (m as { id: string }).id !== '' ? [(m as { id: string }).id] : []));
  return [...new Set(ids)].sort((a, b) => a.localeCompare(b)).map((model) => ({
    id: `${ENDPOINT_MODEL_PREFIX}${endpointId}:${model}`,
    name: `${model} (${endpointId})`,
    family: model.split(/[:/]/)[0] || model,
    maxInputTokens: DEFAULT_CONTEXT,
    maxOutputTokens: MAX_OUTPUT,
    tooltip: `${model} on your endpoint "${endpointId}" (${baseUrl}); requests go there, not to Hugging Face, and do not count against the monthly quota.`,
    detail: endpointId,
    imageInput: false,
    toolCalling: true,
    endpoint: { id: endpointId, model },
  }));
}

