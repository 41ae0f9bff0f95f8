/**
 * Data tables behind the candidate chains (chains.ts): the seed's default models, the modern chat
 * models used as last resort, the opus-mt language pairs that exist on the Hub, and the languages of the
 * many-to-many translation models. Plain data; the ordering logic lives in chains.ts.
 */
import { nllbCode } from '../language/languages';
import type { ApiKind, TaskKind } from '../tasks/taskTypes';

export interface CatalogEntry {
  readonly model: string;
  readonly api: ApiKind;
}

/**
 * The models the original (seed) extension called, per task. Most are no longer served by hf-inference;
 * they stay first so a user whose account or mirror still serves them gets the cheap task model, and the
 * router skips them quickly (a 404/"not supported" is a `gone` failure, remembered for the session).
 */
export const SEED_DEFAULTS: Readonly<Record<Exclude<TaskKind, 'translate'>, readonly CatalogEntry[]>> = {
  'generate-code': [
    { model: 'Salesforce/codegen-350M-mono', api: 'text-generation' },
    { model: 'openai-community/gpt2', api: 'text-generation' },
    { model: 'EleutherAI/gpt-neo-1.3B', api: 'text-generation' },
  ],
  chat: [{ model: 'microsoft/DialoGPT-medium', api: 'chat' }],
  summarize: [
    { model: 'facebook/bart-large-cnn', api: 'summarization' },
    { model: 'google/pegasus-large', api: 'summarization' },
  ],
  'question-answering': [
    { model: 'deepset/roberta-base-squad2', api: 'question-answering' },
    { model: 'distilbert/distilbert-base-cased-distilled-squad', api: 'question-answering' },
  ],
  sentiment: [
    { model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english', api: 'text-classification' },
    { model: 'cardiffnlp/twitter-roberta-base-sentiment-latest', api: 'text-classification' },
  ],
  topic: [{ model: 'facebook/bart-large-mnli', api: 'zero-shot-classification' }],
  ner: [{ model: 'dslim/bert-base-NER', api: 'token-classification' }],
};

/** Multilingual sentiment model (XLM-R, 8 languages) tried first when the text does not look English. */
export const MULTILINGUAL_SENTIMENT_MODEL = 'cardiffnlp/twitter-xlm-roberta-base-sentiment';

/** Many-to-many translation models. NLLB takes FLORES-200 codes (eng_Latn), M2M100 takes ISO 639-1 codes. */
export const NLLB_MODEL = 'facebook/nllb-200-distilled-600M';
export const M2M100_MODEL = 'facebook/m2m100_418M';
/** opus-mt model translating many source languages into English (no source-language parameter needed). */
export const OPUS_MUL_EN_MODEL = 'Helsinki-NLP/opus-mt-mul-en';

/** Last-resort chat models for generate-code, served by Inference Providers through the auto router. */
export const CODE_CHAT_MODELS: readonly string[] = ['Qwen/Qwen2.5-Coder-32B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct'];
/** Last-resort chat models for every other task. */
export const GENERAL_CHAT_MODELS: readonly string[] = ['meta-llama/Llama-3.1-8B-Instruct', 'Qwen/Qwen2.5-72B-Instruct'];

/**
 * Chat models a user may pin whose ids do not say "instruct"/"chat"/"-it". Pinned ids matching
 * CHAT_MODEL_NAME_PATTERN or listed here are called through the chat API (see chains.ts `pinnedCandidate`).
 */
export const KNOWN_CHAT_MODELS: readonly string[] = [
  ...CODE_CHAT_MODELS,
  ...GENERAL_CHAT_MODELS,
  'deepseek-ai/DeepSeek-V3',
  'deepseek-ai/DeepSeek-V3-0324',
  'deepseek-ai/DeepSeek-R1',
  'openai/gpt-oss-20b',
  'openai/gpt-oss-120b',
  'HuggingFaceH4/zephyr-7b-beta',
  'microsoft/phi-4',
];

/** Instruction-tuned model names: "…-Instruct", "…-chat", gemma's "…-it", "…-Chat-…". */
export const CHAT_MODEL_NAME_PATTERN = /(instruct|[-_.]chat\b|[-_]it$|[-_]it[-_])/i;

/**
 * Direct opus-mt pairs known to exist as `Helsinki-NLP/opus-mt-{src}-{tgt}`, keyed by source, listing
 * targets. Sources: the Helsinki-NLP organisation listing on huggingface.co, the Helsinki-NLP models that
 * Xenova/transformers.js converted (quantized/Helsinki-NLP/…), and the model cards. Several pairs exist
 * only one way: en→ro, en→el (no ro-en, el-en), and bn, ja, ko, pl, sk, tr, ur → en (no en→ bn/ja/ko/pl/
 * sk/tr/ur; en-jap exists but is Bible-only, so it is left out on purpose). Anything else falls through to
 * NLLB/M2M100 and chat models, so a missing pair costs quality, never correctness.
 */
const OPUS_MT_PAIRS: Readonly<Record<string, readonly string[]>> = {
  en: ['af', 'ar', 'bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'hi', 'hu', 'id', 'it', 'nl', 'ro', 'ru', 'sv', 'uk', 'vi', 'zh'],
  af: ['en'],
  ar: ['en'],
  bg: ['en'],
  bn: ['en'],
  cs: ['en'],
  da: ['en'],
  de: ['en', 'es', 'fr'],
  es: ['de', 'en', 'fr', 'it', 'ru'],
  et: ['en'],
  fi: ['en'],
  fr: ['de', 'en', 'es', 'ro', 'ru'],
  hi: ['en'],
  hu: ['en'],
  id: ['en'],
  it: ['en', 'es'],
  ja: ['en'],
  ko: ['en'],
  nl: ['en'],
  pl: ['en'],
  ro: ['fr'],
  ru: ['en', 'es', 'fr', 'uk'],
  sk: ['en'],
  sv: ['en'],
  tr: ['en'],
  uk: ['en', 'ru'],
  ur: ['en'],
  vi: ['en'],
  zh: ['en'],
};

/** The 100 languages of facebook/m2m100_418M (ISO 639-1 where one exists), from its model card. */
const M2M100_LANGUAGES: ReadonlySet<string> = new Set(
  (
    'af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he hi hr ht hu hy id ig ilo ' +
    'is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no ns oc or pa pl ps pt ro ru sd si sk sl so sq sr ' +
    'ss su sv sw ta th tl tn tr uk ur uz vi wo xh yi yo zh zu'
  ).split(' '),
);

/** Primary subtag, lower-cased: "pt-BR" -> "pt". Chinese written in Traditional script has no opus/M2M pair. */
export function baseLanguage(code: string): string | undefined {
  const lower = code.trim().toLowerCase().replace(/_/g, '-');
  if (lower === '' || lower === 'auto') return undefined;
  if (/^zh-(tw|hk|mo|hant)/.test(lower)) return undefined;
  return lower.split('-')[0];
}

/** `Helsinki-NLP/opus-mt-{src}-{tgt}` when that direct pair exists on the Hub (table above). */
export function opusMtModel(src: string, tgt: string): string | undefined {
  const s = baseLanguage(src);
  const t = baseLanguage(tgt);
  if (s === undefined || t === undefined || s === t) return undefined;
  return OPUS_MT_PAIRS[s]?.includes(t) ? `Helsinki-NLP/opus-mt-${s}-${t}` : undefined;
}

/**
 * Extra `parameters` a translation model needs for this request: NLLB wants FLORES-200 codes, M2M100 wants
 * ISO codes, opus-mt pairs need nothing (the pair is in the model id). Returns undefined when none apply.
 */
export function translationParameters(
  model: string,
  sourceLang: string,
  targetLang: string,
): { src_lang: string; tgt_lang: string } | undefined {
  if (/nllb/i.test(model)) {
    const src = nllbCode(sourceLang);
    const tgt = nllbCode(targetLang);
    return src && tgt ? { src_lang: src, tgt_lang: tgt } : undefined;
  }
  if (/m2m100/i.test(model)) {
    const src = baseLanguage(sourceLang);
    const tgt = baseLanguage(targetLang);
    return src && tgt && M2M100_LANGUAGES.has(src) && M2M100_LANGUAGES.has(tgt) ? { src_lang: src, tgt_lang: tgt } : undefined;
  }
  return undefined;
}

/** Every model the default chains start from (the seed's defaults, the many-to-many translators, the chat models), once each. */
export function defaultChainModels(): string[] {
  const seeds = Object.values(SEED_DEFAULTS).flatMap((entries) => entries.map((e) => e.model));
  return [...new Set([...seeds, MULTILINGUAL_SENTIMENT_MODEL, NLLB_MODEL, M2M100_MODEL, OPUS_MUL_EN_MODEL, ...CODE_CHAT_MODELS, ...GENERAL_CHAT_MODELS])];
}
