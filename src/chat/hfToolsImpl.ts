/**
 * Running the Hugging Face agent-mode tools (registered by src/chat/hfTools.ts; this module is in the actions chunk):
 * inputs checked against their schemas, Hub searches through the Hub service, tasks through the router (rate limit,
 * quota, fallback). Results are plain text parts, sized; failures are text too (what went wrong and what to do), so
 * the model can relay them. Hub and model text is data: it is never turned into links or commands here.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { findLanguage, languageName } from '../core/language/languages';
import { detectLanguage } from '../core/language/languageDetection';
import { cardSummary, sizedText, validateToolInput, type ToolInput } from '../core/tools/hfToolSpecs';
import type { TaskRequest } from '../core/tasks/taskTypes';
import { hubService } from '../hubCalls';
import { preflightFor } from '../commands/run';
import type { HubQuery } from '../shared/hubTypes';
import { callFailureOf, failureMessage } from '../ui/messages';
import { entitySummary, labelSummary } from '../ui/resultText';
import { hubItemLine, hubResultsHeading, hubSearchQuery } from './hubSearch';


const result = (text: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

export async function invokeHfTool(ctx: Ctx, name: string, input: unknown, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
  const checked = validateToolInput(name, input);
  if (!checked.ok) return result(`Invalid input: ${checked.message} Nothing was sent.`);
  try {
    return result(await run(ctx, name, checked.value, token));
  } catch (err) {
    const { kind, message } = callFailureOf(err);
    if (kind === 'cancelled' || token.isCancellationRequested) return result('Cancelled.');
    const settings = ctx.config.routingSettings();
    const user = failureMessage(kind, message, { hasToken: await ctx.tokens.hasToken(), hubUrl: settings.hubUrl, routerUrl: settings.routerUrl });
    return result(`${name} failed: ${user.text}`);
  }
}

function str(input: ToolInput, key: string): string {
  const v = input[key];
  return typeof v === 'string' ? v : '';
}

function num(input: ToolInput, key: string, fallback: number): number {
  const v = input[key];
  return typeof v === 'number' ? v : fallback;
}

async function search(ctx: Ctx, query: HubQuery, limit: number): Promise<string> {
  const page = await hubService(ctx).list(query, 0, limit);
  const items = page.items.slice(0, limit);
  return items.length === 0 ? hubResultsHeading(query, 0) : sizedText([hubResultsHeading(query, items.length), ...items.map((item) => `- ${hubItemLine(item)}`)]);
}

async function routed(ctx: Ctx, request: TaskRequest, token: vscode.CancellationToken) {
  const problem = await preflightFor(ctx, request.task);
  if (problem) throw new Error(problem.text);
  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  try {
    return await ctx.router.run(request, { signal: controller.signal });
  } finally {
    cancel.dispose();
  }
}

async function run(ctx: Ctx, name: string, input: ToolInput, token: vscode.CancellationToken): Promise<string> {
  switch (name) {
    case 'hf_searchModels':
      return search(ctx, hubSearchQuery('models', str(input, 'query'), str(input, 'task')), num(input, 'limit', 10));
    case 'hf_searchDatasets':
      return search(ctx, hubSearchQuery('datasets', str(input, 'query')), num(input, 'limit', 10));
    case 'hf_searchSpaces':
      return search(ctx, hubSearchQuery('spaces', str(input, 'query')), num(input, 'limit', 10));
    case 'hf_modelInfo': {
      const d = await hubService(ctx).details('model', str(input, 'id'));
      if (d.kind !== 'model') return `${str(input, 'id')} is not a model.`;
      const card = await hubService(ctx).cardText('model', d.id).catch(() => undefined);
      const providers = d.providers.length > 0 ? d.providers.map((p) => `${p.provider} (${p.status}${p.task ? `, ${p.task}` : ''})`).join(', ') : 'none (not served by Inference Providers)';
      return sizedText([
        `${d.id} by ${d.author}`,
        `Task: ${d.task || 'unknown'}; library: ${d.library || 'unknown'}; ${d.downloads.toLocaleString('en-US')} downloads, ${d.likes.toLocaleString('en-US')} likes${d.gated ? '; gated (request access on the Hub)' : ''}.`,
        `Served by: ${providers}.`,
        `This extension can use it for: ${d.tasks.length > 0 ? d.tasks.join(', ') : 'nothing directly'}.`,
        `Tags: ${d.tags.slice(0, 20).join(', ')}`,
        card === null ? 'Card: this model has no model card.' : card === undefined ? 'Card: could not be read just now.' : `Card summary: ${cardSummary(card) || '(empty)'}`,
      ]);
    }
    case 'hf_datasetRows': {
      const service = hubService(ctx);
      let preview = await service.datasetPreview(str(input, 'id'), str(input, 'config'), str(input, 'split'));
      if (!str(input, 'config') && preview.splits.length > 0 && !preview.config) preview = await service.datasetPreview(str(input, 'id'), preview.splits[0].config, preview.splits[0].split);
      const count = num(input, 'count', 5);
      if (preview.columns.length === 0) return `The dataset viewer has no rows for ${str(input, 'id')}.`;
      return sizedText([
        `${str(input, 'id')} (${preview.config}/${preview.split}), columns: ${preview.columns.map((c) => c.name).join(', ')}`,
        ...preview.rows.slice(0, count).map((row, i) => `${i + 1}. ${row.map((cell, k) => `${preview.columns[k]?.name ?? k}=${cell}`).join(' | ')}`),
      ]);
    }
    case 'hf_translate': {
      const target = findLanguage(str(input, 'targetLanguage'));
      if (!target) return `Unknown target language "${str(input, 'targetLanguage')}": use a code such as "fr" or a name such as "French". Nothing was sent.`;
      const given = str(input, 'sourceLanguage');
      const source = given ? findLanguage(given)?.code : undefined;
      if (given && !source) return `Unknown source language "${given}". Nothing was sent.`;
      const detected = detectLanguage(str(input, 'text'));
      const sourceLang = source ?? (detected && detected.confidence >= 0.5 ? detected.lang : 'auto');
      const { result: r, decision } = await routed(ctx, { task: 'translate', text: str(input, 'text'), sourceLang, targetLang: target.code }, token);
      return r.task === 'translate' ? `Translation into ${languageName(target.code)} (${decision.chosen?.model ?? 'Hugging Face'}):\n${r.text}` : '';
    }
    case 'hf_summarize': {
      const { result: r, decision } = await routed(ctx, { task: 'summarize', text: str(input, 'text'), style: 'paragraph', length: 'medium' }, token);
      return r.task === 'summarize' ? `Summary (${decision.chosen?.model ?? 'Hugging Face'}):\n${r.text}` : '';
    }
    case 'hf_classify': {
      const labels = input.labels;
      const request: TaskRequest = Array.isArray(labels) ? { task: 'topic', text: str(input, 'text'), labels: labels as string[] } : { task: 'sentiment', text: str(input, 'text') };
      const { result: r, decision } = await routed(ctx, request, token);
      const by = ` (${decision.chosen?.model ?? 'Hugging Face'})`;
      return r.task === 'sentiment' ? `${labelSummary('Sentiment', r.labels)}${by}` : r.task === 'topic' ? `${labelSummary('Topics', r.labels)}${by}` : '';
    }
    case 'hf_extractEntities': {
      const { result: r, decision } = await routed(ctx, { task: 'ner', text: str(input, 'text') }, token);
      if (r.task !== 'ner') return '';
      return sizedText([`${entitySummary(r.entities)} (${decision.chosen?.model ?? 'Hugging Face'})`, ...r.entities.map((e) => `- ${e.group}: ${e.word} (${Math.round(e.score * 100)} %)`)]);
    }
    default:
      return `Unknown tool ${name}.`;
  }
}
