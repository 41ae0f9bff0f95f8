import { strict as assert } from 'node:assert';
import { splitComment } from '../../../../src/core/comments/commentCodec';
import { defuseBlockMarkers, splitLines } from '../../../../src/core/comments/commentSafety';
import { asComment } from '../../../../src/core/comments/commentSyntax';
import { commentAboveFor } from '../../../../src/editor/commentAbove';

// Model output is data: whatever a translation or a summary contains, it must stay inside the comment.
const HOSTILE_BREAKS = 'first\rsecond\u2028third\u2029fourth\u0085fifth';

/** Every line the language would see (split at every line terminator, as JavaScript does). */
const sourceLines = (text: string): string[] => text.split(/\r\n|[\n\r\u2028\u2029\u0085]/);

function translate(text: string, languageId: string, translated: string): string {
  const split = splitComment(text, languageId);
  assert.ok(split, `a comment in ${JSON.stringify(text)}`);
  return split.rebuild(translated);
}

/** The text between the first opener and the last closer holds no closer. */
function assertOneComment(out: string, open: string, close: string): void {
  const start = out.indexOf(open);
  const end = out.lastIndexOf(close);
  assert.ok(start >= 0 && end > start, `one ${open} … ${close} comment in ${JSON.stringify(out)}`);
  const inner = out.slice(start + open.length, end);
  assert.ok(!inner.includes(close), `no ${close} inside: ${JSON.stringify(out)}`);
  assert.ok(!out.slice(end + close.length).trim(), `nothing after the closer: ${JSON.stringify(out)}`);
}

describe('core/comments/commentSafety', () => {
  it('splits at every line terminator a language may honour', () => {
    assert.deepEqual(splitLines(HOSTILE_BREAKS), ['first', 'second', 'third', 'fourth', 'fifth']);
    assert.deepEqual(splitLines('a\r\nb\nc'), ['a', 'b', 'c']);
  });

  it('breaks up closers and the opener, longest first, and leaves other text alone', () => {
    assert.equal(defuseBlockMarkers('a */ b /* c', { open: '/*', close: ['*/'] }), 'a * / b / * c');
    assert.equal(defuseBlockMarkers('x --]] y ]] z', { open: '--[[', close: ['--]]', ']]'] }), 'x - -] ] y ] ] z');
    assert.equal(defuseBlockMarkers('plain text', { open: '"""', close: ['"""'] }), 'plain text');
  });

  describe('a translated block comment keeps its closer the only one', () => {
    it('C / JSDoc: "*/" in the translation', () => {
      const out = translate('/* Hello world */', 'c', 'Hola */ system("rm -rf /"); /* mundo');
      assertOneComment(out, '/*', '*/');
    });

    it('Rust, where comments nest: "/*" in the translation does not open a nested comment', () => {
      const out = translate('/* Hello world */', 'rust', 'Hola /* mundo');
      assertOneComment(out, '/*', '*/');
      assert.ok(!out.slice(2).includes('/*'));
    });

    it('Python docstring: \'"""\' in the translation', () => {
      const out = translate('    """Return the sum."""', 'python', 'Devuelve """ + os.system("x") + """ la suma');
      assertOneComment(out, '"""', '"""');
    });

    it('HTML: "-->" in the translation', () => {
      const out = translate('<!-- Hello world -->', 'html', 'Hola --> <script>alert(1)</script> <!-- mundo');
      assertOneComment(out, '<!--', '-->');
    });
  });

  it('a translated line comment puts its marker on every line, whatever line breaks the model sent', () => {
    const out = translate('// Hello world', 'javascript', HOSTILE_BREAKS);
    for (const line of sourceLines(out)) assert.match(line, /^\/\/ /, JSON.stringify(out));
  });

  it('a summary above the selection puts its marker on every line, whatever line breaks the model sent', () => {
    const out = commentAboveFor(HOSTILE_BREAKS, 'javascript', '  ', '\n');
    assert.ok(out);
    for (const line of sourceLines(out).filter(Boolean)) assert.match(line, /^ {2}\/\/ /, JSON.stringify(out));
  });

  it('a summary as a block comment (CSS) cannot close or reopen it', () => {
    const out = commentAboveFor('Sets */ body { display: none } /* the layout', 'css', '', '\n');
    assert.ok(out);
    assertOneComment(out, '/*', '*/');
  });

  it('an instruction written as a comment for a text-generation model stays a comment', () => {
    for (const line of sourceLines(asComment(HOSTILE_BREAKS, 'python'))) assert.match(line, /^# /);
    assertOneComment(asComment('make */ it', 'css'), '/*', '*/');
  });
});
