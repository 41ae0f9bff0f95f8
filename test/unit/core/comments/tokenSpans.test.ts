import { strict as assert } from 'node:assert';
import type { CommentSpan } from '../../../../src/core/comments/commentSpans';
import { knownCommentSyntax } from '../../../../src/core/comments/commentSyntax';
import { commentSyntaxSeen, syntaxFromMarkers } from '../../../../src/core/comments/seenSyntax';
import { splitComment } from '../../../../src/core/comments/commentCodec';
import { spansFromTokens, type TextMateToken } from '../../../../src/core/comments/tokenSpans';

/** Hand-made tokens: each line a list of [text, scopes below the root]; returns the text and its tokens. */
function tokens(lines: readonly (readonly [string, ...string[]][])[], eol = '\n'): { text: string; lines: TextMateToken[][] } {
  const out: TextMateToken[][] = [];
  const texts: string[] = [];
  for (const line of lines) {
    let at = 0;
    const row: TextMateToken[] = [];
    for (const [piece, ...scopes] of line) {
      row.push({ startIndex: at, endIndex: at + piece.length, scopes: ['source.x', ...scopes] });
      at += piece.length;
    }
    // vscode-textmate reports one empty token for an empty line (end index 1, past the line).
    if (row.length === 0) row.push({ startIndex: 0, endIndex: 1, scopes: ['source.x'] });
    out.push(row);
    texts.push(line.map(([p]) => p).join(''));
  }
  return { text: texts.join(eol), lines: out };
}

const shown = (text: string, spans: readonly CommentSpan[]): string[] => spans.map((s) => `${s.kind} ${JSON.stringify(s.marker)}${s.close ? ` ${JSON.stringify(s.close)}` : ''}: ${text.slice(s.start, s.end)}`);

const LINE = 'comment.line.double-slash.x';
const BLOCK = 'comment.block.x';
const DOC = 'comment.block.documentation.x';
const PUNCT = 'punctuation.definition.comment.x';

describe('tokenSpans: comment spans from TextMate tokens', () => {
  it('merges a line comment’s marker and text, ends it at the line end, and keeps consecutive line comments apart', () => {
    const { text, lines } = tokens([
      [['let a = 1;', 'meta.x'], [' '], ['//', LINE, PUNCT], [' one', LINE]],
      [['//', LINE, PUNCT], [' two', LINE]],
      [['//', LINE, PUNCT], [' three', LINE]],
    ]);
    assert.deepEqual(shown(text, spansFromTokens(text, lines)), ['line "//": // one', 'line "//": // two', 'line "//": // three']);
  });

  it('runs a block comment over lines (an empty line inside it too) and knows its closing marker', () => {
    const { text, lines } = tokens([
      [['x '], ['/*', BLOCK, PUNCT], [' a', BLOCK]],
      [],
      [['   b ', BLOCK], ['*/', BLOCK, PUNCT], [' y;']],
    ]);
    // the empty line inside the comment: its token is in the comment
    lines[1] = [{ startIndex: 0, endIndex: 1, scopes: ['source.x', BLOCK] }];
    assert.deepEqual(shown(text, spansFromTokens(text, lines)), ['block "/*" "*/": /* a\n\n   b */']);
  });

  it('takes doc comments as block comments, with CRLF line breaks', () => {
    const { text, lines } = tokens(
      [
        [['/**', DOC, PUNCT], [' Doc', DOC]],
        [[' * more', DOC]],
        [[' ', DOC], ['*/', DOC, PUNCT]],
        [['f();']],
      ],
      '\r\n',
    );
    assert.deepEqual(shown(text, spansFromTokens(text, lines)), ['block "/**" "*/": /** Doc\r\n * more\r\n */']);
  });

  it('takes a Python docstring as a block comment and strings only when asked', () => {
    const DS = 'string.quoted.docstring.multi.python';
    const { text, lines } = tokens([
      [['    '], ['"""', DS, 'punctuation.definition.string.begin.python'], ['Doc', DS]],
      [['    string.', DS], ['"""', DS, 'punctuation.definition.string.end.python']],
      [['    x = '], ['"', 'string.quoted.double.python', 'punctuation.definition.string.begin.python'], ['hello world', 'string.quoted.double.python'], ['"', 'string.quoted.double.python', 'punctuation.definition.string.end.python'], ['  '], ['#', 'comment.line.number-sign.python', PUNCT], [' c', 'comment.line.number-sign.python']],
    ]);
    assert.deepEqual(shown(text, spansFromTokens(text, lines)), ['block "\\"\\"\\"" "\\"\\"\\"": """Doc\n    string."""', 'line "#": # c']);
    assert.deepEqual(shown(text, spansFromTokens(text, lines, { strings: true })), [
      'block "\\"\\"\\"" "\\"\\"\\"": """Doc\n    string."""',
      'string "\\"": "hello world"',
      'line "#": # c',
    ]);
  });

  it('keeps two adjacent string literals apart and takes a template literal with its expressions as one string', () => {
    const Q = 'string.quoted.single.x';
    const T = 'string.template.x';
    const { text, lines } = tokens([
      [["'", Q, 'punctuation.definition.string.begin.x'], ['a', Q], ["'", Q, 'punctuation.definition.string.end.x'], ["'", Q, 'punctuation.definition.string.begin.x'], ['b', Q], ["'", Q, 'punctuation.definition.string.end.x']],
      [['`', T, 'punctuation.definition.string.template.begin.x'], ['a ', T], ['${', T, 'meta.template.expression.x'], ['b', T, 'meta.template.expression.x', 'variable.x'], ['}', T, 'meta.template.expression.x'], [' c`', T]],
    ]);
    assert.deepEqual(shown(text, spansFromTokens(text, lines, { strings: true })), ["string \"'\": 'a'", "string \"'\": 'b'", 'string "`": `a ${b} c`']);
  });

  it('guesses the markers of a grammar that gives them no punctuation scope (HLSL), and takes its "comment.line.block" for a block', () => {
    const { text, lines } = tokens([
      [['float x = 1; '], ['//', 'comment.line.double-slash.hlsl'], [' note', 'comment.line.double-slash.hlsl']],
      [['/*', 'comment.line.block.hlsl'], [' block', 'comment.line.block.hlsl']],
      [['   more ', 'comment.line.block.hlsl'], ['*/', 'comment.line.block.hlsl'], [' float y;']],
    ]);
    assert.deepEqual(shown(text, spansFromTokens(text, lines)), ['line "//": // note', 'block "/*" "*/": /* block\n   more */']);
  });

  it('ends a block comment that stops before its line ends, and one left open runs to the end of the text', () => {
    const { text, lines } = tokens([
      [['--[[', 'comment.block.lua', 'punctuation.definition.comment.begin.lua'], [' a ', 'comment.block.lua'], [']]', 'comment.block.lua', 'punctuation.definition.comment.end.lua'], [' x = 1']],
      [['--[[', 'comment.block.lua', 'punctuation.definition.comment.begin.lua'], [' open', 'comment.block.lua']],
      [['still', 'comment.block.lua']],
    ]);
    assert.deepEqual(shown(text, spansFromTokens(text, lines)), ['block "--[[" "]]": --[[ a ]]', 'block "--[[": --[[ open\nstill']);
  });
});

