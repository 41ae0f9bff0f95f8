import { strict as assert } from 'node:assert';
import { commentsIn, withTranslatedComments } from '../../../../src/core/comments/selectionComments';

const upper = (text: string, languageId: string, strings: boolean): string =>
  withTranslatedComments(text, commentsIn(text, languageId, { strings }), (prose) => prose.toUpperCase());

describe('core/comments: string literals (huggingFace.translate.includeStrings)', () => {
  const ts = [
    'const message = "File not found, try again"; // shown to the user',
    "const key = 'user_id'; const format = '%s: %d'; const enc = \"utf-8\";",
    'const hello = `Hallo ${name}, willkommen zurück`;',
    'const zh = "文件未找到";',
    '',
  ].join('\n');

  it('off: only comments are sent; every string stays', () => {
    const pieces = commentsIn(ts, 'typescript');
    assert.deepEqual(pieces.map((p) => p.split.prose), ['shown to the user']);
    assert.equal(upper(ts, 'typescript', false), ts.replace('// shown to the user', '// SHOWN TO THE USER'));
  });

  it('on: strings that read as prose are translated with their quotes; keys, ids and format codes are not', () => {
    assert.deepEqual(
      commentsIn(ts, 'typescript', { strings: true }).map((p) => p.split.prose),
      ['File not found, try again', 'shown to the user', 'Hallo ${name}, willkommen zurück', '文件未找到'],
    );
    const out = upper(ts, 'typescript', true).split('\n');
    assert.equal(out[0], 'const message = "FILE NOT FOUND, TRY AGAIN"; // SHOWN TO THE USER');
    assert.equal(out[1], "const key = 'user_id'; const format = '%s: %d'; const enc = \"utf-8\";", 'not prose: unchanged');
    const marked = withTranslatedComments(ts, commentsIn(ts, 'typescript', { strings: true }), (prose) => `T(${prose})`).split('\n');
    assert.equal(marked[3], 'const zh = "T(文件未找到)";');
    assert.equal(marked[2], 'const hello = `T(Hallo ${name}, willkommen zurück)`;');
  });

  it('a translation with quotes is escaped for the literal it goes into', () => {
    const py = "raise ValueError('Datei nicht gefunden, bitte erneut versuchen')\n";
    const out = withTranslatedComments(py, commentsIn(py, 'python', { strings: true }), () => 'File "x" isn\'t there');
    assert.equal(out, "raise ValueError('File \"x\" isn\\'t there')\n");
  });

  it('a docstring is a comment, not a string: it is found with strings off too', () => {
    const py = 'def f():\n    """Gibt die Liste der Benutzer zurück."""\n    return "ok then, done"\n';
    assert.deepEqual(commentsIn(py, 'python').map((p) => p.split.prose), ['Gibt die Liste der Benutzer zurück.']);
    assert.deepEqual(commentsIn(py, 'python', { strings: true }).map((p) => p.split.prose), ['Gibt die Liste der Benutzer zurück.', 'ok then, done']);
  });
});
