import { strict as assert } from 'node:assert';
import { fixedLanguagePair } from '../../../../src/core/language/languagePairs';

describe('core/language/languagePairs', () => {
  it('reads it from opus-mt ids, and finds none for many-to-many models', () => {
    assert.deepEqual(fixedLanguagePair('Helsinki-NLP/opus-mt-en-es'), { source: 'en', target: 'es' });
    assert.deepEqual(fixedLanguagePair('Helsinki-NLP/opus-mt-tc-big-en-fr'), { source: 'en', target: 'fr' });
    assert.equal(fixedLanguagePair('facebook/nllb-200-distilled-600M'), undefined);
    assert.equal(fixedLanguagePair('facebook/m2m100_418M'), undefined);
    assert.equal(fixedLanguagePair('Helsinki-NLP/opus-mt-en-es-extra'), undefined);
  });
});
