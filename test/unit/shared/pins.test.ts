import { strict as assert } from 'node:assert';
import { pinLines, pinScope, pinsOf } from '../../../src/shared/pins';

describe('shared/pins', () => {
  it('lists the pins in task order and leaves out empty ones', () => {
    const pins = pinsOf({ chat: 'Qwen/Qwen2.5-7B-Instruct', translate: ' Helsinki-NLP/opus-mt-en-es ', summarize: '  ' });
    assert.deepEqual(pins, [
      { task: 'translate', model: 'Helsinki-NLP/opus-mt-en-es' },
      { task: 'chat', model: 'Qwen/Qwen2.5-7B-Instruct' },
    ]);
  });

  it('names the language pair of a fixed-pair translation model, and only the task otherwise', () => {
    assert.equal(pinScope({ task: 'translate', model: 'Helsinki-NLP/opus-mt-en-es' }), 'Translate (en→es)');
    assert.equal(pinScope({ task: 'translate', model: 'facebook/nllb-200-distilled-600M' }), 'Translate');
    assert.equal(pinScope({ task: 'sentiment', model: 'Helsinki-NLP/opus-mt-en-es' }), 'Sentiment');
    assert.deepEqual(pinLines([{ task: 'translate', model: 'Helsinki-NLP/opus-mt-en-es' }]), ['Translate (en→es): Helsinki-NLP/opus-mt-en-es']);
  });
});
