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
  /** Small task models on this machine (core/local) first under preferFreeLocal. */
  readonly localEnabled: boolean;
  /** Disk the downloaded on-device models may use, in MB. */
  readonly localMaxDiskMB: number;
}

export const DEFAULT_HUB_URL = 'https://huggingface.co';
export const DEFAULT_ROUTER_URL = 'https://router.huggingface.co';
export const DEFAULT_DATASETS_SERVER_URL = 'https://datasets-server.huggingface.co';

/** The configuration section: a setting's id is `huggingface.<key>`. */
export const SETTINGS_SECTION = 'huggingFace';

/**
 * Every `huggingface.*` setting, by key (its id without the section), with the default package.json
 * declares (test/unit/core/routing/settings.test.ts holds the two lists together). The only place a
 * setting name is spelled: everything else names a setting by SettingKey, so renaming or removing one
 * here is a compile error wherever it is still used. Here rather than in src/configModel.ts because
 * the core names settings in its messages too. An empty URL means "the public service" (see readRoutingSettings).
 */
export const SETTING_DEFAULTS = {
  hubUrl: '',
  routerUrl: '',
  datasetsServerUrl: '',
  'routing.policy': 'preferFreeLocal',
  'models.generateCode': '',
  'models.translate': '',
  'models.summarize': '',
  'models.questionAnswering': '',
  'models.sentiment': '',
  'models.topic': '',
  'models.ner': '',
  'models.chat': '',
  endpoints: [],
  'rateLimit.requestsPerMinute': 10,
  'quota.monthlyRequests': 30000,
  requestTimeoutSeconds: 60,
  'retry.maxAttempts': 3,
  'cache.ttlSeconds': 300,
  maxSelectionChars: 20000,
  'summarize.style': 'bullets',
  'summarize.length': 'medium',
  'summarize.output': 'commentAbove',
  'generate.temperature': 0.2,
  'generate.maxTokens': 512,
  'topic.labels': ['bug report', 'feature request', 'question', 'documentation', 'performance', 'security'],
  'translate.recentLimit': 5,
  'translate.askSourceLanguage': false,
  'translate.includeStrings': false,
  'hover.enabled': true,
  'hover.targetLanguage': '',
  'hover.trigger': 'automatic',
  'hover.maxLength': 2000,
  'comments.finder': 'auto',
  'completion.enabled': false,
  'completion.model': '',
  'completion.endpoint': '',
  'completion.template': {},
  'completion.debounceMs': 200,
  'completion.maxLines': 8,
  'completion.maxTokens': 128,
  'completion.contextTokens': 2048,
  'completion.requestsPerMinute': 30,
  'completion.openEditorsContext': false,
  'completion.chatFallback': false,
  'local.enabled': true,
  'local.maxDiskMB': 1024,
  'hubFiles.maxOpenBytes': 52_428_800,
  'hubFiles.askCommitMessage': true,
} as const satisfies Readonly<Record<string, string | number | boolean | readonly string[] | readonly OpenAiEndpoint[] | Readonly<Record<string, never>>>>;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
type NumberSettingKey = { [K in SettingKey]: (typeof SETTING_DEFAULTS)[K] extends number ? K : never }[SettingKey];

/**
 * The range of every number setting (package.json declares the same `minimum`/`maximum`). A value
 * below it is a mistake (the default applies); one above is clamped to the maximum: a timeout of 10^10 s would overflow Node's timers (every attempt would
 * time out at once), a huge selection limit would send megabytes to a model.
 */
