import { strict as assert } from 'node:assert';
import {
  DEFAULT_ACTION_SETTINGS,
  pinnedModelKey,
  readActionSettings,
  readEndpoints,
  readRoutingSettings,
  settingId,
  taskOfPinnedModelKey,
} from '../../src/configModel';
import { DEFAULT_SETTINGS, type SettingKey } from '../../src/core/routing/settings';
import { TASK_KINDS } from '../../src/core/tasks/taskTypes';
import { declaredSettings } from './support/packageJson';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('configModel', () => {
  it('gives the core defaults when nothing is set', () => {
    assert.deepEqual(readRoutingSettings(from({}), {}), DEFAULT_SETTINGS);
    assert.deepEqual(readActionSettings(from({})), DEFAULT_ACTION_SETTINGS);
  });

  it('gives the core defaults for the defaults package.json declares (what the Settings UI shows)', () => {
    const declared = declaredSettings();
    const fromPackage = (key: SettingKey) => declared[settingId(key)]?.default;
    assert.deepEqual(readRoutingSettings(fromPackage, {}), DEFAULT_SETTINGS);
    assert.deepEqual(readActionSettings(fromPackage), DEFAULT_ACTION_SETTINGS);
  });

  it('uses HF_ENDPOINT for the Hub only when the hubUrl setting is empty', () => {
    assert.equal(readRoutingSettings(from({ hubUrl: '' }), { HF_ENDPOINT: 'http://127.0.0.1:8080' }).hubUrl, 'http://127.0.0.1:8080');
    assert.equal(readRoutingSettings(from({ hubUrl: 'https://mirror.example' }), { HF_ENDPOINT: 'http://127.0.0.1:8080' }).hubUrl, 'https://mirror.example');
  });

  it('converts seconds to milliseconds and keeps the selection limit in step', () => {
    const s = readRoutingSettings(from({ requestTimeoutSeconds: 5, 'cache.ttlSeconds': 0, maxSelectionChars: 300 }), {});
    assert.equal(s.requestTimeoutMs, 5000);
    assert.equal(s.cacheTtlMs, 0);
    assert.equal(s.maxInputChars, 300);
  });

  it('falls back to the default for out-of-range or mistyped values', () => {
    const s = readRoutingSettings(from({ 'rateLimit.requestsPerMinute': 0, 'quota.monthlyRequests': -5, 'routing.policy': 'fastest', 'retry.maxAttempts': '2' }), {});
    assert.equal(s.requestsPerMinute, DEFAULT_SETTINGS.requestsPerMinute);
    assert.equal(s.monthlyQuota, DEFAULT_SETTINGS.monthlyQuota);
    assert.equal(s.policy, DEFAULT_SETTINGS.policy);
    assert.equal(s.maxAttempts, DEFAULT_SETTINGS.maxAttempts);
  });

  it('clamps a timeout past what Node timers can hold (every attempt would time out at once) to the maximum', () => {
    assert.equal(readRoutingSettings(from({ requestTimeoutSeconds: 3e9 }), {}).requestTimeoutMs, 600_000);
    assert.ok(readRoutingSettings(from({ requestTimeoutSeconds: 3e9 }), {}).requestTimeoutMs < 2 ** 31);
    assert.equal(readActionSettings(from({ maxSelectionChars: 5e7 })).maxSelectionChars, 1_000_000);
  });

  it('accepts 0 as an unlimited monthly quota', () => {
    assert.equal(readRoutingSettings(from({ 'quota.monthlyRequests': 0 }), {}).monthlyQuota, 0);
  });

  it('maps every task to its models.* key and back', () => {
    assert.equal(pinnedModelKey('generate-code'), 'models.generateCode');
    assert.equal(pinnedModelKey('question-answering'), 'models.questionAnswering');
    for (const task of TASK_KINDS) assert.equal(taskOfPinnedModelKey(pinnedModelKey(task)), task);
    assert.equal(taskOfPinnedModelKey('models.unknown'), undefined);
  });

  it('reads pinned models, ignoring blank ones', () => {
    const s = readRoutingSettings(from({ 'models.ner': ' dslim/bert-base-NER ', 'models.translate': '  ' }), {});
    assert.deepEqual(s.pinnedModels, { ner: 'dslim/bert-base-NER' });
  });

  it('keeps only well-formed endpoints and valid task names', () => {
    const endpoints = readEndpoints([
      { id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', tasks: ['generate-code', 'dance'] },
      { id: 'broken', baseUrl: 'http://x' },
      'nonsense',
      { id: 'tgi', baseUrl: 'http://tgi/v1', model: 'tgi' },
    ]);
    assert.deepEqual(endpoints, [
      { id: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', tasks: ['generate-code'] },
      { id: 'tgi', baseUrl: 'http://tgi/v1', model: 'tgi' },
    ]);
    assert.deepEqual(readEndpoints({ id: 'x' }), []);
  });

  it('reads the action settings, keeping default topic labels when the list is empty', () => {
    const a = readActionSettings(from({ 'summarize.style': 'paragraph', 'summarize.output': 'preview', 'topic.labels': [], 'translate.recentLimit': 0 }));
    assert.equal(a.summarizeStyle, 'paragraph');
    assert.equal(a.summarizeOutput, 'preview');
    assert.deepEqual(a.topicLabels, DEFAULT_ACTION_SETTINGS.topicLabels);
    assert.equal(a.translateRecentLimit, 0);
    assert.deepEqual(readActionSettings(from({ 'topic.labels': [' a ', '', 3, 'b'] })).topicLabels, ['a', 'b']);
  });

  it('prefixes setting ids', () => {
    assert.equal(settingId('quota.monthlyRequests'), 'huggingFace.quota.monthlyRequests');
  });
});
