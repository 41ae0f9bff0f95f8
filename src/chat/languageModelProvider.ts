/**
 * Hugging Face models in VS Code's chat model picker (`vscode.lm.registerLanguageModelChatProvider`, vendor
 * `sarvanom`): "Hugging Face · Auto" routed by the core (fallback before the first token, never after it), and
 * every chat model Inference Providers serve, with `:fastest`, `:cheapest` and per-provider variants. Answers
 * stream through the same router as the palette actions, so the rate limit, the quota, health and "Show Last
 * Routing Decision" cover chat too. Tools become OpenAI tools and the streamed tool calls come back as
 * LanguageModelToolCallParts; images go to models that take them (core/conversation/ converts both ways).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { AUTO_MODEL_ID, chatModelEntries, endpointModelEntries, parseRouterModels, type ChatModelEntry } from '../core/routing/chatModelList';
import type { Candidate } from '../core/routing/routingTypes';
import { ChatInputError } from '../core/conversation/chatErrors';
import { toOpenAiMessages, toOpenAiTools, toolChoice } from '../core/conversation/chatMessages';
import { credentialDestination } from '../core/trust/credentialHosts';
import { withoutTrailingSlash } from '../core/web/urls';
import { loadActions } from '../lazyChunks';
import { callFailureOf, failureMessage } from '../ui/messages';
import { messageText, neutralMessages, neutralTools } from './chatConversion';
import type { TokenCounting } from './tokenCounting';

export const LM_VENDOR = 'sarvanom';
/** The router's model list is fetched again after this long (and at once when settings or sign-in change). */
const LIST_TTL_MS = 10 * 60 * 1000;

type ModelInfo = vscode.LanguageModelChatInformation & { readonly entry: ChatModelEntry };

