import { strict as assert } from 'node:assert';
import { extractLabels, extractTranslationLanguages, findLanguageMentions } from '../../../../src/core/intent/taskArguments';

describe('findLanguageMentions', () => {
  it('finds every named language in order with its role', () => {
    const mentions = findLanguageMentions('Translate from Spanish to English, not French');
    assert.deepEqual(
      mentions.map((m) => [m.code, m.role]),
      [
        ['es', 'source'],
        ['en', 'target'],
        ['fr', 'plain'],
      ],
    );
  });

  it('prefers the longest name and folds accents and case', () => {
    assert.deepEqual(findLanguageMentions('Write it in NORSK BOKMÅL').map((m) => [m.code, m.name]), [['no', 'norsk bokmal']]);
    assert.deepEqual(findLanguageMentions('翻译成简体中文').map((m) => [m.code, m.name, m.role]), [['zh', '简体中文', 'target']]);
  });

  it('reads Japanese particles after the name: に marks the target, から the source', () => {
    const mentions = findLanguageMentions('英語から日本語に翻訳して');
    assert.deepEqual(
      mentions.map((m) => [m.code, m.role, m.phrase]),
      [
        ['en', 'source', '英語'],
        ['ja', 'target', '日本語に'],
      ],
    );
  });

  it('keeps the marker in the phrase of a target', () => {
    assert.equal(findLanguageMentions('Übersetze ins Französische')[0].phrase, 'ins franzosische');
    assert.equal(findLanguageMentions('переведи по-английски')[0].phrase, 'по-английски');
  });

  it('keeps the marker but not the punctuation before it', () => {
    assert.equal(findLanguageMentions('Translate (to German)')[0].phrase, 'to german');
    assert.equal(findLanguageMentions("Traduis ça vers l'anglais")[0].phrase, "vers l'anglais");
  });

  it('does not match names inside other words', () => {
    assert.deepEqual(findLanguageMentions('Thailander Englishman'), []);
  });
});

describe('extractTranslationLanguages', () => {
  it('takes a lone unmarked name as the target, but not one marked as the source', () => {
    assert.deepEqual(extractTranslationLanguages('French translation please'), { explicitTarget: false, target: 'fr', targetPhrase: 'french' });
    const sourceOnly = extractTranslationLanguages('Translate this German text');
    assert.equal(sourceOnly.target, undefined);
    assert.equal(sourceOnly.source, 'de');
  });

  it('accepts ISO code shorthand but not codes that are English words', () => {
    assert.equal(extractTranslationLanguages('en->es').target, 'es');
    assert.equal(extractTranslationLanguages('en->es').source, 'en');
    assert.equal(extractTranslationLanguages('translate to pt-BR').target, 'pt');
    assert.equal(extractTranslationLanguages('translate it to it').target, undefined);
    assert.equal(extractTranslationLanguages('listen to me').target, undefined);
  });

  it('reads code shorthand with a region or an arrow, and the source before the arrow', () => {
    const region = extractTranslationLanguages('Translate from de to en-GB');
    assert.deepEqual([region.explicitTarget, region.target, region.targetPhrase, region.source], [true, 'en', 'to en-gb', undefined]);
    assert.deepEqual(extractTranslationLanguages('translate it: es → fr'), { explicitTarget: true, target: 'fr', targetPhrase: 'es → fr', source: 'es' });
  });

  it('returns nothing when no language is named', () => {
    assert.deepEqual(extractTranslationLanguages('Translate this'), { explicitTarget: false });
  });
});

describe('extractLabels', () => {
  it('keeps the user spelling of labels', () => {
    assert.deepEqual(extractLabels('Classify as Bug, Feature Request or Question'), ['Bug', 'Feature Request', 'Question']);
  });

  it('strips quotes and trailing punctuation and removes duplicates', () => {
    assert.deepEqual(extractLabels('Categorize as "urgent", "normal", "urgent" or "low".'), ['urgent', 'normal', 'low']);
  });

  it('finds labels after a colon, in parentheses and in an "is this about X or Y" question', () => {
    assert.deepEqual(extractLabels('Categorize: spam, ham'), ['spam', 'ham']);
    assert.deepEqual(extractLabels('Classify this (sports/politics/tech)'), ['sports', 'politics', 'tech']);
    assert.deepEqual(extractLabels('Is this review about pricing or support?'), ['pricing', 'support']);
  });

  it('finds no labels when there is no list', () => {
    for (const prompt of ['Classify this text', 'Classify as positive', 'What is the topic?', 'Categorize these into groups that make sense for a large support team working across many different time zones, or not']) {
      assert.equal(extractLabels(prompt), undefined, prompt);
    }
  });
});
