/**
 * The ghost-text provider's work (in the actions chunk): the source from the settings (core/completion/
 * completionSource.ts), the text around the cursor, one CompletionService per window (debounce, abort, type-through
 * cache, own rate budget, quota), and the outcome into the status bar item, never into a popup.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { systemClock } from '../core/routing/clock';
import { CompletionService, openFilesContext, type CompletionOutcome, type OpenFileSnippet } from '../core/completion/completionService';
import { asComment } from '../core/comments/commentSyntax';
import { completionSource } from '../core/completion/completionSource';
import { hfTokenCheck } from '../core/trust/credentialHosts';
import { createTextCompletion } from '../core/routing/transport/textCompletion';
import type { CompletionStatus } from './registerCompletion';
import { tokenCountingOf } from '../chat/tokenCounting';
import { estimateTokens } from '../core/tokens/tokenCounter';

/** Text read around the cursor before the token budget is fitted (generous: the budget cuts it down). */
const BEFORE_CHARS = 24_000;
const AFTER_CHARS = 8_000;

const services = new WeakMap<Ctx, CompletionService>();

/**
 * Tokens per character of the code around the cursor, measured with the completion model's own tokenizer
 * (chat/tokenCounting.ts: its tokenizer.json, loaded once and cached on disk) on a sample before each request, so the
 * context budget is fitted in the model's tokens without tokenizing the whole window a dozen times. Until the
 * tokenizer is loaded (or for a model without one) the usual estimate (estimateTokens) counts.
 */
const tokensPerChar: { ratio: number | undefined } = { ratio: undefined };
const SAMPLE_CHARS = 2000;

function calibrate(ctx: Ctx, model: string, sample: string): void {
  if (sample.length < 200) return;
  const counted = tokenCountingOf(ctx).count(model, sample);
  tokensPerChar.ratio = counted.exact ? Math.max(0.05, counted.tokens / sample.length) : undefined;
}

/** The window's completion service if completion ran (reports must not create one). */
export function ghostTextServiceIfCreated(ctx: Ctx): CompletionService | undefined {
  return services.get(ctx);
}

export function ghostTextService(ctx: Ctx): CompletionService {
  let service = services.get(ctx);
  if (!service) {
    const { settings } = ctx.config.completionConfig();
    // Completion never asks where the token may go: an unapproved host just shows in the status bar.
    const checkTokenDestination = hfTokenCheck({ isApproved: (origin) => ctx.tokenApprovals.isApproved(origin), requestApproval: async () => false });
    const call = createTextCompletion({
      settings: () => ctx.config.routingSettings(),
      getToken: () => ctx.tokens.hfToken(),
      checkTokenDestination,
      getEndpointKey: async (id) => {
        const endpoint = ctx.config.routingSettings().endpoints.find((e) => e.id === id);
        return endpoint ? ctx.tokens.endpointKey(id, endpoint.baseUrl) : undefined;
      },
    });
    const created = new CompletionService(
      {
        call,
        clock: systemClock,
        reserveQuota: () => ctx.router.reserveQuota(),
        refundQuota: (month) => ctx.router.giveBackQuota(month),
        countTokens: (text) => (tokensPerChar.ratio === undefined ? estimateTokens(text) : Math.ceil(text.length * tokensPerChar.ratio)),
      },
      settings,
    );
    ctx.config.onDidChange(() => {
      created.updateSettings(ctx.config.completionConfig().settings);
      created.clear();
    });
    service = created;
    services.set(ctx, service);
  }
  return service;
}

export async function provideGhostText(
  ctx: Ctx,
  status: CompletionStatus,
  document: vscode.TextDocument,
  position: vscode.Position,
  context: vscode.InlineCompletionContext,
  token: vscode.CancellationToken,
): Promise<vscode.InlineCompletionItem[] | undefined> {
  // Nothing while text is selected, or while the suggestion list is open (its item would compete with ours).
  const editor = vscode.window.activeTextEditor;
  if ((editor?.document === document && !editor.selection.isEmpty) || context.selectedCompletionInfo) return undefined;
  const source = completionSource(ctx.config.completionConfig().choice);
  if (!source.ok) {
    status.set('unset', source.why);
    return undefined;
  }
  const offset = document.offsetAt(position);
  const text = document.getText();
  const prefix = text.slice(Math.max(0, offset - BEFORE_CHARS), offset);
  const suffix = text.slice(offset, offset + AFTER_CHARS);
  const config = ctx.config.completionConfig();
  // The file's path (and so its language) first, then, when asked for, the start of other open files of the language.
  const header = `${asComment(`Path: ${vscode.workspace.asRelativePath(document.uri)}`, document.languageId)}\n`;
  const extraContext = header + (config.openEditorsContext ? openFilesContext(otherOpenFiles(document), (t) => asComment(t, document.languageId)) : '');
  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  const model = source.source.candidate.model;
  calibrate(ctx, model, prefix.slice(-SAMPLE_CHARS));
  try {
    status.set('fetching', model);
    const outcome = await ghostTextService(ctx).complete(
      source.source,
      { docKey: document.uri.toString(), prefix, suffix, explicit: context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke, languageId: document.languageId, extraContext },
      controller.signal,
    );
    report(ctx, status, outcome, source.source.why);
    if (outcome.kind !== 'text' || token.isCancellationRequested) return undefined;
    return [new vscode.InlineCompletionItem(outcome.text, new vscode.Range(position, position))];
  } finally {
    cancel.dispose();
  }
}

/** Other open files of the document's language (visible editors first), for `huggingFace.completion.openEditorsContext`. */
function otherOpenFiles(document: vscode.TextDocument): OpenFileSnippet[] {
  const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
  return vscode.workspace.textDocuments
    .filter((d) => d !== document && d.languageId === document.languageId && (d.uri.scheme === 'file' || d.uri.scheme === 'untitled'))
    .sort((a, b) => Number(visible.has(b)) - Number(visible.has(a)))
    .map((d) => ({ path: vscode.workspace.asRelativePath(d.uri), text: d.getText(new vscode.Range(0, 0, Math.min(d.lineCount, 60), 0)) }));
}

/** The status bar says what happened: the model and its latency, or the problem and how to fix it. */
function report(ctx: Ctx, status: CompletionStatus, outcome: CompletionOutcome, why: string): void {
  if (outcome.kind === 'text') return status.set('on', `${why}\nlast suggestion: ${outcome.fromCache ? 'typed through (no request)' : `${Math.round(outcome.latencyMs)} ms`}`);
  if (outcome.kind === 'none') return status.set('on', why);
  const { kind, message } = outcome.failure;
  ctx.log.warn(`Completion failed (${kind}): ${message}`);
  const fix =
    kind === 'unauthorized' || kind === 'config'
      ? 'Fix: "Hugging Face: Sign In (Set Token)", or check huggingFace.completion.*.'
      : kind === 'rate-limited'
        ? 'It resumes by itself in a moment.'
        : kind === 'quota-exceeded'
          ? 'Fix: raise huggingFace.quota.monthlyRequests, or complete with a local endpoint.'
          : kind === 'network' || kind === 'timeout'
            ? 'Is the server running? Check huggingFace.completion.endpoint / huggingFace.endpoints.'
            : '';
  status.set('problem', `${message}${fix ? `\n${fix}` : ''}`);
}