export class HfLanguageModelProvider implements vscode.LanguageModelChatProvider<ModelInfo>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  private list: { readonly at: number; readonly models: ModelInfo[] } | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private tokenCounting: TokenCounting | undefined;

  constructor(private readonly ctx: Ctx) {
    this.subscriptions = [
      ctx.config.onDidChange(() => this.refresh()),
      ctx.tokens.onDidChange(() => this.refresh()),
      // A silent listing never asks about a new router host: once the user approved it, list again with the token.
      ctx.tokenApprovals.onDidChange(() => this.refresh()),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.tokenCounting?.dispose();
    this.changed.dispose();
  }

  async provideLanguageModelChatInformation(options: { silent: boolean }, token: vscode.CancellationToken): Promise<ModelInfo[]> {
    if (this.list && Date.now() - this.list.at < LIST_TTL_MS) return this.list.models;
    const [router, endpoints] = await Promise.all([this.routerModels(options.silent, token), this.endpointModels(token)]);
    const models = [...chatModelEntries(router), ...endpoints].map(toInfo);
    this.list = { at: Date.now(), models };
    return models;
  }

  async provideLanguageModelChatResponse(
    model: ModelInfo,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const neutral = neutralMessages(messages);
    const lastUser = [...neutral].reverse().find((m) => m.role === 'user');
    const tools = neutralTools(options.tools);
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    const modelOptions = options.modelOptions ?? {};
    try {
      const conversation = {
        messages: toOpenAiMessages(neutral, { model: model.entry.id === AUTO_MODEL_ID ? 'Hugging Face · Auto' : model.entry.id, imageInput: model.entry.imageInput }),
        tools: toOpenAiTools(tools),
        toolChoice: toolChoice(options.toolMode === vscode.LanguageModelChatToolMode.Required ? 'required' : 'auto', tools),
      };
      await this.ctx.router.run(
        {
          task: 'chat',
          prompt: lastUser ? messageText(lastUser) : '',
          conversation,
          ...(typeof modelOptions.temperature === 'number' ? { temperature: modelOptions.temperature } : {}),
          ...(typeof modelOptions.max_tokens === 'number' ? { maxTokens: modelOptions.max_tokens } : {}),
        },
        {
          signal: controller.signal,
          noRestart: true,
          onToken: (text) => progress.report(new vscode.LanguageModelTextPart(text)),
          onToolCalls: (calls) => calls.forEach((c) => progress.report(new vscode.LanguageModelToolCallPart(c.callId, c.name, c.input))),
          ...(model.entry.id === AUTO_MODEL_ID ? {} : { only: pickedCandidate(model.entry) }),
        },
      );
    } catch (err) {
      // The conversation cannot be sent as it is (images to a text-only model, a required tool without tools).
      if (err instanceof ChatInputError) throw new Error(err.message);
      const { kind, message } = callFailureOf(err);
      if (kind === 'cancelled' || token.isCancellationRequested) throw new vscode.CancellationError();
      const settings = this.ctx.config.routingSettings();
      const user = failureMessage(kind, message, { hasToken: await this.ctx.tokens.hasToken(), hubUrl: settings.hubUrl, routerUrl: settings.routerUrl });
      throw new Error(`${user.text}${kind === 'unauthorized' || (kind === 'config' && !(await this.ctx.tokens.hasToken())) ? ' Run "Hugging Face: Sign In (Set Token)".' : ''}`);
    } finally {
      cancel.dispose();
    }
  }

  /**
   * With the model's own tokenizer (Auto: the tokenizer of the model it would pick first), from the Hub once and
   * then from the disk cache; an estimate (4 characters a token) while it loads and for models without one.
   */
  async provideTokenCount(model: ModelInfo, text: string | vscode.LanguageModelChatRequestMessage): Promise<number> {
    const content = typeof text === 'string' ? text : neutralMessages([text]).map(messageText).join('');
    this.tokenCounting ??= loadActions().tokenCountingOf(this.ctx);
    return this.tokenCounting.count(model.entry.id, content).tokens;
  }

  private async mayReceiveToken(url: URL, silent: boolean): Promise<boolean> {
    if (credentialDestination(url) === 'official' || this.ctx.tokenApprovals.isApproved(url.origin)) return true;
    if (silent) return false;
    return this.ctx.checkTokenDestination(url).then(
      () => true,
      () => false,
    );
  }

  private refresh(): void {
    this.list = undefined;
    this.changed.fire();
  }

  /**
   * The router's chat models; none when they cannot be read (Auto still works). The router wants the token: it goes
   * only where the token may go, and a `silent` call never asks about a new host (it lists without the token).
   */
  /** The models each OpenAI-compatible endpoint lists (its key, if one was saved, goes only to its own origin). */
  private async endpointModels(token: vscode.CancellationToken): Promise<ChatModelEntry[]> {
    const endpoints = this.ctx.config.routingSettings().endpoints;
    const lists = await Promise.all(
      endpoints.map(async (endpoint) => {
        const url = `${withoutTrailingSlash(endpoint.baseUrl)}/models`;
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        const timer = setTimeout(() => controller.abort(), 5_000);
        try {
          const key = await this.ctx.tokens.endpointKey(endpoint.id, endpoint.baseUrl).catch(() => undefined);
          const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) } });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return endpointModelEntries(endpoint.id, endpoint.baseUrl, await response.json());
        } catch (err) {
          this.ctx.log.warn(`Could not list the models of endpoint "${endpoint.id}" (${url}): ${err instanceof Error ? err.message : String(err)}.`);
          return [];
        } finally {
          clearTimeout(timer);
          cancel.dispose();
        }
      }),
    );
    return lists.flat();
  }

  private async routerModels(silent: boolean, token: vscode.CancellationToken): Promise<ReturnType<typeof parseRouterModels>> {
    const url = `${withoutTrailingSlash(this.ctx.config.routingSettings().routerUrl)}/v1/models`;
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    const timer = setTimeout(() => controller.abort(), 15_000);
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      const hfToken = await this.ctx.tokens.hfToken();
      if (hfToken && (await this.mayReceiveToken(new URL(url), silent))) headers.authorization = `Bearer ${hfToken}`;
      const response = await fetch(url, { signal: controller.signal, headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return parseRouterModels(await response.json());
    } catch (err) {
      this.ctx.log.warn(`Could not list the chat models of ${url}: ${err instanceof Error ? err.message : String(err)}. Only "Hugging Face · Auto" is offered.`);
      return [];
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  }
}

function toInfo(entry: ChatModelEntry): ModelInfo {
  return {
    id: entry.id,
    name: entry.name,
    family: entry.family,
    version: '1',
    maxInputTokens: entry.maxInputTokens,
    maxOutputTokens: entry.maxOutputTokens,
    tooltip: entry.tooltip,
    ...(entry.detail ? { detail: entry.detail } : {}),
    capabilities: { toolCalling: entry.toolCalling, imageInput: entry.imageInput },
    entry,
  };
}

/** A model the user picked: exactly it, on its endpoint, or through the auto router (its suffix picks the provider). */
function pickedCandidate(entry: ChatModelEntry): Candidate {
  if (entry.endpoint) return { model: entry.endpoint.model, provider: { kind: 'openai-compatible', endpointId: entry.endpoint.id }, api: 'chat', why: 'picked in the chat model picker' };
  return { model: entry.id, provider: { kind: 'hf', provider: 'auto' }, api: 'chat', why: 'picked in the chat model picker' };
}
