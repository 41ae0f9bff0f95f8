import { strict as assert } from 'node:assert';
import { chooseSource } from '../../../src/commands/sourceLanguage';

describe('commands/sourceLanguage', () => {
  it('uses a confident detection', () => {
    assert.deepEqual(chooseSource({ lang: 'fr', confidence: 0.9, alternatives: [] }, 'en'), { kind: 'known', lang: 'fr' });
  });

  it('says when the selection is confidently in the target language already', () => {
    assert.deepEqual(chooseSource({ lang: 'es', confidence: 0.9, alternatives: [] }, 'es'), { kind: 'same', lang: 'es' });
  });

  it('asks, with nothing suggested, when nothing was detected', () => {
    assert.deepEqual(chooseSource(undefined, 'en'), { kind: 'ask', suggestions: [] });
  });

  it('asks, with the guesses first, when the detection is unsure', () => {
    const choice = chooseSource({ lang: 'pt', confidence: 0.4, alternatives: [{ lang: 'es', confidence: 0.3 }, { lang: 'gl-x', confidence: 0.1 }] }, 'en');
    assert.equal(choice.kind, 'ask');
    assert.deepEqual(choice.kind === 'ask' ? choice.suggestions.slice(0, 2) : [], ['pt', 'es']);
  });

  it('asks rather than using a detected language the translator does not support', () => {
    assert.equal(chooseSource({ lang: 'zz', confidence: 0.99, alternatives: [] }, 'en').kind, 'ask');
  });
});
