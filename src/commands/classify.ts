/** Classify Sentiment / Classify Topic of the selection: the labels and scores are shown in a message. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { labelSummary, parseLabels } from '../ui/resultText';
import { plainMessage } from '../ui/messages';
import { inform } from '../ui/notify';
import { cancelled, type ActionResult } from './actionResult';
import { argsObject, stringArrayArg } from './args';
import { refusal, retryCommand, runRouted, startSelectionAction } from './run';

export function classifySentiment(ctx: Ctx) {
  return async (): Promise<ActionResult> => {
    const started = await startSelectionAction(ctx, 'sentiment');
    if (!started.ok) return started.result;
    const run = await runRouted(
      ctx,
      'Classifying sentiment…',
      { task: 'sentiment', text: started.value.text },
      { retry: retryCommand('huggingface.classifySentiment', undefined) },
    );
    if (!run.ok) return run.result;
    const { result, decision } = run.value;
    if (result.task !== 'sentiment') return { status: 'failed', message: 'Unexpected result type.', decision };
    const message = labelSummary('Sentiment', result.labels);
    inform(message);
    return { status: 'applied', message, decision, result };
  };
}

export function classifyTopic(ctx: Ctx) {
  return async (rawArgs?: unknown): Promise<ActionResult> => {
    const started = await startSelectionAction(ctx, 'topic');
    if (!started.ok) return started.result;
    const given = stringArrayArg(argsObject(rawArgs), 'labels');
    const typed = given === undefined ? await askLabels(ctx.config.actionSettings().topicLabels) : undefined;
    if (given === undefined && typed === undefined) return cancelled();
    const labels = given ? parseLabels(given.join(',')) : parseLabels(typed ?? '');
    if (labels.length === 0) return refusal(plainMessage('Give at least one candidate topic, e.g. "bug report, question".'));
    const run = await runRouted(
      ctx,
      'Classifying the topic…',
      { task: 'topic', text: started.value.text, labels },
      { retry: retryCommand('huggingface.classifyTopic', { labels }) },
    );
    if (!run.ok) return run.result;
    const { result, decision } = run.value;
    if (result.task !== 'topic') return { status: 'failed', message: 'Unexpected result type.', decision };
    const message = labelSummary('Topic', result.labels);
    inform(message);
    return { status: 'applied', message, decision, result };
  };
}

function askLabels(defaults: readonly string[]): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Classify Topic of Selection',
    prompt: 'Candidate topics, separated by commas (default list: setting huggingface.topic.labels).',
    value: defaults.join(', '),
    ignoreFocusOut: true,
  });
}
