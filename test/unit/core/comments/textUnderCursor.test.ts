import { strict as assert } from 'node:assert';
import { commentSpans } from '../../../../src/core/comments/commentSpans';
import { textUnderCursor } from '../../../../src/core/comments/textUnderCursor';

/** The text under the cursor marked "|" in `doc` (the bar is removed first), and its kind. */
function under(doc: string, languageId: string): { text: string; kind: string } | undefined {
  const offset = doc.indexOf('|');
  assert.ok(offset >= 0, 'the case marks the cursor with |');
  const text = doc.slice(0, offset) + doc.slice(offset + 1);
  const r = textUnderCursor(text, offset, languageId);
  return r && { text: text.slice(r.start, r.end), kind: r.kind };
}

describe('core/comments/textUnderCursor', () => {
  it('takes consecutive # comment lines at one indentation as one comment (Python)', () => {
    const doc = 'def f(x):\n    # Calcula la media\n    # de los |valores.\n    return x\n';
    assert.deepEqual(under(doc, 'python'), { text: '# Calcula la media\n    # de los valores.', kind: 'comment' });
  });

  it('does not join comment lines of another indentation or marker', () => {
    assert.deepEqual(under('# top\n    # inner |one\nx = 1\n', 'python'), { text: '# inner one', kind: 'comment' });
    assert.deepEqual(under('/// doc |line\n// plain\n', 'rust'), { text: '/// doc line', kind: 'comment' });
  });

  it('takes a whole block comment or docstring the cursor is in', () => {
    assert.deepEqual(under('/**\n * Returns the |sum.\n * @param a first\n */\nfunction f() {}\n', 'typescript'), {
      text: '/**\n * Returns the sum.\n * @param a first\n */',
      kind: 'comment',
    });
    assert.deepEqual(under('def f():\n    """Devuelve la |suma."""\n    return 1\n', 'python'), { text: '"""Devuelve la suma."""', kind: 'comment' });
    assert.deepEqual(under('<p>x</p>\n<!-- nota |importante -->\n', 'html'), { text: '<!-- nota importante -->', kind: 'comment' });
  });

  it('takes a trailing comment only when the cursor is in it; on the code the line', () => {
    assert.deepEqual(under('total = 0  # la |suma\n', 'python'), { text: '# la suma', kind: 'comment' });
    assert.deepEqual(under('to|tal = 0  # la suma\n', 'python'), { text: 'total = 0  # la suma', kind: 'line' });
  });

  it('the cursor in the indentation of a comment line still means the comment', () => {
    assert.deepEqual(under('x = 1\n|    # hola mundo\n', 'python'), { text: '# hola mundo', kind: 'comment' });
  });

  it('a marker inside a string is not a comment', () => {
    assert.deepEqual(under('const url = "http://exa|mple.com"; // the site\n', 'typescript'), { text: 'const url = "http://example.com"; // the site', kind: 'line' });
    assert.deepEqual(commentSpans("s = '#' + x  # real\n", 'python').map((s) => s.marker), ['#']);
    assert.deepEqual(commentSpans("SELECT 'it''s -- not' -- yes\n", 'sql').length, 1);
  });

  it('in prose, the paragraph: contiguous non-blank lines, trimmed', () => {
    const doc = 'First paragraph.\n\n  The second one\nspans two |lines.  \n\nThird.\n';
    assert.deepEqual(under(doc, 'plaintext'), { text: 'The second one\nspans two lines.', kind: 'paragraph' });
  });

  it('in Markdown, headings, list items and fences bound a paragraph', () => {
    const doc = '# Title\nSome |text here\nand more.\n- item one\n- item two\n';
    assert.deepEqual(under(doc, 'markdown'), { text: 'Some text here\nand more.', kind: 'paragraph' });
    assert.deepEqual(under('# The |title\nbody\n', 'markdown'), { text: '# The title', kind: 'paragraph' });
    assert.deepEqual(under('intro\n- item |one\n  continued\n- item two\n', 'markdown'), { text: '- item one\n  continued', kind: 'paragraph' });
  });

  it('CRLF documents give the same ranges', () => {
    const doc = 'a = 1\r\n# uno\r\n# d|os\r\nb = 2\r\n';
    assert.deepEqual(under(doc, 'python'), { text: '# uno\r\n# dos', kind: 'comment' });
  });

  it('nothing on a blank or whitespace-only line', () => {
    assert.equal(under('x = 1\n|\ny = 2\n', 'python'), undefined);
    assert.equal(under('para\n   |  \nmore\n', 'plaintext'), undefined);
    assert.equal(under('|', 'plaintext'), undefined);
  });

  it('the cursor at the end of a line still belongs to it', () => {
    assert.deepEqual(under('print(1)|\n', 'python'), { text: 'print(1)', kind: 'line' });
    assert.deepEqual(under('# done|', 'python'), { text: '# done', kind: 'comment' });
  });
});
