import { strict as assert } from 'node:assert';
import { splitComment, type SplitComment } from '../../../../src/core/comments/commentCodec';
import { wrapText } from '../../../../src/core/comments/textWrap';

function split(text: string, languageId: string): SplitComment {
  const s = splitComment(text, languageId);
  assert.ok(s, `expected a comment or string in ${JSON.stringify(text)}`);
  return s;
}

/** Cases that must round-trip unchanged and keep their syntax under a different-length translation. */
interface Case {
  readonly name: string;
  readonly languageId: string;
  readonly text: string;
  readonly kind: SplitComment['kind'];
  readonly prose: string;
  readonly translated: string;
  readonly expected: string;
}

const CASES: readonly Case[] = [
  {
    name: 'indented // line comments',
    languageId: 'typescript',
    text: '    // Hello world\n    // second line\n',
    kind: 'line',
    prose: 'Hello world second line',
    translated: 'Hola mundo segunda línea',
    expected: '    // Hola mundo\n    // segunda línea\n',
  },
  {
    name: '# comments in python with a blank marker line between paragraphs',
    languageId: 'python',
    text: '  # First paragraph.\n  #\n  # Second one.',
    kind: 'line',
    prose: 'First paragraph.\nSecond one.',
    translated: 'Primer párrafo.\nSegundo.',
    expected: '  # Primer párrafo.\n  #\n  # Segundo.',
  },
  {
    name: '-- comments in sql',
    languageId: 'sql',
    text: '-- count the users',
    kind: 'line',
    prose: 'count the users',
    translated: 'compter les utilisateurs',
    expected: '-- compter les utilisateurs',
  },
  {
    name: "' comments in vb",
    languageId: 'vb',
    text: "' Returns the total",
    kind: 'line',
    prose: 'Returns the total',
    translated: 'Devuelve el total',
    expected: "' Devuelve el total",
  },
  {
    name: 'single-line block comment',
    languageId: 'c',
    text: '/* free the buffer */',
    kind: 'block',
    prose: 'free the buffer',
    translated: 'libérer le tampon mémoire',
    expected: '/* libérer le tampon mémoire */',
  },
  {
    name: 'JSDoc with stars and a doc tag',
    languageId: 'javascript',
    text: '  /**\n   * Adds two numbers and returns\n   * their sum.\n   * @param a the first\n   */',
    kind: 'block',
    prose: 'Adds two numbers and returns their sum.\nthe first',
    translated: 'Addiert zwei Zahlen und gibt ihre Summe zurück.\ndie erste',
    expected: '  /**\n   * Addiert zwei Zahlen und\n   * gibt ihre Summe zurück.\n   * @param a die erste\n   */',
  },
  {
    name: 'HTML comment',
    languageId: 'html',
    text: '<!-- main navigation -->',
    kind: 'block',
    prose: 'main navigation',
    translated: 'navegación principal',
    expected: '<!-- navegación principal -->',
  },
  {
    name: 'Python docstring',
    languageId: 'python',
    text: '    """Return the user name.\n\n    Raises KeyError.\n    """',
    kind: 'block',
    prose: 'Return the user name.\nRaises KeyError.',
    translated: 'Renvoie le nom.\nLève KeyError.',
    expected: '    """Renvoie le nom.\n\n    Lève KeyError.\n    """',
  },
  {
    name: "Python ''' docstring on one line",
    languageId: 'python',
    text: "'''Helper.'''",
    kind: 'block',
    prose: 'Helper.',
    translated: 'Aide.',
    expected: "'''Aide.'''",
  },
  {
    name: 'Lua long comment',
    languageId: 'lua',
    text: '--[[\n  configure the game\n--]]',
    kind: 'block',
    prose: 'configure the game',
    translated: 'configurar el juego',
    expected: '--[[\n  configurar el juego\n--]]',
  },
  {
    name: 'double-quoted string with a quote in the translation',
    languageId: 'typescript',
    text: '  "Save changes"',
    kind: 'string',
    prose: 'Save changes',
    translated: 'Enregistrer les "modifications"',
    expected: '  "Enregistrer les \\"modifications\\""',
  },
  {
    name: 'single-quoted string with an escaped quote',
    languageId: 'javascript',
    text: "'Don\\'t panic'",
    kind: 'string',
    prose: "Don't panic",
    translated: "N'ayez pas peur",
    expected: "'N\\'ayez pas peur'",
  },
  {
    name: 'template literal',
    languageId: 'typescript',
    text: '`File saved`',
    kind: 'string',
    prose: 'File saved',
    translated: 'Archivo guardado',
    expected: '`Archivo guardado`',
  },
  {
    name: 'SQL string with doubled quotes',
    languageId: 'sql',
    text: "'It''s done'",
    kind: 'string',
    prose: "It's done",
    translated: "C'est fait",
    expected: "'C''est fait'",
  },
];

