import { strict as assert } from 'node:assert';
import { languageChoices } from '../../../src/commands/languageChoices';
import { LANGUAGES } from '../../../src/core/language/languages';

describe('commands/languageChoices', () => {
  it('lists the given codes first, in their order, and not again below', () => {
    const list = languageChoices(LANGUAGES, ['fr', 'es']);
    assert.deepEqual(list.first.map((i) => i.code), ['fr', 'es']);
    assert.ok(!list.others.some((i) => i.code === 'fr' || i.code === 'es'));
    assert.equal(list.first.length + list.others.length, LANGUAGES.length);
  });

  it('drops unsupported or repeated codes and normalises tags', () => {
    const list = languageChoices(LANGUAGES, ['xx', 'es-MX', 'es']);
    assert.deepEqual(list.first.map((i) => i.code), ['es']);
  });

  it('leaves out an excluded language (the source, when asking for it)', () => {
    const list = languageChoices(LANGUAGES, ['en'], 'en');
    assert.equal(list.first.length, 0);
    assert.ok(!list.others.some((i) => i.code === 'en'));
  });

  it('labels with the English name and describes with the native name and code', () => {
    const es = languageChoices(LANGUAGES, ['es']).first[0];
    assert.deepEqual(es, { code: 'es', label: 'Spanish', description: 'Español · es' });
    const en = languageChoices(LANGUAGES, ['en']).first[0];
    assert.equal(en.description, 'en');
  });

  it('never offers the language the text is already in as the default target, but keeps it at the end', () => {
    const fresh = languageChoices(LANGUAGES, [], undefined, 'en');
    assert.notEqual(fresh.others[0].code, 'en', 'English is not the highlighted first item for English text');
    assert.equal(fresh.others.at(-1)?.code, 'en');
    const recent = languageChoices(LANGUAGES, ['en', 'fr'], undefined, 'en');
    assert.deepEqual(recent.first.map((c) => c.code), ['fr']);
    assert.equal(recent.others.at(-1)?.code, 'en');
  });
});
