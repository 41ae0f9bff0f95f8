import { strict as assert } from 'node:assert';
import { commentBlocks } from '../../../../src/core/comments/commentBlocks';
import { blockAt, planCommentHover, type HoverOptions, type HoverPlan } from '../../../../src/core/hover/hoverPlan';

const EN: HoverOptions = { targetLang: 'en', maxChars: 2000, trigger: 'automatic' };

function plan(text: string, at: string, languageId: string, options: HoverOptions = EN): HoverPlan {
  const offset = text.indexOf(at);
  assert.ok(offset >= 0, `"${at}" not in the text`);
  return planCommentHover(text, commentBlocks(text, languageId), offset, languageId, options);
}

function translated(p: HoverPlan): Extract<HoverPlan, { kind: 'translate' }> {
  assert.equal(p.kind, 'translate', JSON.stringify(p));
  return p as Extract<HoverPlan, { kind: 'translate' }>;
}

describe('core/hover/hoverPlan', () => {
  const python = [
    'def total(values):',
    '    """Berechnet die Summe aller Werte in der Liste und gibt sie zurück."""',
    '    result = sum(values)  # Возвращает сумму значений',
    '    return result  # the sum of the values, returned to the caller as is',
    '',
  ].join('\n');

  it('a hover in code, or in a string that is not a docstring, shows nothing', () => {
    assert.deepEqual(plan(python, 'sum(values)', 'python'), { kind: 'none', why: 'no-comment' });
    assert.deepEqual(plan(python, 'def total', 'python'), { kind: 'none', why: 'no-comment' });
  });

  it('a docstring in a detected language is translated automatically, with that source language; only its prose is sent', () => {
    const p = translated(plan(python, 'Summe', 'python'));
    assert.equal(p.sourceLang, 'de');
    assert.equal(p.automatic, true);
    assert.equal(p.comment.split.prose, 'Berechnet die Summe aller Werte in der Liste und gibt sie zurück.');
    assert.equal(p.comment.original, '"""Berechnet die Summe aller Werte in der Liste und gibt sie zurück."""');
    assert.equal(python.slice(p.comment.start, p.comment.end), p.comment.original);
  });

  it('a trailing comment is found from any offset inside it, markers included', () => {
    const p = translated(plan(python, '# Возвращает', 'python'));
    assert.equal(p.sourceLang, 'ru');
    assert.equal(p.comment.split.prose, 'Возвращает сумму значений');
  });

  it('a comment already in the hover language shows nothing (no request)', () => {
    assert.deepEqual(plan(python, 'the sum of the values', 'python'), { kind: 'none', why: 'same-language' });
    assert.deepEqual(plan(python, 'Berechnet', 'python', { ...EN, targetLang: 'de' }), { kind: 'none', why: 'same-language' });
  });

  it('into German, an English comment is translated', () => {
    assert.equal(translated(plan(python, 'the sum of the values', 'python', { ...EN, targetLang: 'de' })).sourceLang, 'en');
  });

  it('short undetectable text: into English, plain ASCII shows nothing, accented text goes to a route that needs no source language', () => {
    const ts = ['let a = 1; // increment counter', 'let b = 2; // Zähler erhöhen', ''].join('\n');
    assert.deepEqual(plan(ts, 'increment', 'typescript'), { kind: 'none', why: 'same-language' });
    const accented = translated(plan(ts, 'Zähler', 'typescript'));
    assert.equal(accented.sourceLang, 'auto');
    assert.equal(accented.automatic, true);
    // Into another language every short comment may need translating: the model detects the source.
    const intoFrench = translated(plan(ts, 'increment', 'typescript', { ...EN, targetLang: 'fr' }));
    assert.equal(intoFrench.sourceLang, 'auto');
    assert.equal(intoFrench.automatic, true);
  });

  it('onDemand: a link instead of a request, also for text the detector cannot place', () => {
    const ts = 'let a = 1; // increment counter\n';
    const p = translated(plan(ts, 'increment', 'typescript', { ...EN, trigger: 'onDemand' }));
    assert.equal(p.automatic, false);
    assert.equal(translated(plan(python, 'Summe', 'python', { ...EN, trigger: 'onDemand' })).automatic, false);
  });

  it('a comment longer than the limit gets a note, not a request', () => {
    const p = plan(python, 'Summe', 'python', { ...EN, maxChars: 20 });
    assert.equal(p.kind, 'tooLong');
    assert.equal(p.kind === 'tooLong' && p.max, 20);
  });

  it('a comment without letters (a divider, a number) shows nothing', () => {
    const text = 'x = 1\n# ----------\ny = 2  # 42\n';
    assert.deepEqual(plan(text, '-----', 'python'), { kind: 'none', why: 'no-prose' });
    assert.deepEqual(plan(text, '42', 'python'), { kind: 'none', why: 'no-prose' });
  });

  it('blockAt finds the block by binary search; the end offset is outside', () => {
    const blocks = [
      { start: 0, end: 5, kind: 'lines' as const },
      { start: 10, end: 20, kind: 'block' as const },
      { start: 30, end: 31, kind: 'trailing' as const },
    ];
    assert.equal(blockAt(blocks, 0), blocks[0]);
    assert.equal(blockAt(blocks, 4), blocks[0]);
    assert.equal(blockAt(blocks, 5), undefined);
    assert.equal(blockAt(blocks, 15), blocks[1]);
    assert.equal(blockAt(blocks, 30), blocks[2]);
    assert.equal(blockAt(blocks, 31), undefined);
    assert.equal(blockAt([], 3), undefined);
  });
});