describe('commentSyntax: a syntax from the markers a finder saw (languages the table does not know)', () => {
  it('knows which languages the table has', () => {
    assert.ok(knownCommentSyntax('typescript'));
    assert.equal(knownCommentSyntax('hlsl'), undefined);
    assert.equal(knownCommentSyntax('constructor'), undefined);
  });

  it('builds line markers (longest first), blocks with their closers and quotes', () => {
    const s = syntaxFromMarkers([
      { kind: 'line', marker: '//' },
      { kind: 'line', marker: '///' },
      { kind: 'block', marker: '/**', close: '*/' },
      { kind: 'block', marker: '(*', close: '*)' },
      { kind: 'block', marker: '{-' },
      { kind: 'string', marker: '"' },
    ]);
    assert.deepEqual(s.line, ['///', '//']);
    assert.deepEqual(s.blocks, [
      { open: '/*', close: ['*/'], stars: true },
      { open: '(*', close: ['*)'] },
    ]);
    assert.deepEqual(s.quotes, ['"']);
  });

  it('lets splitComment strip markers the table does not know', () => {
    const seen = [{ kind: 'line' as const, marker: '!!' }, { kind: 'block' as const, marker: '<<<', close: '>>>' }];
    // The table's fallback knows neither "!!" nor "<<< >>>".
    assert.equal(splitComment('!! Bonjour le monde', 'madeup'), undefined);
    const syntax = commentSyntaxSeen('madeup', seen);
    assert.equal(splitComment('!! Bonjour le monde', 'madeup', syntax)?.prose, 'Bonjour le monde');
    const block = splitComment('<<< Bonjour\n    le monde >>>', 'madeup', syntax);
    assert.equal(block?.prose, 'Bonjour le monde');
    assert.equal(block?.rebuild('Hello world'), '<<< Hello world >>>');
    // A language the table knows keeps the table's syntax; no markers seen keeps the fallback.
    assert.equal(commentSyntaxSeen('python', seen), knownCommentSyntax('python'));
    assert.deepEqual(commentSyntaxSeen('madeup', []).line, ['//', '#', '--', ';']);
  });
});
