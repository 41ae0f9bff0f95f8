import { strict as assert } from 'node:assert';
import { splitComment } from '../../../../src/core/comments/commentCodec';
import { protectDocSyntax } from '../../../../src/core/comments/docSyntax';

const fresh = () => ({ inSection: false });

describe('core/comments/docSyntax', () => {
  it('keeps doc tags and the names they introduce out of the prose', () => {
    assert.deepEqual(protectDocSyntax('@param {string[]} items la lista', fresh()), { lead: '@param {string[]} items ', prose: 'la lista', trail: '', breaks: true });
    assert.deepEqual(protectDocSyntax('@param items - la lista', fresh()).lead, '@param items - ');
    assert.deepEqual(protectDocSyntax('@returns {number} la suma', fresh()).prose, 'la suma');
    assert.deepEqual(protectDocSyntax('@throws IllegalArgumentException si falta', fresh()).prose, 'si falta');
    assert.deepEqual(protectDocSyntax(':param values: los valores', fresh()).prose, 'los valores');
    assert.deepEqual(protectDocSyntax(':rtype: float', fresh()).prose, '');
    assert.deepEqual(protectDocSyntax('@see OtherClass#method', fresh()).prose, '');
    assert.deepEqual(protectDocSyntax('TODO(ana): revisar esto', fresh()), { lead: 'TODO(ana): ', prose: 'revisar esto', trail: '', breaks: true });
  });

  it('C# XML doc tags stay; only the text between them is prose', () => {
    assert.deepEqual(protectDocSyntax('<param name="items">la lista</param>', fresh()), { lead: '<param name="items">', prose: 'la lista', trail: '</param>', breaks: true });
    assert.equal(protectDocSyntax('<summary>', fresh()).prose, '');
  });

  it('Google-style sections: the header and each item\'s name stay, until a blank line', () => {
    const state = fresh();
    assert.equal(protectDocSyntax('Args:', state).prose, '');
    assert.deepEqual(protectDocSyntax('values (list): los valores', state).lead, 'values (list): ');
    protectDocSyntax('', state);
    assert.equal(protectDocSyntax('Nota: esto es prosa', state).prose, 'Nota: esto es prosa');
  });

  it('splitComment sends no tag or name and puts them back around the translation', () => {
    const jsdoc = ['/**', ' * Suma los valores.', ' * @param {number[]} values los valores', ' * @returns {number} la suma', ' */'].join('\n');
    const split = splitComment(jsdoc, 'typescript');
    assert.ok(split);
    assert.equal(split.prose, 'Suma los valores.\nlos valores\nla suma');
    assert.equal(
      split.rebuild('Adds the values.\nthe values\nthe sum'),
      ['/**', ' * Adds the values.', ' * @param {number[]} values the values', ' * @returns {number} the sum', ' */'].join('\n'),
    );
    const py = ['"""Calcula la media.', '', 'Args:', '    values (list): los valores', '"""'].join('\n');
    const pySplit = splitComment(py, 'python');
    assert.ok(pySplit);
    assert.equal(pySplit.prose, 'Calcula la media.\nlos valores');
    assert.ok(pySplit.rebuild('Computes the mean.\nthe values').includes('    values (list): the values'));
    const cs = ['/// <summary>Suma dos números.</summary>', '/// <param name="a">el primero</param>'].join('\n');
    const csSplit = splitComment(cs, 'csharp');
    assert.equal(csSplit?.prose, 'Suma dos números.\nel primero');
    assert.equal(csSplit?.rebuild('Adds two numbers.\nthe first'), ['/// <summary>Adds two numbers.</summary>', '/// <param name="a">the first</param>'].join('\n'));
  });
});
