import { strict as assert } from 'node:assert';
import { commentsIn, withTranslatedComments } from '../../../../src/core/comments/selectionComments';

/** Translates by wrapping in «»; returns the result and what was sent. */
function translateComments(text: string, languageId: string): { out: string; sent: string[] } {
  const pieces = commentsIn(text, languageId);
  const sent = pieces.map((p) => p.split.prose);
  return { out: withTranslatedComments(text, pieces, (prose) => `«${prose}»`), sent };
}

describe('core/comments/selectionComments', () => {
  it('Python: a docstring and a trailing comment are translated; every code byte stays', () => {
    const src = 'def mean(values):\n    """Devuelve la media."""\n    total = sum(values)  # suma de todo\n    return total / len(values)\n';
    const { out, sent } = translateComments(src, 'python');
    assert.deepEqual(sent, ['Devuelve la media.', 'suma de todo']);
    assert.equal(out, 'def mean(values):\n    """«Devuelve la media.»"""\n    total = sum(values)  # «suma de todo»\n    return total / len(values)\n');
  });

  it('TypeScript: a JSDoc block, a run of // lines and a trailing comment; strings with // are code', () => {
    const src = [
      '/**',
      ' * Suma dos números.',
      ' */',
      'function add(a: number, b: number): number {',
      '  // primero validamos',
      '  // los argumentos',
      '  const url = "http://example.com"; // la web',
      '  return a + b;',
      '}',
      '',
    ].join('\n');
    const { out, sent } = translateComments(src, 'typescript');
    assert.deepEqual(sent, ['Suma dos números.', 'primero validamos los argumentos', 'la web']);
    assert.ok(out.includes('const url = "http://example.com"; // «la web»'), out);
    for (const line of ['function add(a: number, b: number): number {', '  return a + b;', '}']) assert.ok(out.split('\n').includes(line), `${line} unchanged in\n${out}`);
    assert.match(out, /^\/\*\*\n \* «Suma dos números\.»\n \*\/\n/);
  });

  it('code with no comments has nothing to translate', () => {
    assert.deepEqual(commentsIn('const x = "# not a comment";\nlet y = 2;\n', 'typescript'), []);
    assert.deepEqual(commentsIn("s = 'http://x' # real\n", 'python').map((p) => p.split.prose), ['real']);
  });

  it('a translation cannot close the comment', () => {
    const src = 'int x = 1; /* uno */\n';
    const pieces = commentsIn(src, 'c');
    const out = withTranslatedComments(src, pieces, () => 'one */ evil();');
    assert.ok(!/\*\/ evil/.test(out), out);
    assert.ok(out.startsWith('int x = 1; /* '), out);
    assert.ok(out.trimEnd().endsWith('*/'), out);
  });
});
