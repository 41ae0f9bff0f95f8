/**
 * Ghost-text completion, decided and sent: the type-through cache first (typing what the suggestion shows costs no
 * request), then a debounced request that a newer keystroke supersedes (aborting the HTTP request), within the
 * completions' own rate budget (they never starve the palette actions' limiter, and never wait: a full window just
 * says so), counted against the monthly quota when it goes to Hugging Face, the prompt fitted to a token budget and
 * built with the model family's fill-in-the-middle template, the answer cleaned (stops, lines, overlap with the text
 * after the cursor). Pure: the text completion call, the limiter, the quota and the clock are injected.
 */
import { SlidingWindowRateLimiter } from '../routing/rateLimiter';
import { CallFailure, type Candidate, type Clock } from '../routing/routingTypes';
import type { TextCompletionCall } from '../routing/transport/textCompletion';
import { CompletionScheduler } from './completionScheduler';
import { cleanCompletion, wantsMultiline } from './completionText';
import { estimateTokens, fitContext } from './contextBudget';
import { chatFimMessages, fimPrompt, type FimTemplate } from './fimTemplates';
import { TypeThroughCache } from './prefixCache';

export interface CompletionSettings {
  readonly debounceMs: number;
  readonly maxLines: number;
  readonly maxTokens: number;
  /** Tokens of prefix + suffix sent. */
  readonly contextTokens: number;
  readonly temperature: number;
  readonly requestsPerMinute: number;
}

/** Where completions come from, and why (the decision the status bar shows). */
export interface CompletionSource {
  readonly candidate: Candidate;
  /** The model's FIM template; undefined: an endpoint that takes `prompt` + `suffix` itself. */
  readonly template: FimTemplate | undefined;
  /** Hugging Face requests count against the monthly quota. */
  readonly countsQuota: boolean;
  /** A chat model asked for the middle (the opt-in last resort), not a fill-in-the-middle prompt. */
  readonly chat?: boolean;
  /** "huggingFace.completion.model = bigcode/starcoder2-15b (StarCoder template)". */
  readonly why: string;
}

export interface CompletionContext {
  /** Identifies the document (its URI). */
  readonly docKey: string;
  /** The document's text before and after the cursor. */
  readonly prefix: string;
  readonly suffix: string;
  /** Alt+\ (explicit): no debounce. */
  readonly explicit: boolean;
  /** Snippets of other open files, as comments, put before the prefix (the first text the budget drops). */
  readonly extraContext?: string;
  /** The document's language (named in a chat model's prompt). */
  readonly languageId?: string;
}

export type CompletionOutcome =
  | { readonly kind: 'text'; readonly text: string; readonly fromCache: boolean; readonly latencyMs: number }
  /** Nothing to show (the model had nothing useful, or a newer keystroke took over). */
  | { readonly kind: 'none'; readonly why: 'empty' | 'superseded' }
  /** A state the status bar shows (never a popup). */
  | { readonly kind: 'failed'; readonly failure: CallFailure };

export interface CompletionDeps {
  readonly call: TextCompletionCall;
  readonly clock: Clock;
  /** Reserves a Hugging Face request of the monthly quota (throws quota-exceeded); returns the month for a refund. */
  readonly reserveQuota: () => Promise<string>;
  readonly refundQuota: (month: string) => Promise<void>;
  /** The model's tokenizer when loaded; estimateTokens otherwise. */
  readonly countTokens?: (text: string) => number;
}

/** The last completion, for Show Health: which model, why, and what came of it. */
export interface CompletionDecision {
  /** Wall-clock time (ms since the epoch). */
  readonly at: number;
  readonly model: string;
  readonly why: string;
  /** 'suggested' (with the latency), 'typed through (no request)', 'nothing to suggest', or the failure's message. */
  readonly outcome: string;
}

export interface CompletionStats {
  readonly requests: number;
  readonly cacheHits: number;
  readonly superseded: number;
  readonly abortedInFlight: number;
}

export class CompletionService {
  private readonly limiter: SlidingWindowRateLimiter;
  private readonly scheduler: CompletionScheduler;
  private readonly cache: TypeThroughCache;
  private requests = 0;
  private cacheHits = 0;
  private decision: CompletionDecision | undefined;

  constructor(
    private readonly deps: CompletionDeps,
    private settings: CompletionSettings,
  ) {
    this.limiter = new SlidingWindowRateLimiter({ limit: settings.requestsPerMinute, windowMs: 60_000, clock: deps.clock });
    this.scheduler = new CompletionScheduler({ clock: deps.clock });
    this.cache = new TypeThroughCache({ clock: deps.clock });
  }

  updateSettings(settings: CompletionSettings): void {
    this.settings = settings;
    this.limiter.setLimit(settings.requestsPerMinute);
  }

  get stats(): CompletionStats {
    const c = this.scheduler.counters();
    return { requests: this.requests, cacheHits: this.cacheHits, superseded: c.superseded, abortedInFlight: c.abortedInFlight };
  }

  get lastDecision(): CompletionDecision | undefined {
    return this.decision;
  }

  /** Forgets the remembered suggestions (another model, other settings). */
  clear(): void {
    this.cache.clear();
  }

