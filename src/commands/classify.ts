/** Classify Sentiment / Classify Topic of the selection: the labels and scores are shown in a message. */
import { shortModelName } from '../core/routing/progressText';
import { settingId } from '../core/routing/settings';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { labelSummary, parseLabels } from '../ui/resultText';
import { plainMessage } from '../ui/messages';
import { inform } from '../ui/notify';
import { cancelled, type ActionResult, type Routed, type Step } from './actionResult';
import { stringArrayArg } from './args';
import { refuse, selectionAction } from './run';

export function classifySentiment(ctx: Ctx) {
  return selectionAction(ctx, 'sentiment', async ({ target, route }) =>
    showLabels('Sentiment', await route('Classifying sentiment…', { task: 'sentiment', text: target.text })),
  );
}

export function classifyTopic(ctx: Ctx) {
  return selectionAction(ctx, 'topic', async ({ args, target, route }) => {
    const given = stringArrayArg(args, 'labels');
    const typed = given === undefined ? await askLabels(ctx.config.actionSettings().topicLabels) : undefined;
    if (given === undefined && typed === undefined) return cancelled();
    const labels = given ? parseLabels(given.join(',')) : parseLabels(typed ?? '');
    if (labels.length === 0) return refuse(plainMessage('Give at least one candidate topic, e.g. "bug report, question".'));
    return showLabels('Topic', await route('Classifying the topic…', { task: 'topic', text: target.text, labels }, { retryArgs: { labels } }));
  });
}

function showLabels(title: string, routed: Step<Routed<'sentiment' | 'topic'>>): ActionResult {
  if (!routed.ok) return routed.result;
  const { result, decision } = routed.value;
  // Models name labels differently (the result is in one vocabulary already): say which one answered.
  const model = decision.chosen ? ` — ${shortModelName(decision.chosen.model)}` : '';
  const message = `${labelSummary(title, result.labels)}${model}`;
  inform(message);
  return { status: 'applied', message, decision, result };
}

function askLabels(defaults: readonly string[]): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Classify Topic of Selection',
    prompt: `Candidate topics, separated by commas (default list: setting ${settingId('topic.labels')}).`,
    value: defaults.join(', '),
    ignoreFocusOut: true,
  });
}
