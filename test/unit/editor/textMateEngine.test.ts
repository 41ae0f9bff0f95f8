import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { commentSpans } from '../../../src/core/comments/commentSpans';
import { knownCommentSyntax } from '../../../src/core/comments/commentSyntax';
import { commentsIn, withTranslatedComments } from '../../../src/core/comments/selectionComments';
import { TextMateEngine, textMateSpans, tokenizeLines, tokenizeLinesSliced } from '../../../src/editor/textMateEngine';
import type { CommentFinder } from '../../../src/core/comments/commentSpans';

// vscode-textmate over the Oniguruma WASM in plain node, against grammars VS Code ships (test/fixtures/grammars).
const root = join(__dirname, '../../../..');
const grammar = (file: string): string => join(root, 'test/fixtures/grammars', file);
const WASM = join(root, 'node_modules/vscode-oniguruma/release/onig.wasm');

const engine = new TextMateEngine(WASM, [
  { language: 'hlsl', scopeName: 'source.hlsl', path: grammar('hlsl.tmLanguage.json') },
  { language: 'typescript', scopeName: 'source.ts', path: grammar('TypeScript.tmLanguage.json') },
  { language: 'python', scopeName: 'source.python', path: grammar('MagicPython.tmLanguage.json') },
  { language: 'lua', scopeName: 'source.lua', path: grammar('lua.tmLanguage.json') },
]);

/** A finder over the engine with the grammar already loaded (the glue loads it before it answers). */
async function finderFor(languageId: string): Promise<CommentFinder> {
  const g = await engine.grammarFor(languageId);
  assert.ok(g, `a grammar for ${languageId}`);
  return { findSpans: (text, _languageId, options) => textMateSpans(g, text, options, 5_000) };
}

const HLSL = [
  '// Sombreado de vértices: transforma la posición',
  '// al espacio de recorte.',
  'float4 main(float4 pos : POSITION) : SV_POSITION',
  '{',
  '    float k = 0.5; // factor de escala; no cambiar',
  '    /* Comentario de bloque',
  '       en dos líneas */',
  '    return pos * k;',
  '}',
].join('\n');

describe('TextMate comment finding (vscode-textmate + oniguruma, plain node)', function () {
  this.timeout(20_000);

  it('has no table entry for HLSL (the language the grammar alone knows) and the table fallback misreads it', () => {
    assert.equal(knownCommentSyntax('hlsl'), undefined);
    // The fallback takes ";" for a comment marker: "; // factor…" starts a comment at the semicolon.
    const fallback = commentSpans(HLSL, 'hlsl').map((s) => HLSL.slice(s.start, s.end));
    assert.ok(fallback.some((s) => s.startsWith('; //')), JSON.stringify(fallback));
  });

  it('finds HLSL comments with its grammar: line comments, a trailing comment and a block over two lines', async () => {
    const g = await engine.grammarFor('hlsl');
    assert.ok(g);
    const spans = textMateSpans(g, HLSL, {}, 5_000);
    assert.ok(spans);
    assert.deepEqual(
      spans.map((s) => [s.kind, s.marker, HLSL.slice(s.start, s.end)]),
      [
        ['line', '//', '// Sombreado de vértices: transforma la posición'],
        ['line', '//', '// al espacio de recorte.'],
        ['line', '//', '// factor de escala; no cambiar'],
        ['block', '/*', '/* Comentario de bloque\n       en dos líneas */'],
      ],
    );
  });

  it('translates only the comment bytes of a mixed HLSL selection (commentsIn + withTranslatedComments)', async () => {
    const finder = await finderFor('hlsl');
    const pieces = commentsIn(HLSL, 'hlsl', { finder });
    assert.deepEqual(
      pieces.map((p) => p.split.prose),
      ['Sombreado de vértices: transforma la posición al espacio de recorte.', 'factor de escala; no cambiar', 'Comentario de bloque en dos líneas'],
    );
    const out = withTranslatedComments(HLSL, pieces, (prose) => prose.toUpperCase());
    assert.match(out, /^\/\/ SOMBREADO DE VÉRTICES: TRANSFORMA\n\/\/ LA POSICIÓN AL ESPACIO DE RECORTE\.\n/);
    assert.match(out, /float k = 0\.5; \/\/ FACTOR DE ESCALA; NO CAMBIAR\n/);
    assert.match(out, /\/\* COMENTARIO DE BLOQUE\n {7}EN DOS LÍNEAS \*\//);
    // Every byte outside the comments is unchanged.
    const code = (t: string): string => t.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
    assert.equal(code(out), code(HLSL));
  });

  it('finds TypeScript doc comments, line comments and (when asked) strings, as the table does', async () => {
    const text = ['/**', ' * Doc comment.', ' */', 'const url = "http://example.com"; // trailing', 'const t = `a ${b} c`;', ''].join('\n');
    const g = await engine.grammarFor('typescript');
    assert.ok(g);
    const spans = textMateSpans(g, text, { strings: true }, 5_000);
    assert.deepEqual(
      spans?.map((s) => [s.kind, s.marker, text.slice(s.start, s.end)]),
      [
        ['block', '/**', '/**\n * Doc comment.\n */'],
        ['string', '"', '"http://example.com"'],
        ['line', '//', '// trailing'],
        ['string', '`', '`a ${b} c`'],
      ],
    );
    assert.deepEqual(
      spans?.map((s) => [s.start, s.end]),
      commentSpans(text, 'typescript', { strings: true }).map((s) => [s.start, s.end]),
    );
  });

  it('finds a Python docstring as a block comment and Lua block and line comments with their markers', async () => {
    const py = 'def f():\n    """Docstring\n    here."""\n    x = "s"  # note\n';
    const gp = await engine.grammarFor('python');
    assert.ok(gp);
    assert.deepEqual(
      textMateSpans(gp, py, {}, 5_000)?.map((s) => [s.kind, s.marker, s.close ?? '', py.slice(s.start, s.end)]),
      [
        ['block', '"""', '"""', '"""Docstring\n    here."""'],
        ['line', '#', '', '# note'],
      ],
    );
    const lua = '--[[ bloque\n x ]] local a = 1 -- línea\n';
    const gl = await engine.grammarFor('lua');
    assert.ok(gl);
    assert.deepEqual(
      textMateSpans(gl, lua, {}, 5_000)?.map((s) => [s.kind, s.marker, lua.slice(s.start, s.end)]),
      [
        ['block', '--[[', '--[[ bloque\n x ]]'],
        ['line', '--', '-- línea'],
      ],
    );
  });

  it('tokenizes in slices that leave the event loop free, with the same tokens, and gives up past its total budget', async () => {
    const g = await engine.grammarFor('typescript');
    assert.ok(g);
    const text = '/**\n * Doc.\n */\nconst a = 1; // x\n'.repeat(2_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const sliced = await tokenizeLinesSliced(g, text, 2, 30_000);
    clearInterval(timer);
    assert.ok(ticks > 0, 'timers ran while tokenizing');
    assert.deepEqual(sliced, tokenizeLines(g, text, 30_000));
    assert.equal(await tokenizeLinesSliced(g, text, 1, 1), undefined);
  });

  it('gives up (undefined) past its time budget, and has no grammar for an unknown language', async () => {
    const g = await engine.grammarFor('typescript');
    assert.ok(g);
    const big = 'const a = 1; // x\n'.repeat(20_000);
    assert.equal(tokenizeLines(g, big, 1), undefined);
    assert.equal(engine.hasGrammar('cobol'), false);
    assert.equal(await engine.grammarFor('cobol'), undefined);
  });
});
