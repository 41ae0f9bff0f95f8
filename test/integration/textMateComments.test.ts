// Comments in a language the comment-syntax table does not know (HLSL, from VS Code's built-in hlsl extension), found
// with its TextMate grammar (the TextMate chunk, dist/onig.wasm): Translate Selection on code mixed with comments
// changes only the comments. The table's fallback would take "; // …" for a comment starting at the semicolon.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, select, undoOnce } from './support/documents';
import { inferenceRequests, runAction } from './support/product';

describe('TextMate grammars find the comments of a language the table lacks', () => {
  productCases();

  it('HLSL: Translate Selection on a mixed selection translates the line, trailing and block comments and keeps every line of code', async () => {
    const code = ['float4 main(float4 pos : POSITION) : SV_POSITION', '{', '    float k = 0.5;', '    return pos * k;', '}'];
    const original = [
      '// Scales the position into clip space.',
      code[0],
      code[1],
      `${code[2]} // the scale factor`,
      '    /* A block comment',
      '       over two lines */',
      code[3],
      code[4],
      '',
    ].join('\n');
    const editor = await openDocument(original, 'hlsl');
    assert.equal(editor.document.languageId, 'hlsl');
    select(editor, original.trimEnd());
    const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
    assert.equal(result.status, 'applied', result.message);
    assert.match(result.message ?? '', /3 comments; the code is unchanged/);
    const text = editor.document.getText();
    const lines = text.split('\n');
    assert.equal(lines[0], '// [es] Scales the position into clip space.');
    assert.equal(lines[3], '    float k = 0.5; // [es] the scale factor');
    assert.match(text, /\n {4}\/\* \[es\] A block comment[\s\S]*over two lines \*\/\n/);
    for (const line of [code[0], code[1], code[3], code[4]]) assert.ok(lines.includes(line), `"${line}" is unchanged`);
    const sent = (await inferenceRequests()).map((r) => JSON.stringify(r.body));
    assert.equal(sent.length, 3, 'one request per comment');
    assert.ok(sent.every((b) => !b.includes('float4') && !b.includes('return pos') && !b.includes('//') && !b.includes('/*')), `no code or markers were sent: ${sent.join(' | ')}`);
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), original);
  });
});
