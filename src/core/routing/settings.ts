import type { TaskKind } from '../tasks/taskTypes';

/** How the router orders providers. */
export type RoutingPolicy =
  /** Local OpenAI-compatible endpoints first, then Hugging Face (free hf-inference task models before chat providers), then remote endpoints. */
  | 'preferFreeLocal'
  /** Only Hugging Face Inference Providers; configured endpoints are ignored. */
  | 'huggingFaceOnly'
  /** Every configured endpoint first, then Hugging Face. */
  | 'endpointsFirst';

/** A user-configured OpenAI-compatible server (Ollama, TGI, vLLM, LM Studio, OpenAI). */
export interface OpenAiEndpoint {
  /** Stable id, used in decisions and for the endpoint's API key in SecretStorage. */
  readonly id: string;
  /** Base URL, e.g. http://127.0.0.1:11434/v1 */
  readonly baseUrl: string;
  /** Model name the endpoint serves, e.g. "llama3.1:8b". */
  readonly model: string;
  /** Tasks this endpoint may serve; all tasks when omitted. */
  readonly tasks?: readonly TaskKind[];
}

/** Everything the core needs from the user's settings (read by src/config.ts, the only place that reads settings). */
export interface RoutingSettings {
  readonly hubUrl: string;
  readonly routerUrl: string;
  readonly datasetsServerUrl: string;
  readonly policy: RoutingPolicy;
  /** Model pinned per task (the Hub browser's "Use for task" writes these). */
  readonly pinnedModels: Readonly<Partial<Record<TaskKind, string>>>;
  readonly endpoints: readonly OpenAiEndpoint[];
  readonly requestsPerMinute: number;
  readonly monthlyQuota: number;
  /** Per-attempt timeout. */
  readonly requestTimeoutMs: number;
  /** Attempts per candidate (first try included). */
  readonly maxAttempts: number;
  /** How long identical requests are answered from the in-memory cache; 0 disables it. */
  readonly cacheTtlMs: number;
  /** Largest selection (characters) an action accepts. */
  readonly maxInputChars: number;
}

export const DEFAULT_HUB_URL = 'https://huggingface.co';
export const DEFAULT_ROUTER_URL = 'https://router.huggingface.co';
export const DEFAULT_DATASETS_SERVER_URL = 'https://datasets-server.huggingface.co';

export const DEFAULT_SETTINGS: RoutingSettings = {
  hubUrl: DEFAULT_HUB_URL,
  routerUrl: DEFAULT_ROUTER_URL,
  datasetsServerUrl: DEFAULT_DATASETS_SERVER_URL,
  policy: 'preferFreeLocal',
  pinnedModels: {},
  endpoints: [],
  requestsPerMinute: 10,
  monthlyQuota: 30000,
  requestTimeoutMs: 60000,
  maxAttempts: 3,
  cacheTtlMs: 5 * 60 * 1000,
  maxInputChars: 20000,
};

/** Setting suffix of each task's pinned model (see /work/notes/CONTRACTS.md, "models.<key>"). */
const PIN_SETTING: Readonly<Record<TaskKind, string>> = {
  'generate-code': 'generateCode',
  translate: 'translate',
  summarize: 'summarize',
  'question-answering': 'questionAnswering',
  sentiment: 'sentiment',
  topic: 'topic',
  ner: 'ner',
  chat: 'chat',
};

/** Full name of the setting that pins a model for `task`, e.g. "huggingface.models.generateCode". */
export function pinnedModelSetting(task: TaskKind): string {
  return `huggingface.models.${PIN_SETTING[task]}`;
}
