import { strict as assert } from 'node:assert';
import { targetLanguageItems } from '../../../../src/commands/languagePick';
import { LANGUAGES } from '../../../../src/core/language/languages';

describe('commands/languagePick', () => {
  it('lists recent targets first, most recent first, and not again below', () => {
    const list = targetLanguageItems(LANGUAGES, ['fr', 'es']);
    assert.deepEqual(list.recent.map((i) => i.code), ['fr', 'es']);
    assert.ok(!list.others.some((i) => i.code === 'fr' || i.code === 'es'));
    assert.equal(list.recent.length + list.others.length, LANGUAGES.length);
  });

  it('drops unsupported or repeated recent codes and normalises tags', () => {
    const list = targetLanguageItems(LANGUAGES, ['xx', 'es-MX', 'es']);
    assert.deepEqual(list.recent.map((i) => i.code), ['es']);
  });

  it('leaves out an excluded language (the source, when asking for it)', () => {
    const list = targetLanguageItems(LANGUAGES, ['en'], 'en');
    assert.equal(list.recent.length, 0);
    assert.ok(!list.others.some((i) => i.code === 'en'));
  });

  it('labels with the English name and describes with the native name and code', () => {
    const es = targetLanguageItems(LANGUAGES, ['es']).recent[0];
    assert.deepEqual(es, { code: 'es', label: 'Spanish', description: 'Español · es' });
    const en = targetLanguageItems(LANGUAGES, ['en']).recent[0];
    assert.equal(en.description, 'en');
  });
});