  /** Stops what is waiting or in flight (completions switched off, a snooze). */
  cancel(): void {
    this.scheduler.cancel();
  }

  async complete(source: CompletionSource, context: CompletionContext, signal?: AbortSignal): Promise<CompletionOutcome> {
    const outcome = await this.decide(source, context, signal);
    if (!(outcome.kind === 'none' && outcome.why === 'superseded')) {
      const said =
        outcome.kind === 'text'
          ? outcome.fromCache
            ? 'typed through (no request)'
            : `suggested ${outcome.text.split('\n').length} line(s) in ${Math.round(outcome.latencyMs)} ms`
          : outcome.kind === 'failed'
            ? `${outcome.failure.kind}: ${outcome.failure.message}`
            : 'nothing to suggest';
      this.decision = { at: this.deps.clock.now(), model: source.candidate.model, why: source.why, outcome: said };
    }
    return outcome;
  }

  private async decide(source: CompletionSource, context: CompletionContext, signal?: AbortSignal): Promise<CompletionOutcome> {
    const started = this.deps.clock.monotonicNow();
    const cached = this.cache.lookup(context.docKey, context.prefix);
    if (cached) {
      this.cacheHits++;
      return { kind: 'text', text: cached, fromCache: true, latencyMs: 0 };
    }
    try {
      const text = await this.scheduler.schedule(context.explicit ? 0 : this.settings.debounceMs, (attempt) => this.request(source, context, attempt), signal);
      if (text === undefined) return { kind: 'none', why: 'superseded' };
      if (text === '') return { kind: 'none', why: 'empty' };
      this.cache.remember(context.docKey, context.prefix, text);
      return { kind: 'text', text, fromCache: false, latencyMs: this.deps.clock.monotonicNow() - started };
    } catch (err) {
      if (err instanceof CallFailure && err.kind === 'cancelled') return { kind: 'none', why: 'superseded' };
      return { kind: 'failed', failure: err instanceof CallFailure ? err : new CallFailure('server', String(err)) };
    }
  }

  private async request(source: CompletionSource, context: CompletionContext, signal: AbortSignal): Promise<string> {
    const limiter = this.limiter.snapshot();
    if (limiter.inWindow >= limiter.limit) {
      throw new CallFailure('rate-limited', `${limiter.limit} completions a minute reached (huggingFace.completion.requestsPerMinute).`, { retryAfterMs: limiter.nextSlotInMs });
    }
    await this.limiter.acquire(signal);
    const month = source.countsQuota ? await this.deps.reserveQuota() : undefined;
    this.requests++;
    const lineStart = context.prefix.lastIndexOf('\n') + 1;
    const lineEnd = context.suffix.search(/\r?\n/);
    const linePrefix = context.prefix.slice(lineStart);
    const lineSuffix = lineEnd < 0 ? context.suffix : context.suffix.slice(0, lineEnd);
    const multiline = wantsMultiline(linePrefix, lineSuffix);
    const fitted = fitContext({ prefix: (context.extraContext ?? '') + context.prefix, suffix: context.suffix, maxTokens: this.settings.contextTokens, countTokens: this.deps.countTokens ?? estimateTokens });
    const template = source.template;
    try {
      const raw = await this.deps.call(
        source.candidate,
        {
          prompt: template ? fimPrompt(template, { prefix: fitted.prefix, suffix: fitted.suffix }) : fitted.prefix,
          ...(template ? {} : { suffix: fitted.suffix }),
          ...(source.chat ? { chat: chatFimMessages(fitted.prefix, fitted.suffix, context.languageId ?? 'plaintext') } : {}),
          stop: [...(multiline ? [] : ['\n']), ...(template?.stop ?? [])],
          maxTokens: multiline ? this.settings.maxTokens : Math.min(this.settings.maxTokens, 48),
          temperature: this.settings.temperature,
        },
        signal,
      );
      return cleanCompletion({ raw, stops: template?.stop ?? [], maxLines: this.settings.maxLines, multiline, lineSuffix, textAfterCursor: context.suffix });
    } catch (err) {
      // A request that never reached a server is not one the quota counts.
      if (month !== undefined && err instanceof CallFailure && (err.details.unreachable || err.details.notSent)) await this.deps.refundQuota(month);
      throw err;
    }
  }
}

/** An open file of the same language whose start may help the model (its imports, types, helpers). */
export interface OpenFileSnippet {
  readonly path: string;
  readonly text: string;
}

/**
 * Other open files as a comment block before the prefix ("Path: src/util.ts" then its first lines), at most
 * `maxFiles` files of at most `maxChars` characters each. `asComment` writes text as a comment of the language.
 */
export function openFilesContext(files: readonly OpenFileSnippet[], asComment: (text: string) => string, maxFiles = 3, maxChars = 1500): string {
  return files
    .slice(0, maxFiles)
    .map((f) => {
      const head = f.text.length > maxChars ? f.text.slice(0, f.text.lastIndexOf('\n', maxChars) + 1 || maxChars) : f.text;
      return `${asComment(`Path: ${f.path}\n${head.trimEnd()}`)}\n\n`;
    })
    .join('');
}

