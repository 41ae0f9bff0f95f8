/**
 * Which model and server ghost-text completion uses, and why, from the settings: an OpenAI-compatible endpoint the
 * user configured (`huggingFace.completion.endpoint` names one of `huggingFace.endpoints`), else a Hugging Face model
 * (`huggingFace.completion.model`, a `:provider` suffix picks the provider, hf-inference by default). Nothing is
 * chosen by default: completion stays off until the user picks a model. Pure.
 */
import type { OpenAiEndpoint } from '../routing/settings';
import type { CompletionSource } from './completionService';
import { templateForModel, type FimTemplate } from './fimTemplates';

export interface CompletionChoice {
  /** `huggingFace.completion.model`. */
  readonly model: string;
  /** `huggingFace.completion.endpoint`: the id of an entry of `huggingFace.endpoints`, or ''. */
  readonly endpoint: string;
  readonly endpoints: readonly OpenAiEndpoint[];
  /** `huggingFace.completion.template`: tokens overriding the family's (or a whole template for an unknown model). */
  readonly template?: Partial<FimTemplate>;
  /** `huggingFace.completion.chatFallback`: a chat model (not trained for FIM) may answer, asked for the middle. */
  readonly chatFallback?: boolean;
}

export type SourceResult = { readonly ok: true; readonly source: CompletionSource } | { readonly ok: false; readonly why: string };

export function completionSource(choice: CompletionChoice): SourceResult {
  const override = choice.template && Object.keys(choice.template).length > 0 ? choice.template : undefined;
  if (choice.endpoint !== '') {
    const endpoint = choice.endpoints.find((e) => e.id === choice.endpoint);
    if (!endpoint) return { ok: false, why: `No endpoint "${choice.endpoint}" in huggingFace.endpoints (huggingFace.completion.endpoint names one).` };
    const model = choice.model || endpoint.model;
    const template = templateForModel(model, override);
    return {
      ok: true,
      source: {
        candidate: { model, provider: { kind: 'openai-compatible', endpointId: endpoint.id }, api: 'text-generation', why: `huggingFace.completion.endpoint = ${endpoint.id}` },
        template,
        countsQuota: false,
        why: `${model} on ${endpoint.id} (${endpoint.baseUrl}), ${template ? `${template.family} fill-in-the-middle template` : 'prompt and suffix sent to the server'}`,
      },
    };
  }
  if (choice.model === '') return { ok: false, why: 'No completion model chosen: set huggingFace.completion.model (or huggingFace.completion.endpoint).' };
  const [model, provider = 'hf-inference'] = splitProvider(choice.model);
  const template = templateForModel(model, override);
  if (!template && choice.chatFallback) {
    return {
      ok: true,
      source: {
        candidate: { model, provider: { kind: 'hf', provider: choice.model.includes(':') ? provider : 'auto' }, api: 'chat', why: `huggingFace.completion.model = ${choice.model} (chat, huggingFace.completion.chatFallback)` },
        template: undefined,
        chat: true,
        countsQuota: true,
        why: `${model} on Hugging Face as a chat model asked for the missing code (huggingFace.completion.chatFallback): slower and less exact than a fill-in-the-middle model`,
      },
    };
  }
  if (!template) {
    return { ok: false, why: `${model} is not a model trained for fill-in-the-middle that this extension knows (StarCoder, Qwen-Coder, CodeLlama, DeepSeek-Coder, Codestral, CodeGemma); set huggingFace.completion.template for it, or allow a chat model with huggingFace.completion.chatFallback (slower).` };
  }
  return {
    ok: true,
    source: {
      candidate: { model, provider: { kind: 'hf', provider }, api: 'text-generation', why: `huggingFace.completion.model = ${choice.model}` },
      template,
      countsQuota: true,
      why: `${model} on Hugging Face (${provider}), ${template.family} fill-in-the-middle template`,
    },
  };
}

function splitProvider(id: string): [string, string | undefined] {
  const at = id.lastIndexOf(':');
  return at > 0 ? [id.slice(0, at), id.slice(at + 1) || undefined] : [id, undefined];
}
