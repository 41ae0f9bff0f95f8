/**
 * The settings model, without `vscode`: how raw setting values become the typed settings the core and
 * the commands use (the setting ids and their defaults: SETTING_DEFAULTS in src/core/routing/settings.ts).
 * src/config.ts feeds it from the workspace configuration; tests feed it from a plain object.
 */
import {
  DEFAULT_DATASETS_SERVER_URL,
  DEFAULT_HUB_URL,
  DEFAULT_ROUTER_URL,
  DEFAULT_SETTINGS,
  numberSetting,
  pinnedModelKey,
  SETTING_DEFAULTS,
  type OpenAiEndpoint,
  type RoutingPolicy,
  type RoutingSettings,
  type SettingKey,
} from './core/routing/settings';
import { findLanguage } from './core/language/languages';
import type { HoverTrigger } from './core/hover/hoverPlan';
import type { CompletionSettings } from './core/completion/completionService';
import type { CompletionChoice } from './core/completion/completionSource';
import type { FimTemplate } from './core/completion/fimTemplates';
import { TASK_KINDS, type SummaryLength, type SummaryStyle, type TaskKind } from './core/tasks/taskTypes';

// The setting ids live in the core's table (SETTING_DEFAULTS); the commands take these two from here.
export { pinnedModelKey, settingId } from './core/routing/settings';

/** Reads one key under `huggingface.` (undefined when unset or of the wrong shape; defaults apply). */
type RawSettings = (key: SettingKey) => unknown;

export type SummaryOutput = 'commentAbove' | 'preview';

/** How comments are found: the comment-syntax table, TextMate grammars, or the table where it knows the language (`huggingFace.comments.finder`). */
export type CommentFinderMode = 'table' | 'textmate' | 'auto';

/** Settings the editor actions read (the routing ones go to the core as RoutingSettings). */
export interface ActionSettings {
  readonly maxSelectionChars: number;
  readonly summarizeStyle: SummaryStyle;
  readonly summarizeLength: SummaryLength;
  readonly summarizeOutput: SummaryOutput;
  readonly generateTemperature: number;
  readonly generateMaxTokens: number;
  readonly topicLabels: readonly string[];
  readonly translateRecentLimit: number;
  /** Ask for the source language when the detector is unsure (off: a route that needs no source language). */
  readonly translateAskSourceLanguage: boolean;
  /** Translate Selection and Translate Comments in File also translate string literals that read as prose. */
  readonly translateIncludeStrings: boolean;
  readonly commentFinder: CommentFinderMode;
}

export const DEFAULT_ACTION_SETTINGS: ActionSettings = {
  maxSelectionChars: SETTING_DEFAULTS.maxSelectionChars,
  summarizeStyle: SETTING_DEFAULTS['summarize.style'],
  summarizeLength: SETTING_DEFAULTS['summarize.length'],
  summarizeOutput: SETTING_DEFAULTS['summarize.output'],
  generateTemperature: SETTING_DEFAULTS['generate.temperature'],
  generateMaxTokens: SETTING_DEFAULTS['generate.maxTokens'],
  topicLabels: SETTING_DEFAULTS['topic.labels'],
  translateRecentLimit: SETTING_DEFAULTS['translate.recentLimit'],
  translateAskSourceLanguage: SETTING_DEFAULTS['translate.askSourceLanguage'],
  translateIncludeStrings: SETTING_DEFAULTS['translate.includeStrings'],
  commentFinder: SETTING_DEFAULTS['comments.finder'],
};

/** The task a `models.*` key pins, or undefined for any other key. */
export function taskOfPinnedModelKey(key: string): TaskKind | undefined {
  return TASK_KINDS.find((task) => pinnedModelKey(task) === key);
}

export function readRoutingSettings(raw: RawSettings, env: Readonly<Record<string, string | undefined>>): RoutingSettings {
  const pinnedModels: Partial<Record<TaskKind, string>> = {};
  for (const task of TASK_KINDS) {
    const model = str(raw(pinnedModelKey(task)));
    if (model) pinnedModels[task] = model;
  }
  return {
    hubUrl: str(raw('hubUrl')) || env.HF_ENDPOINT?.trim() || DEFAULT_HUB_URL,
    routerUrl: str(raw('routerUrl')) || DEFAULT_ROUTER_URL,
    datasetsServerUrl: str(raw('datasetsServerUrl')) || DEFAULT_DATASETS_SERVER_URL,
    policy: oneOf<RoutingPolicy>(raw('routing.policy'), ['preferFreeLocal', 'huggingFaceOnly', 'endpointsFirst'], DEFAULT_SETTINGS.policy),
    pinnedModels,
    endpoints: readEndpoints(raw('endpoints')),
    requestsPerMinute: numberSetting('rateLimit.requestsPerMinute', raw('rateLimit.requestsPerMinute')),
    monthlyQuota: numberSetting('quota.monthlyRequests', raw('quota.monthlyRequests')),
    requestTimeoutMs: numberSetting('requestTimeoutSeconds', raw('requestTimeoutSeconds')) * 1000,
    maxAttempts: numberSetting('retry.maxAttempts', raw('retry.maxAttempts')),
    cacheTtlMs: numberSetting('cache.ttlSeconds', raw('cache.ttlSeconds')) * 1000,
    maxInputChars: numberSetting('maxSelectionChars', raw('maxSelectionChars')),
    localEnabled: raw('local.enabled') !== false,
    localMaxDiskMB: numberSetting('local.maxDiskMB', raw('local.maxDiskMB')),
  };
}