describe('commentCodec: splitComment', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      it('extracts the prose', () => {
        const s = split(c.text, c.languageId);
        assert.equal(s.kind, c.kind);
        assert.equal(s.prose, c.prose);
      });

      it('rebuilds the original exactly from unchanged prose', () => {
        assert.equal(split(c.text, c.languageId).rebuild(c.prose), c.text);
      });

      it('rebuilds a translation of a different length with markers, quotes and indentation kept', () => {
        assert.equal(split(c.text, c.languageId).rebuild(c.translated), c.expected);
      });
    });
  }

  it('handles ; in ini and % in latex', () => {
    assert.equal(split('; port of the server', 'ini').rebuild('Port des Servers'), '; Port des Servers');
    assert.equal(split('%% figure caption', 'latex').rebuild('légende'), '%% légende');
  });

  it('keeps CRLF line endings', () => {
    assert.equal(split('// one\r\n// two', 'go').rebuild('uno dos'), '// uno dos');
    assert.equal(split('// a b c d e f\r\n// g h i j k l', 'go').rebuild('1 2 3 4 5 6 7 8 9 10 11'), '// 1 2 3 4 5 6\r\n// 7 8 9 10 11');
  });

  it('adds lines with the continuation prefix when a translation is much longer', () => {
    const s = split('  // short\n  // text', 'rust');
    const long = 'a considerably longer translated sentence that cannot fit';
    const out = s.rebuild(long).split('\n');
    assert.ok(out.length > 2);
    for (const line of out) assert.match(line, /^ {2}\/\/ \S/);
    assert.equal(out.map((l) => l.slice(5)).join(' '), long);
  });

  it('pours merged or split paragraphs into one paragraph', () => {
    const s = split('# one\n#\n# two', 'python');
    assert.equal(s.rebuild('uno y dos juntos'), '# uno y dos juntos');
  });

  it('joins Chinese lines without spaces and re-wraps Chinese translations between characters', () => {
    assert.equal(split('// 这是第一行\n// 第二行', 'typescript').prose, '这是第一行第二行');
    const out = split('// This is the first\n// of two lines', 'typescript').rebuild('这是两行中的第一行文字');
    assert.deepEqual(out.split('\n'), ['// 这是两行中的', '// 第一行文字']);
  });

  it('returns the original for a blank translation', () => {
    assert.equal(split('// hello', 'typescript').rebuild('  \n'), '// hello');
  });

  it('returns undefined for code, several comments, empty comments and unsupported languages', () => {
    assert.equal(splitComment('const x = 1; // note', 'typescript'), undefined);
    assert.equal(splitComment('/* a */ x = 1; /* b */', 'c'), undefined);
    assert.equal(splitComment('// a\n/* b */', 'c'), undefined);
    assert.equal(splitComment('"a" + "b"', 'javascript'), undefined);
    assert.equal(splitComment('//\n//', 'javascript'), undefined);
    assert.equal(splitComment('# Title', 'markdown'), undefined);
    assert.equal(splitComment('"quoted"', 'latex'), undefined);
    assert.equal(splitComment('', 'python'), undefined);
    assert.equal(splitComment('#!/usr/bin/env python3', 'python'), undefined);
  });

  it('accepts a word marker only as a whole word', () => {
    assert.equal(splitComment('REMOVE all files', 'bat'), undefined);
    assert.equal(split('REM clean up', 'bat').prose, 'clean up');
  });
});

describe('textWrap: wrapText', () => {
  it('keeps the line count with balanced lines when that stays near the original width', () => {
    assert.deepEqual(wrapText('one two three four five six', 2, 12), ['one two three', 'four five six']);
  });

  it('wraps at the original width when keeping the count would widen lines too much', () => {
    const word = 'word word word word';
    assert.deepEqual(wrapText(Array(12).fill('word').join(' '), 2, 20), [word, word, word]);
  });

  it('uses fewer lines for a much shorter text', () => {
    assert.deepEqual(wrapText('short text', 3, 60), ['short text']);
  });

  it('keeps a one-line paragraph on one line', () => {
    assert.deepEqual(wrapText('a long translation of one line', 1, 5), ['a long translation of one line']);
  });
});
