import { strict as assert } from 'node:assert';
import { commentSyntax } from '../../../src/core/comments/commentSyntax';
import { buildCommentAbove, commentAboveFor, indentOf, plainLineMarker } from '../../../src/editor/commentAbove';

describe('commentAbove', () => {
  it('writes each summary line as a line comment at the indentation of the selection', () => {
    const text = commentAboveFor('- parses input\n- returns a tree', 'typescript', '    ', '\n');
    assert.equal(text, '    // - parses input\n    // - returns a tree\n');
  });

  it('uses the file line ending', () => {
    assert.equal(commentAboveFor('one\ntwo', 'python', '', '\r\n'), '# one\r\n# two\r\n');
  });

  it('keeps blank lines of the summary as bare markers', () => {
    assert.equal(commentAboveFor('a\n\nb', 'ruby', '', '\n'), '# a\n#\n# b\n');
  });

  it('picks the ordinary marker, not a doc-comment one', () => {
    assert.equal(plainLineMarker(['//!', '///', '//']), '//');
    assert.equal(plainLineMarker(['///', '//']), '//');
    assert.equal(plainLineMarker([';', '#']), ';');
    assert.equal(commentAboveFor('x', 'rust', '', '\n'), '// x\n');
  });

  it('uses a starred block comment in CSS and breaks up a */ inside the text', () => {
    assert.equal(commentAboveFor('a */ b\nc', 'css', '  ', '\n'), '  /*\n   * a * / b\n   * c\n   */\n');
  });

  it('uses an HTML comment in markdown', () => {
    assert.equal(commentAboveFor('summary --> here', 'markdown', '', '\n'), '<!--\n  summary - -> here\n-->\n');
  });

  it('writes a plain paragraph followed by a blank line in plain text', () => {
    assert.equal(buildCommentAbove('First.\nSecond.', commentSyntax('plaintext'), '', '\n'), 'First.\nSecond.\n\n');
  });

  it('gives nothing for JSON, which has no comments', () => {
    assert.equal(commentAboveFor('x', 'json', '', '\n'), undefined);
  });

  it('trims surrounding blank lines and trailing spaces of the summary', () => {
    assert.equal(commentAboveFor('\n\n  text  \n\n', 'go', '\t', '\n'), '\t// text\n');
  });

  it('reads the indentation of a line', () => {
    assert.equal(indentOf('\t  const x = 1;'), '\t  ');
    assert.equal(indentOf('x'), '');
  });
});