export function readActionSettings(raw: RawSettings): ActionSettings {
  const d = DEFAULT_ACTION_SETTINGS;
  const labels = Array.isArray(raw('topic.labels')) ? (raw('topic.labels') as unknown[]).filter(isNonEmptyString) : [];
  return {
    maxSelectionChars: numberSetting('maxSelectionChars', raw('maxSelectionChars')),
    summarizeStyle: oneOf<SummaryStyle>(raw('summarize.style'), ['bullets', 'paragraph'], d.summarizeStyle),
    summarizeLength: oneOf<SummaryLength>(raw('summarize.length'), ['short', 'medium', 'long'], d.summarizeLength),
    summarizeOutput: oneOf<SummaryOutput>(raw('summarize.output'), ['commentAbove', 'preview'], d.summarizeOutput),
    generateTemperature: numberSetting('generate.temperature', raw('generate.temperature')),
    generateMaxTokens: numberSetting('generate.maxTokens', raw('generate.maxTokens')),
    topicLabels: labels.length > 0 ? labels.map((l) => l.trim()) : d.topicLabels,
    translateRecentLimit: numberSetting('translate.recentLimit', raw('translate.recentLimit')),
    translateAskSourceLanguage: raw('translate.askSourceLanguage') === true,
    translateIncludeStrings: raw('translate.includeStrings') === true,
    commentFinder: oneOf<CommentFinderMode>(raw('comments.finder'), ['table', 'textmate', 'auto'], d.commentFinder),
  };
}

/** Comment translation on hover, for one language id (language-overridable settings). */
export interface HoverSettings {
  readonly enabled: boolean;
  /** A supported language code: the setting, else VS Code's display language, else English. */
  readonly targetLang: string;
  readonly trigger: HoverTrigger;
  readonly maxChars: number;
}

/** `displayLanguage` is VS Code's (`vscode.env.language`: 'en', 'de', 'zh-cn', 'pt-br'). */
export function readHoverSettings(raw: RawSettings, displayLanguage: string): HoverSettings {
  const fromSetting = findLanguage(str(raw('hover.targetLanguage')));
  const display = findLanguage(displayLanguage) ?? findLanguage(displayLanguage.split(/[-_]/)[0] ?? '');
  return {
    enabled: raw('hover.enabled') !== false,
    targetLang: (fromSetting ?? display)?.code ?? 'en',
    trigger: oneOf<HoverTrigger>(raw('hover.trigger'), ['automatic', 'onDemand'], SETTING_DEFAULTS['hover.trigger']),
    maxChars: numberSetting('hover.maxLength', raw('hover.maxLength')),
  };
}

/** Ghost-text completion: where from, and how (the `enabled` switch is per language: Config.completionEnabled). */
export interface CompletionConfig {
  readonly choice: CompletionChoice;
  readonly settings: CompletionSettings;
  /** Send the start of other open files of the same language as context. */
  readonly openEditorsContext: boolean;
}

export function readCompletionConfig(raw: RawSettings): CompletionConfig {
  const template = raw('completion.template');
  const t = typeof template === 'object' && template !== null && !Array.isArray(template) ? (template as Record<string, unknown>) : {};
  const override: { -readonly [K in keyof FimTemplate]?: FimTemplate[K] } = {};
  if (isNonEmptyString(t.prefixToken)) override.prefixToken = t.prefixToken;
  if (isNonEmptyString(t.suffixToken)) override.suffixToken = t.suffixToken;
  if (isNonEmptyString(t.middleToken)) override.middleToken = t.middleToken;
  if (t.order === 'psm' || t.order === 'spm') override.order = t.order;
  if (Array.isArray(t.stop)) override.stop = t.stop.filter(isNonEmptyString);
  return {
    choice: { model: str(raw('completion.model')), endpoint: str(raw('completion.endpoint')), endpoints: readEndpoints(raw('endpoints')), template: override, chatFallback: raw('completion.chatFallback') === true },
    settings: {
      debounceMs: numberSetting('completion.debounceMs', raw('completion.debounceMs')),
      maxLines: numberSetting('completion.maxLines', raw('completion.maxLines')),
      maxTokens: numberSetting('completion.maxTokens', raw('completion.maxTokens')),
      contextTokens: numberSetting('completion.contextTokens', raw('completion.contextTokens')),
      requestsPerMinute: numberSetting('completion.requestsPerMinute', raw('completion.requestsPerMinute')),
      temperature: 0.1,
    },
    openEditorsContext: raw('completion.openEditorsContext') === true,
  };
}

/** Keeps only well-formed endpoint entries, so one typo in settings.json does not break every request. */
export function readEndpoints(value: unknown): OpenAiEndpoint[] {
  if (!Array.isArray(value)) return [];
  const endpoints: OpenAiEndpoint[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, baseUrl, model, tasks } = item as Record<string, unknown>;
    if (!isNonEmptyString(id) || !isNonEmptyString(baseUrl) || !isNonEmptyString(model) || !isHttpUrl(baseUrl.trim())) continue;
    const taskList = Array.isArray(tasks) ? tasks.filter((t): t is TaskKind => TASK_KINDS.includes(t as TaskKind)) : undefined;
    endpoints.push({ id: id.trim(), baseUrl: baseUrl.trim(), model: model.trim(), ...(taskList ? { tasks: taskList } : {}) });
  }
  return endpoints;
}

/** An absolute http(s) URL: anything else cannot be an endpoint (and would break the origin checks). */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
