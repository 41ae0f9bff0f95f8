import { strict as assert } from 'node:assert';
import { answerQuestion, classifySentiment, recognizeEntities, splitWords, summarize, translate, zeroShot } from '../../fake-hf/answers';
import { getCatalog } from '../../fake-hf/catalog';

describe('fake-hf deterministic answers', () => {
  it('translation takes the target from the opus-mt id, a >>xx<< marker, or tgt_lang', () => {
    assert.equal(translate('Helsinki-NLP/opus-mt-en-de', 'Hi'), '[de] Hi');
    assert.equal(translate('Helsinki-NLP/opus-mt-en-ROMANCE', '>>pt<< Hi'), '[pt] Hi');
    assert.equal(translate('facebook/m2m100_418M', 'Hi', 'fr'), '[fr] Hi');
    assert.deepEqual(translate('facebook/m2m100_418M', 'Hi'), { error: 'Model facebook/m2m100_418M requires parameters.tgt_lang' });
  });

  it('summary is the first sentence, or the whole text without one', () => {
    assert.equal(summarize('  Version 1.2 is out. More later.'), 'Summary: Version 1.2 is out.');
    assert.equal(summarize('no punctuation here'), 'Summary: no punctuation here');
  });

  it('QA with nothing shared returns an empty answer and a tiny score', () => {
    assert.deepEqual(answerQuestion('Who?', 'Nothing matches'), { answer: '', score: 0.0001, start: 0, end: 0 });
    assert.deepEqual(answerQuestion('is it red or blue', 'blue and red'), { answer: 'blue', score: 0.9, start: 0, end: 4 });
  });

  it('sentiment scores follow the keyword counts; cardiffnlp uses three lowercase labels', () => {
    assert.deepEqual(classifySentiment('x/y', 'bad bad good'), [
      { label: 'NEGATIVE', score: 0.6 },
      { label: 'POSITIVE', score: 0.4 },
    ]);
    assert.deepEqual(classifySentiment('cardiffnlp/m', 'plain').map((s) => s.label), ['neutral', 'positive', 'negative']);
  });

  it('zero-shot scores sum to one and multi_label scores independently', () => {
    const single = zeroShot('cats and cats', ['dogs', 'cats'], false);
    assert.deepEqual(single, [{ label: 'cats', score: 0.75 }, { label: 'dogs', score: 0.25 }]);
    assert.deepEqual(zeroShot('cats', ['dogs', 'cats'], true).map((s) => s.score), [0.9, 0.1]);
  });

  it('NER matches whole words only', () => {
    assert.deepEqual(recognizeEntities('Bobby met Bob in Berlin.').map((e) => [e.word, e.start]), [['Bob', 10], ['Berlin', 17]]);
  });

  it('word chunks concatenate back to the exact text', () => {
    for (const text of ['', ' lead', 'a  b\n c ', 'single']) assert.equal(splitWords(text).join(''), text);
    assert.deepEqual(splitWords('a b'), ['a', ' b']);
  });

  it('the catalog is deterministic and has the promised volume', () => {
    const c = getCatalog();
    assert.ok(c.models.length >= 1200 && c.datasets.length >= 290 && c.spaces.length >= 195);
    assert.deepEqual(c.model('Salesforce/codegen-350M-mono')?.inferenceProviderMapping, []);
    assert.equal(c.model('facebook/bart-large-cnn')?.inferenceProviderMapping[0].task, 'summarization');
    assert.equal(new Set(c.models.map((m) => m.id)).size, c.models.length, 'ids are unique');
  });
});
