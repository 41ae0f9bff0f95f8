/**
 * Per-task candidate chains: which models the router tries for a request, in which order, and why.
 *
 * Order of a chain:
 *   1. the model pinned by the user for the task (its pinnedModelSetting): an explicit choice
 *      beats every policy;
 *   2. OpenAI-compatible endpoints that the policy puts first (preferFreeLocal: loopback ones;
 *      endpointsFirst: all of them);
 *   3. task models on hf-inference: the seed's defaults (kept although most are retired: the router
 *      skips a `gone` model fast), and for translate the opus-mt pair then the many-to-many models;
 *   4. modern chat models through the Inference Providers auto router, so every chain ends with a chat
 *      model that can do any task from a prompt (src/core/routing/prompts.ts);
 *   5. remote endpoints under preferFreeLocal (they may cost money, so they come last).
 * Duplicates (same model on the same provider) keep their first position. The router adds the on-device candidate
 * (core/local, RouterDeps.local) right after 1.
 */
import { fixedLanguagePair } from '../language/languagePairs';
import {
  CHAT_MODEL_NAME_PATTERN,
  CODE_CHAT_MODELS,
  GENERAL_CHAT_MODELS,
  KNOWN_CHAT_MODELS,
  M2M100_MODEL,
  MULTILINGUAL_SENTIMENT_MODEL,
  NLLB_MODEL,
  baseLanguage,
  opusMtModel,
  OPUS_MUL_EN_MODEL,
  SEED_DEFAULTS,
  translationParameters,
} from './modelCatalog';
import { pinnedModelSetting, type OpenAiEndpoint, type RoutingSettings } from './settings';
import { TASK_API } from '../tasks/taskApi';
import type { Candidate, ProviderRef } from './routingTypes';
import type { TaskKind, TaskRequest } from '../tasks/taskTypes';

const HF_INFERENCE: ProviderRef = { kind: 'hf', provider: 'hf-inference' };
const HF_AUTO: ProviderRef = { kind: 'hf', provider: 'auto' };

/** True for ids that name a chat (instruction-tuned) model or carry a ":provider" routing suffix. */
function isChatModel(model: string): boolean {
  return model.includes(':') || KNOWN_CHAT_MODELS.includes(model) || CHAT_MODEL_NAME_PATTERN.test(model);
}

/**
 * API and provider of a pinned model. Rule: the chat task, an id with a ":provider" suffix
 * ("meta-llama/Llama-3.1-8B-Instruct:together"), a known chat model or an instruction-tuned name
 * ("…Instruct", "…-chat", "…-it") go through the chat API on the auto router (the suffix passes through
 * verbatim and picks the provider); anything else is a task model called through the task's own API on
 * hf-inference (translation, summarization, …; text-generation for generate-code).
 */
export function pinnedCandidate(task: TaskKind, model: string): Candidate {
  const chat = task === 'chat' || isChatModel(model);
  return {
    model,
    provider: chat ? HF_AUTO : HF_INFERENCE,
    api: chat ? 'chat' : TASK_API[task],
    why: `pinned by setting ${pinnedModelSetting(task)}`,
  };
}

function translationCandidates(sourceLang: string, targetLang: string): Candidate[] {
  const out: Candidate[] = [];
  const pair = `${sourceLang}→${targetLang}`;
  const opus = opusMtModel(sourceLang, targetLang);
  if (opus) out.push({ model: opus, provider: HF_INFERENCE, api: 'translation', why: `opus-mt pair ${pair} exists` });
  if (translationParameters(NLLB_MODEL, sourceLang, targetLang)) {
    out.push({ model: NLLB_MODEL, provider: HF_INFERENCE, api: 'translation', why: `many-to-many fallback (NLLB-200) for ${pair}` });
  }
  if (translationParameters(M2M100_MODEL, sourceLang, targetLang)) {
    out.push({ model: M2M100_MODEL, provider: HF_INFERENCE, api: 'translation', why: `many-to-many fallback (M2M100) for ${pair}` });
  }
  // Into English with no direct pair (or an unknown source): the multilingual-to-English opus model.
  if (!opus && baseLanguage(targetLang) === 'en' && baseLanguage(sourceLang) !== 'en') {
    const why = sourceLang === 'auto' ? 'source language not detected: a many-to-English model that needs none' : `opus-mt many-to-English model (no direct pair ${pair})`;
    out.push({ model: OPUS_MUL_EN_MODEL, provider: HF_INFERENCE, api: 'translation', why });
  }
  return out;
}

const ENGLISH_WORDS = new Set(
  'the a an and or is are was were be to of in on for with it this that not but i you we they my your very so have has'.split(' '),
);

