import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_MODEL_FIXTURES, localModelFixtureDir } from '../../../fixtures/local-models';
import { groupEntities, toLocalResult } from '../../../../src/core/local/localOutputs';
import { localModelFiles, LOCAL_PIPELINES, LOCAL_TASKS } from '../../../../src/core/local/localTypes';

describe('core/local: the files a local model needs', () => {
  it('an encoder-only task needs the config, the tokenizer and the ONNX file of the chosen dtype (q8 by default)', () => {
    assert.deepEqual(localModelFiles('sentiment'), ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
    assert.deepEqual(localModelFiles('ner', 'fp32').at(-1), 'onnx/model.onnx');
    assert.deepEqual(localModelFiles('zeroShot', 'fp16').at(-1), 'onnx/model_fp16.onnx');
  });
  it('translation and summarization need the encoder and the merged decoder, and the generation config', () => {
    assert.deepEqual(localModelFiles('translation'), [
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'generation_config.json',
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
    assert.deepEqual(localModelFiles('summarization', 'fp32').slice(-2), ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx']);
  });
  it('every task has a transformers.js pipeline', () => {
    for (const task of LOCAL_TASKS) assert.ok(LOCAL_PIPELINES[task]);
  });
});

describe('core/local: pipeline outputs in the @huggingface/inference shapes', () => {
  const token = (entity: string, index: number, word: string, score = 0.9) => ({ entity, index, word, score });

  it('groups B-/I- tokens and WordPiece pieces into entities with offsets in the original text (case kept)', () => {
    const text = 'Dr. John Smith flew from New York to Paris.';
    const entities = groupEntities(text, [
      token('B-PER', 3, 'john'),
      token('I-PER', 4, 'smith', 0.7),
      token('B-LOC', 7, 'new'),
      token('I-LOC', 8, 'york'),
      token('B-LOC', 10, 'par'),
      token('B-LOC', 11, '##is'),
    ]);
    assert.deepEqual(
      entities.map((e) => [e.entity_group, e.word, e.start, e.end]),
      [
        ['PER', 'John Smith', 4, 14],
        ['LOC', 'New York', 25, 33],
        ['LOC', 'Paris', 37, 42],
      ],
    );
    assert.ok(Math.abs(entities[0].score - 0.8) < 1e-9, 'a group scores the mean of its tokens');
  });

  it('starts a new group when an I- token does not follow its group, and keeps -1 offsets for a word not in the text', () => {
    const entities = groupEntities('Mary met Ann', [token('B-PER', 1, 'mary'), token('I-PER', 3, 'ann'), token('B-LOC', 5, 'zzz')]);
    assert.deepEqual(
      entities.map((e) => [e.entity_group, e.word, e.start, e.end]),
      [
        ['PER', 'Mary', 0, 4],
        ['PER', 'Ann', 9, 12],
        ['LOC', 'zzz', -1, -1],
      ],
    );
  });

  it('maps zero-shot, translation, summary and QA outputs, and refuses a wrong shape clearly', () => {
    const base = { modelDir: '/m' } as const;
    assert.deepEqual(
      toLocalResult({ ...base, task: 'zeroShot', text: 't', labels: ['a', 'b'] }, { sequence: 't', labels: ['b', 'a'], scores: [0.7, 0.3] }),
      { task: 'zeroShot', output: [{ label: 'b', score: 0.7 }, { label: 'a', score: 0.3 }] },
    );
    assert.deepEqual(toLocalResult({ ...base, task: 'translation', text: 'hi' }, [{ translation_text: 'salut' }]), {
      task: 'translation',
      output: { translation_text: 'salut' },
    });
    assert.deepEqual(toLocalResult({ ...base, task: 'summarization', text: 'long' }, [{ summary_text: 'short' }]), {
      task: 'summarization',
      output: { summary_text: 'short' },
    });
    assert.deepEqual(toLocalResult({ ...base, task: 'qa', question: 'who?', context: 'It was Alice.' }, { answer: 'alice', score: 0.5 }), {
      task: 'qa',
      output: { answer: 'Alice', score: 0.5, start: 7, end: 12 },
    });
    assert.throws(() => toLocalResult({ ...base, task: 'sentiment', text: 'x' }, [{ label: 1 }]), /unexpected shape/);
    assert.throws(() => toLocalResult({ ...base, task: 'translation', text: 'x' }, []), /unexpected shape/);
  });
});

describe('core/local: the fixture models have every file localModelFiles asks for', () => {
  it('each tiny model in test/fixtures/local-models is a complete repository for its task (fp32)', () => {
    const root = join(__dirname, '../../../../..');
    for (const fixture of LOCAL_MODEL_FIXTURES) {
      for (const file of fixture.files) {
        assert.ok(existsSync(join(localModelFixtureDir(root, fixture.id), file)), `${fixture.id} lacks ${file}`);
      }
    }
    assert.deepEqual(new Set(LOCAL_MODEL_FIXTURES.map((f) => f.task)), new Set(LOCAL_TASKS));
  });
});
