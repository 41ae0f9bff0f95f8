/**
 * One label set for sentiment, whichever model answered: SST-2 models say POSITIVE/NEGATIVE, the Twitter
 * models LABEL_0..2 or negative/neutral/positive, review models "1 star".."5 stars", chat models their own
 * words. The user always sees positive, neutral and negative, in that vocabulary. Pure.
 */
import type { ScoredLabel } from '../tasks/taskTypes';

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** One model label in the common vocabulary; undefined for a label that is not a sentiment (e.g. "joy"). */
export function sentimentOf(label: string, labelCount: number): Sentiment | undefined {
  const text = label.trim().toLowerCase();
  const numbered = /^label_(\d)$/.exec(text);
  if (numbered) {
    const names: readonly Sentiment[] = labelCount === 2 ? ['negative', 'positive'] : ['negative', 'neutral', 'positive'];
    return names[Number(numbered[1])];
  }
  const stars = /^(\d) stars?$/.exec(text);
  if (stars) return Number(stars[1]) >= 4 ? 'positive' : Number(stars[1]) <= 2 ? 'negative' : 'neutral';
  if (/^(pos|positive)$/.test(text)) return 'positive';
  if (/^(neg|negative)$/.test(text)) return 'negative';
  if (/^(neu|neutral|mixed)$/.test(text)) return 'neutral';
  return undefined;
}

/**
 * The labels as positive / neutral / negative, highest score first: scores of labels that map to the same
 * sentiment add up, a sentiment the model has no label for scores 0. Labels that are no sentiment at all
 * are kept as they are when nothing maps (an emotion model pinned by the user still shows its own words).
 */
export function commonSentiments(labels: readonly ScoredLabel[]): ScoredLabel[] {
  const scores = new Map<Sentiment, number>();
  for (const l of labels) {
    const s = sentimentOf(l.label, labels.length);
    if (s !== undefined) scores.set(s, (scores.get(s) ?? 0) + l.score);
  }
  const out = scores.size === 0 ? labels.map((l) => ({ label: l.label, score: l.score })) : SENTIMENTS.map((s) => ({ label: s, score: scores.get(s) ?? 0 }));
  return out.sort((a, b) => b.score - a.score);
}