/**
 * Cheap guess that a text is not English: mostly non-ASCII letters (Cyrillic, CJK, Arabic, accented
 * scripts), or four or more words none of which is a common English word. Used only to put the
 * multilingual sentiment model first; a wrong guess changes the order, never the answer's availability.
 */
export function looksNonEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const nonAscii = letters.filter((c) => c > '\u007f').length;
  if (nonAscii / letters.length > 0.3) return true;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length >= 4 && !words.some((w) => ENGLISH_WORDS.has(w));
}

function taskModelCandidates(request: TaskRequest): Candidate[] {
  if (request.task === 'translate') return translationCandidates(request.sourceLang, request.targetLang);
  const seeds: Candidate[] = SEED_DEFAULTS[request.task].map((e) => ({
    model: e.model,
    provider: HF_INFERENCE,
    api: e.api,
    why: 'seed default',
  }));
  if (request.task !== 'sentiment') return seeds;
  const multilingual: Candidate = {
    model: MULTILINGUAL_SENTIMENT_MODEL,
    provider: HF_INFERENCE,
    api: 'text-classification',
    why: 'multilingual sentiment model',
  };
  return looksNonEnglish(request.text)
    ? [{ ...multilingual, why: 'multilingual sentiment model (text does not look English)' }, ...seeds]
    : [...seeds, multilingual];
}

function chatFallbacks(task: TaskKind): Candidate[] {
  const models = task === 'generate-code' ? CODE_CHAT_MODELS : GENERAL_CHAT_MODELS;
  return models.map((model, i) => ({
    model,
    provider: HF_AUTO,
    api: 'chat',
    why: i === models.length - 1 ? 'last-resort chat model' : 'chat model via Inference Providers (auto)',
  }));
}

/** True when the endpoint's host is this machine (localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0). */
export function isLocalEndpoint(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '0.0.0.0'
  );
}

function endpointCandidate(endpoint: OpenAiEndpoint, why: string): Candidate {
  return { model: endpoint.model, provider: { kind: 'openai-compatible', endpointId: endpoint.id }, api: 'chat', why };
}

/** Endpoints before the Hugging Face candidates, and after them, according to the policy. */
function placeEndpoints(task: TaskKind, settings: RoutingSettings): { before: Candidate[]; after: Candidate[] } {
  const usable = settings.endpoints.filter((e) => !e.tasks || e.tasks.includes(task));
  const policy = settings.policy;
  if (policy === 'huggingFaceOnly') return { before: [], after: [] };
  if (policy === 'endpointsFirst') {
    return { before: usable.map((e) => endpointCandidate(e, `endpoint '${e.id}' (policy endpointsFirst)`)), after: [] };
  }
  const before: Candidate[] = [];
  const after: Candidate[] = [];
  for (const e of usable) {
    if (isLocalEndpoint(e.baseUrl)) before.push(endpointCandidate(e, `local endpoint '${e.id}' (policy ${policy})`));
    else after.push(endpointCandidate(e, `remote endpoint '${e.id}' (policy ${policy}: after Hugging Face)`));
  }
  return { before, after };
}

function candidateKey(c: Candidate): string {
  const where = c.provider.kind === 'hf' ? `hf:${c.provider.provider}` : c.provider.kind === 'local' ? 'local' : `endpoint:${c.provider.endpointId}`;
  return `${where}\u0000${c.model}`;
}

/**
 * The pinned model as the chain's first candidate, or, when it cannot do this request (a fixed-pair
 * translation model asked for another pair), as a skipped one whose reason the decision record shows.
 */
function pinnedFor(request: TaskRequest, model: string): Candidate {
  const candidate = pinnedCandidate(request.task, model);
  if (request.task !== 'translate') return candidate;
  const pair = fixedLanguagePair(model);
  const asked = { source: baseLanguage(request.sourceLang), target: baseLanguage(request.targetLang) };
  if (!pair || (pair.source === asked.source && pair.target === asked.target)) return candidate;
  return { ...candidate, skip: `pinned, but it translates ${pair.source}→${pair.target} only; this request is ${asked.source ?? request.sourceLang}→${asked.target ?? request.targetLang}` };
}

/** The ordered candidates the router tries for `request` (see the module comment for the order). */
export function buildChain(request: TaskRequest, settings: RoutingSettings): Candidate[] {
  const pinned = settings.pinnedModels[request.task]?.trim();
  const { before, after } = placeEndpoints(request.task, settings);
  const all = [
    ...(pinned ? [pinnedFor(request, pinned)] : []),
    ...before,
    ...taskModelCandidates(request),
    ...chatFallbacks(request.task),
    ...after,
  ];
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = candidateKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
