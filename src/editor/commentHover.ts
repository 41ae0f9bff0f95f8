/**
 * Comment translation on hover (the provider is registered at startup by registerCommentHover.ts; this part is in the
 * actions chunk, loaded on the first hover over code). What a hover shows is decided offline (core/hover/hoverPlan.ts);
 * a translation costs one request per distinct comment (core/hover/hoverTranslations.ts). Nothing here raises a
 * popup: no token, quota, rate limit and failures are said inside the hover, with links that fix them.
 * The translation is model output, so it is rendered as text (escaped), never as Markdown or a command.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { blocksOfSpans, type CommentBlock } from '../core/comments/commentBlocks';
import { findCommentSpans, type CommentFinder } from '../core/comments/commentSpans';
import type { CommentSyntax } from '../core/comments/commentSyntax';
import { commentSyntaxSeen } from '../core/comments/seenSyntax';
import { commentFinderFor } from './commentFinder';
import { translateMasked } from '../core/comments/protectedText';
import { planCommentHover, type HoveredComment } from '../core/hover/hoverPlan';
import { HoverTranslations, SupersededError, type HoverTranslation } from '../core/hover/hoverTranslations';
import { languageName } from '../core/language/languages';
import { AUTO_SOURCE } from '../core/routing/prompts';
import { credentialDestination } from '../core/trust/credentialHosts';
import { needsHfToken, preflight } from '../commands/preflight';
import { callFailureOf, failureMessage, type UserMessage } from '../ui/messages';

/** Commands the hover's links may run (the MarkdownString trusts these and no other). */
const HOVER_COMMANDS = {
  replace: 'huggingface.replaceCommentWithTranslation',
  translate: 'huggingface.translateHoveredComment',
  signIn: 'huggingface.signIn',
  showDecision: 'huggingface.showLastDecision',
  openSettings: 'workbench.action.openSettings',
} as const;

/** What a hover link carries to the commands: where the comment was and what it said, so nothing changed is overwritten. */
export interface HoverCommentArgs {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly original: string;
  readonly sourceLang: string;
  readonly targetLang: string;
}

interface DocumentComments {
  readonly version: number;
  readonly languageId: string;
  readonly text: string;
  readonly blocks: readonly CommentBlock[];
  /** Whether TextMate found them (a language the comment-syntax table lacks), and the markers to split them with. */
  readonly finder: boolean;
  readonly syntax: CommentSyntax;
}

/** Per window: the translations, and each open document's comments (found once per document version). */
export class CommentHoverService {
  readonly translations: HoverTranslations;
  /**
   * Keyed by the document object, not its URI: a new untitled document can reuse a closed one's URI (and version 1),
   * and must never be read through the old one's comments. Closed documents are dropped with their object.
   */
  private readonly documents = new WeakMap<vscode.TextDocument, DocumentComments>();

  constructor(ctx: Ctx) {
    this.translations = new HoverTranslations({
      translate: async (prose, sourceLang, targetLang, signal) => {
        let model = 'the cache';
        // Code in the comment (backticks, identifiers, URLs) goes as placeholders and comes back as it was.
        const text = await translateMasked(prose, async (masked) => {
          const { result, decision } = await ctx.router.run({ task: 'translate', text: masked, sourceLang, targetLang }, { signal });
          if (result.task !== 'translate') throw new Error(`expected a translation, got ${result.task}`);
          model = decision.chosen?.model ?? model;
          return result.text;
        });
        return { text, model, sourceLang };
      },
    });
  }

  commentsOf(document: vscode.TextDocument, finder?: CommentFinder): DocumentComments {
    const known = this.documents.get(document);
    if (known && known.version === document.version && known.languageId === document.languageId && known.finder === (finder !== undefined)) return known;
    const text = document.getText();
    const spans = findCommentSpans(text, document.languageId, {}, finder);
    const syntax = commentSyntaxSeen(document.languageId, finder ? spans : undefined);
    const found = { version: document.version, languageId: document.languageId, text, blocks: blocksOfSpans(text, spans), finder: finder !== undefined, syntax };
    this.documents.set(document, found);
    return found;
  }

  /** The syntax the hover split `document`'s comments with (TextMate's markers, for a language the table lacks). */
  syntaxOf(document: vscode.TextDocument): CommentSyntax | undefined {
    return this.documents.get(document)?.syntax;
  }
}

const services = new WeakMap<Ctx, CommentHoverService>();

export function commentHoverService(ctx: Ctx): CommentHoverService {
  let service = services.get(ctx);
  if (!service) {
    service = new CommentHoverService(ctx);
    services.set(ctx, service);
  }
  return service;
}

