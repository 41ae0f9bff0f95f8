import { strict as assert } from 'node:assert';
import { apiFor, fixedLanguagePair, tasksForPipeline } from '../../../src/shared/taskMapping';

describe('shared/taskMapping', () => {
  it('offers a task model only for its own task', () => {
    assert.deepEqual(tasksForPipeline('text-classification'), ['sentiment']);
    assert.deepEqual(tasksForPipeline('zero-shot-classification'), ['topic']);
    assert.deepEqual(tasksForPipeline('token-classification'), ['ner']);
    assert.deepEqual(tasksForPipeline('translation'), ['translate']);
  });

  it('offers chat models for every task, chat and code first', () => {
    const tasks = tasksForPipeline('text-generation');
    assert.deepEqual(tasks.slice(0, 2), ['chat', 'generate-code']);
    assert.equal(tasks.length, 8);
    assert.deepEqual(tasksForPipeline('image-text-to-text'), tasks);
  });

  it('offers nothing for pipelines the extension does not use', () => {
    assert.deepEqual(tasksForPipeline('text-to-image'), []);
    assert.deepEqual(tasksForPipeline(''), []);
  });

  it('calls chat models through the chat API and task models through their task API', () => {
    assert.equal(apiFor('summarize', 'text-generation'), 'chat');
    assert.equal(apiFor('summarize', 'summarization'), 'summarization');
    assert.equal(apiFor('sentiment', 'text-classification'), 'text-classification');
    assert.equal(apiFor('generate-code', ''), 'chat');
  });
});

describe('shared/taskMapping: the pair of a fixed-pair translation model', () => {
  it('reads it from opus-mt ids, and finds none for many-to-many models', () => {
    assert.deepEqual(fixedLanguagePair('Helsinki-NLP/opus-mt-en-es'), { source: 'en', target: 'es' });
    assert.deepEqual(fixedLanguagePair('Helsinki-NLP/opus-mt-tc-big-en-fr'), { source: 'en', target: 'fr' });
    assert.equal(fixedLanguagePair('facebook/nllb-200-distilled-600M'), undefined);
    assert.equal(fixedLanguagePair('facebook/m2m100_418M'), undefined);
    assert.equal(fixedLanguagePair('Helsinki-NLP/opus-mt-en-es-extra'), undefined);
  });
});
