import { strict as assert } from 'node:assert';
import { apiFor, localTaskFor, tasksForPipeline } from '../../../src/shared/taskMapping';

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

  it('says which ONNX models can run on this machine, and for which task', () => {
    assert.equal(localTaskFor({ task: 'text-classification', library: 'transformers.js', tags: [] }), 'sentiment');
    assert.equal(localTaskFor({ task: 'translation', library: 'transformers', tags: ['onnx'] }), 'translate');
    assert.equal(localTaskFor({ task: 'text-classification', library: 'transformers', tags: ['pytorch'] }), undefined, 'no ONNX weights');
    assert.equal(localTaskFor({ task: 'text-generation', library: 'transformers.js', tags: ['onnx'] }), undefined, 'chat models do not run here');
    assert.equal(localTaskFor({ task: 'fill-mask', library: 'transformers.js', tags: [] }), undefined, 'no task of ours');
  });
});