export async function provideCommentHover(ctx: Ctx, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
  const settings = ctx.config.hoverSettings(document.languageId);
  if (!settings.enabled) return undefined;
  const service = commentHoverService(ctx);
  const { text, blocks, syntax } = service.commentsOf(document, await commentFinderFor(ctx, document));
  const plan = planCommentHover(text, blocks, document.offsetAt(position), document.languageId, settings, syntax);
  if (plan.kind === 'none') return undefined;
  const range = new vscode.Range(document.positionAt(plan.comment.start), document.positionAt(plan.comment.end));
  const args: HoverCommentArgs = {
    uri: document.uri.toString(),
    start: plan.comment.start,
    end: plan.comment.end,
    original: plan.comment.original,
    sourceLang: plan.kind === 'translate' ? plan.sourceLang : AUTO_SOURCE,
    targetLang: settings.targetLang,
  };
  if (plan.kind === 'tooLong') {
    return new vscode.Hover(
      note(`This comment is ${plan.length.toLocaleString('en-US')} characters long; hovers translate up to ${plan.max.toLocaleString('en-US')} (huggingFace.hover.maxLength). Select it and run "Translate Selection".`),
      range,
    );
  }
  const cached = service.translations.cached(plan.comment.split.prose, settings.targetLang);
  if (cached) return new vscode.Hover(translationMarkdown(cached, args), range);
  if (!plan.automatic) return new vscode.Hover(translateLink(args), range);
  const blocked = await whyNotNow(ctx);
  if (blocked) return new vscode.Hover(messageMarkdown(blocked), range);
  try {
    const translation = await untilCancelled(translateComment(ctx, plan.comment, args), token);
    return translation && new vscode.Hover(translationMarkdown(translation, args), range);
  } catch (err) {
    if (err instanceof SupersededError) return undefined;
    const { kind, message } = callFailureOf(err);
    if (kind === 'cancelled') return undefined;
    ctx.log.warn(`Hover translation failed (${kind}): ${message}`);
    const settingsNow = ctx.config.routingSettings();
    return new vscode.Hover(messageMarkdown(failureMessage(kind, message, { hasToken: await ctx.tokens.hasToken(), hubUrl: settingsNow.hubUrl, routerUrl: settingsNow.routerUrl })), range);
  }
}

/** The comment's translation (cached, joined or requested). */
export function translateComment(ctx: Ctx, comment: Pick<HoveredComment, 'split'>, args: Pick<HoverCommentArgs, 'sourceLang' | 'targetLang'>): Promise<HoverTranslation> {
  return commentHoverService(ctx).translations.translate(comment.split.prose, args.sourceLang, args.targetLang);
}

/**
 * Why a hover must not send a request now, said inside the hover: what the actions' preflight refuses (no token,
 * quota used up), a full rate-limit window (a hover never waits in the queue), or a host the token was not approved
 * for (a hover never opens the approval dialog).
 */
export async function whyNotNow(ctx: Ctx): Promise<UserMessage | undefined> {
  const settings = ctx.config.routingSettings();
  const router = ctx.router;
  const refused = preflight({ task: 'translate', settings, hasToken: await ctx.tokens.hasToken(), usage: router.quotaUsage() });
  if (refused) return refused;
  const { limiter } = router.health();
  if (limiter.inWindow >= limiter.limit || limiter.queued > 0) {
    const seconds = Math.max(1, Math.ceil(limiter.nextSlotInMs / 1000));
    return {
      severity: 'info',
      text: `The rate limit (${limiter.limit} requests a minute) is reached: hover again in about ${seconds} s.`,
      actions: ['openSettings'],
      setting: 'huggingFace.rateLimit.requestsPerMinute',
    };
  }
  if (needsHfToken('translate', settings)) {
    const url = new URL(settings.routerUrl);
    if (credentialDestination(url) === 'needs-approval' && !ctx.tokenApprovals.isApproved(url.origin)) {
      return { severity: 'info', text: `Translations go to ${url.host}, which your token is not approved for yet: run "Translate Selection" once to approve it.`, actions: [] };
    }
  }
  return undefined;
}

/** Resolves undefined when VS Code cancels the hover (the request goes on; its answer is cached for the next hover). */
function untilCancelled<T>(promise: Promise<T>, token: vscode.CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => resolve(undefined));
    promise.then(resolve, reject).finally(() => subscription.dispose());
  });
}

function markdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: Object.values(HOVER_COMMANDS) };
  return md;
}

function commandLink(label: string, command: string, args?: unknown): string {
  // Parentheses too: a comment's text in the arguments must not end the Markdown link early.
  const query = args === undefined ? '' : `?${encodeURIComponent(JSON.stringify([args])).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  return `[${label}](command:${command}${query})`;
}

function heading(md: vscode.MarkdownString, sourceLang: string, targetLang: string): void {
  const from = sourceLang === AUTO_SOURCE ? '' : ` from ${languageName(sourceLang)}`;
  md.appendMarkdown('$(globe) **Hugging Face** · ');
  md.appendText(`translation${from} into ${languageName(targetLang)}`);
  md.appendMarkdown('\n\n');
}

function translationMarkdown(translation: HoverTranslation, args: HoverCommentArgs): vscode.MarkdownString {
  const md = markdown();
  heading(md, translation.sourceLang, args.targetLang);
  // Model output: text, never Markdown or HTML (appendText escapes it, icons included).
  md.appendText(translation.text);
  md.appendMarkdown('\n\n---\n\n');
  md.appendMarkdown(`${commandLink('Replace with translation', HOVER_COMMANDS.replace, args)} · `);
  md.appendText(translation.model);
  return md;
}

function translateLink(args: HoverCommentArgs): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown(`$(globe) ${commandLink(`Translate this comment into ${languageName(args.targetLang)}`, HOVER_COMMANDS.translate, args)}`);
  return md;
}

function note(text: string): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown('$(globe) **Hugging Face** · ');
  md.appendText(text);
  return md;
}

/** A UserMessage as hover text, its buttons as links. */
function messageMarkdown(message: UserMessage): vscode.MarkdownString {
  const md = note(message.text);
  const links = message.actions.flatMap((action) => {
    switch (action) {
      case 'signIn':
        return [commandLink('Sign In', HOVER_COMMANDS.signIn)];
      case 'showDecision':
        return [commandLink('Show Last Routing Decision', HOVER_COMMANDS.showDecision)];
      case 'openSettings':
        return message.setting ? [commandLink('Open Settings', HOVER_COMMANDS.openSettings, message.setting)] : [];
      case 'retry':
        return [];
    }
  });
  if (links.length > 0) md.appendMarkdown(`\n\n${links.join(' · ')}`);
  return md;
}
