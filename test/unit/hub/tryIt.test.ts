import { strict as assert } from 'node:assert';
import { DEFAULT_TOPIC_LABELS, TryInputError, formatTaskResult, planTryRun } from '../../../src/hub/tryIt';
import type { TryInput } from '../../../src/shared/hubTypes';

const input = (over: Partial<TryInput> = {}): TryInput => ({ text: 'Hello', context: '', labels: '', sourceLang: '', targetLang: '', ...over });

describe('hub/tryIt', () => {
  it('plans a chat model run through the chat API on the chosen provider', () => {
    const plan = planTryRun('chat', 'Qwen/Qwen2.5-72B-Instruct', 'text-generation', 'together', input());
    assert.deepEqual(plan.request, { task: 'chat', prompt: 'Hello' });
    assert.deepEqual(plan.candidate.provider, { kind: 'hf', provider: 'together' });
    assert.equal(plan.candidate.api, 'chat');
    assert.equal(plan.candidate.model, 'Qwen/Qwen2.5-72B-Instruct');
  });

  it('plans a task model through its task API with provider auto by default', () => {
    const plan = planTryRun('topic', 'facebook/bart-large-mnli', 'zero-shot-classification', '', input({ labels: ' tech, , sports ' }));
    assert.deepEqual(plan.request, { task: 'topic', text: 'Hello', labels: ['tech', 'sports'] });
    assert.equal(plan.candidate.api, 'zero-shot-classification');
    assert.deepEqual(plan.candidate.provider, { kind: 'hf', provider: 'auto' });
  });

  it('fills defaults for translation languages and topic labels', () => {
    assert.deepEqual(planTryRun('translate', 'm/t', 'translation', '', input()).request, { task: 'translate', text: 'Hello', sourceLang: 'en', targetLang: 'fr' });
    const topic = planTryRun('topic', 'm/t', 'zero-shot-classification', '', input()).request;
    assert.deepEqual(topic.task === 'topic' && topic.labels, DEFAULT_TOPIC_LABELS);
  });

  it('asks for the missing input (question answering needs a context) and rejects odd provider names', () => {
    assert.throws(() => planTryRun('chat', 'm/t', '', '', input({ text: '  ' })), TryInputError);
    assert.throws(() => planTryRun('question-answering', 'm/t', 'question-answering', '', input()), /context passage/);
    assert.throws(() => planTryRun('chat', 'm/t', '', 'https://evil', input()), TryInputError);
  });

  it('formats results as text', () => {
    assert.equal(formatTaskResult({ task: 'sentiment', labels: [{ label: 'POSITIVE', score: 0.9871 }, { label: 'NEGATIVE', score: 0.0129 }] }), 'POSITIVE  98.7%\nNEGATIVE  1.3%');
    assert.equal(formatTaskResult({ task: 'question-answering', answer: 'London', score: 0.5, start: 1, end: 2, generative: false }), 'London  (score 50.0%)');
    assert.equal(formatTaskResult({ task: 'ner', entities: [{ group: 'PER', word: 'Sarah', score: 0.99, start: 11, end: 16 }] }), 'Sarah  PER  99.0%');
    assert.equal(formatTaskResult({ task: 'ner', entities: [] }), 'No entities found.');
  });
});