export const NUMBER_RANGES: Readonly<Record<NumberSettingKey, { readonly min: number; readonly max: number; readonly integer?: true }>> = {
  'rateLimit.requestsPerMinute': { min: 1, max: 600 },
  'quota.monthlyRequests': { min: 0, max: 100_000_000, integer: true },
  requestTimeoutSeconds: { min: 1, max: 600 },
  'retry.maxAttempts': { min: 1, max: 10, integer: true },
  'cache.ttlSeconds': { min: 0, max: 86_400 },
  maxSelectionChars: { min: 1, max: 1_000_000, integer: true },
  'generate.temperature': { min: 0, max: 2 },
  'generate.maxTokens': { min: 1, max: 32_768, integer: true },
  'translate.recentLimit': { min: 0, max: 20, integer: true },
  'hover.maxLength': { min: 1, max: 100_000, integer: true },
  'completion.debounceMs': { min: 0, max: 2000, integer: true },
  'completion.maxLines': { min: 1, max: 100, integer: true },
  'completion.maxTokens': { min: 1, max: 2048, integer: true },
  'completion.contextTokens': { min: 64, max: 32_768, integer: true },
  'completion.requestsPerMinute': { min: 1, max: 600 },
  'local.maxDiskMB': { min: 0, max: 1_000_000, integer: true },
  'hubFiles.maxOpenBytes': { min: 1, max: 10_737_418_240, integer: true },
};

/** `value` as the number setting `key`: its default when not a finite number in range, the maximum when above it. */
export function numberSetting(key: NumberSettingKey, value: unknown): number {
  const { min, max, integer } = NUMBER_RANGES[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) return SETTING_DEFAULTS[key];
  const clamped = Math.min(max, value);
  return integer ? Math.round(clamped) : clamped;
}

/** Full id of a setting, for messages and "Open Settings" ('quota.monthlyRequests' → 'huggingFace.quota.monthlyRequests'). */
export function settingId(key: SettingKey): string {
  return `${SETTINGS_SECTION}.${key}`;
}

/** The settings the core's and the Hub's own messages name (the UI names others through settingId). */
export const QUOTA_SETTING_ID = settingId('quota.monthlyRequests');
export const ENDPOINTS_SETTING_ID = settingId('endpoints');
export const HUB_URL_SETTING_ID = settingId('hubUrl');

export const DEFAULT_SETTINGS: RoutingSettings = {
  hubUrl: DEFAULT_HUB_URL,
  routerUrl: DEFAULT_ROUTER_URL,
  datasetsServerUrl: DEFAULT_DATASETS_SERVER_URL,
  policy: SETTING_DEFAULTS['routing.policy'],
  pinnedModels: {},
  endpoints: SETTING_DEFAULTS.endpoints,
  requestsPerMinute: SETTING_DEFAULTS['rateLimit.requestsPerMinute'],
  monthlyQuota: SETTING_DEFAULTS['quota.monthlyRequests'],
  requestTimeoutMs: SETTING_DEFAULTS.requestTimeoutSeconds * 1000,
  maxAttempts: SETTING_DEFAULTS['retry.maxAttempts'],
  cacheTtlMs: SETTING_DEFAULTS['cache.ttlSeconds'] * 1000,
  maxInputChars: SETTING_DEFAULTS.maxSelectionChars,
  localEnabled: SETTING_DEFAULTS['local.enabled'],
  localMaxDiskMB: SETTING_DEFAULTS['local.maxDiskMB'],
};

/** The setting that pins each task's model: `huggingFace.models.<key>` (the Hub view's "Use for task" writes it). */
const PIN_SETTING: Readonly<Record<TaskKind, Extract<SettingKey, `models.${string}`>>> = {
  'generate-code': 'models.generateCode',
  translate: 'models.translate',
  summarize: 'models.summarize',
  'question-answering': 'models.questionAnswering',
  sentiment: 'models.sentiment',
  topic: 'models.topic',
  ner: 'models.ner',
  chat: 'models.chat',
};

/** Key of the setting that pins a model for `task`, e.g. 'models.generateCode'. */
export function pinnedModelKey(task: TaskKind): SettingKey {
  return PIN_SETTING[task];
}

/** Full id of the setting that pins a model for `task`, e.g. "huggingFace.models.generateCode". */
export function pinnedModelSetting(task: TaskKind): string {
  return settingId(pinnedModelKey(task));
}
