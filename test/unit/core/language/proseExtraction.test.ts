import { strict as assert } from 'node:assert';
import { codeLineRatio, extractProse, looksLikeCodeLine, stripNonWords } from '../../../../src/core/language/proseExtraction';

describe('looksLikeCodeLine', () => {
  const code = ['x = 1;', 'return users.filter((u) => u.active).length;', 'if (a) {', '}', 'const total = a + b', 'foo(bar)', 'def f(x):', 'a == b && c'];
  const prose = ['Returns the number of users (active only)', 'This is a plain sentence.', 'Devuelve el número de usuarios', ''];
  for (const line of code) it(`reads ${JSON.stringify(line)} as code`, () => assert.equal(looksLikeCodeLine(line), true));
  for (const line of prose) it(`reads ${JSON.stringify(line)} as prose`, () => assert.equal(looksLikeCodeLine(line), false));
});

describe('extractProse', () => {
  it('keeps the text of a line comment', () => {
    assert.equal(extractProse('// Devuelve el número de usuarios activos'), 'Devuelve el número de usuarios activos');
  });

  it('keeps comments and drops the code around them', () => {
    const code = 'function count(users) {\n  // Zählt die aktiven Benutzer\n  return users.filter((u) => u.active).length;\n}';
    assert.equal(extractProse(code), 'Zählt die aktiven Benutzer');
  });

  it('keeps trailing comments after code', () => {
    assert.equal(extractProse('total += price  # somma dei prezzi'), 'somma dei prezzi');
  });

  it('keeps block comment and docstring bodies without their markers', () => {
    assert.equal(extractProse('/**\n * Retourne la liste.\n */'), 'Retourne la liste.');
    assert.equal(extractProse('"""Calcola la somma."""'), 'Calcola la somma.');
  });

  it('keeps sentence-like string literals from code lines but not single-word ones', () => {
    assert.equal(extractProse('throw new Error("No se encontró el usuario");'), 'No se encontró el usuario');
    assert.equal(extractProse("const key = 'userId';"), '');
  });

  it('returns nothing for pure code or numbers', () => {
    for (const text of ['x = 1;', '12345', 'int main() { return 0; }', 'color: #fff;']) assert.equal(extractProse(text), '', text);
  });
});

describe('stripNonWords', () => {
  it('removes URLs, e-mails, paths, identifiers, numbers and inline code', () => {
    const text = 'See https://x.org and mail a@b.io, open src/app.ts, call getUserById or user_id 42 with `foo()` now';
    assert.equal(stripNonWords(text), 'See and mail open call or with now');
  });

  it('removes acronyms in mixed-case text but keeps shouted text', () => {
    assert.equal(stripNonWords('the API returns JSON'), 'the returns');
    assert.equal(stripNonWords('STOP SHOUTING'), 'STOP SHOUTING');
  });

  it('keeps punctuation-only tokens so marks like ¿ stay visible', () => {
    assert.equal(stripNonWords('¿ Dónde ?'), '¿ Dónde ?');
  });
});

describe('codeLineRatio', () => {
  it('is the share of non-blank lines that read as code, comments excluded', () => {
    assert.equal(codeLineRatio('x = 1;\n// note\n\nhello there'), 1 / 3);
    assert.equal(codeLineRatio(''), 0);
  });
});
