import { strict as assert } from 'node:assert';
import { answerSummary, entityOffsets, entitySummary, labelSummary, parseLabels, percent } from '../../../src/ui/resultText';

describe('ui/format', () => {
  it('rounds and clamps scores to whole percents', () => {
    assert.equal(percent(0.934), '93%');
    assert.equal(percent(1.2), '100%');
    assert.equal(percent(-1), '0%');
  });

  it('leads a label summary with the best label, whatever the input order', () => {
    const text = labelSummary('Sentiment', [
      { label: 'negative', score: 0.02 },
      { label: 'positive', score: 0.93 },
      { label: 'neutral', score: 0.05 },
    ]);
    assert.equal(text, 'Sentiment: positive (93%) · neutral 5% · negative 2%');
  });

  it('says when no label came back', () => {
    assert.equal(labelSummary('Topic', []), 'Topic: no label returned.');
  });

  it('counts entities per group, most frequent first', () => {
    const e = (group: string) => ({ group, word: 'w', score: 0.9, start: 0, end: 1 });
    assert.equal(entitySummary([e('PER'), e('ORG'), e('ORG')]), '3 entities: ORG ×2, PER ×1');
    assert.equal(entitySummary([e('LOC')]), '1 entity: LOC ×1');
    assert.match(entitySummary([]), /No named entities/);
  });

  it('moves entity offsets into the document and drops ones outside the text', () => {
    const entities = [
      { group: 'PER', word: 'Ada', score: 0.99, start: 0, end: 3 },
      { group: 'LOC', word: 'x', score: 0.5, start: 8, end: 50 },
    ];
    const placed = entityOffsets(entities, 100, 20);
    assert.equal(placed.length, 1);
    assert.deepEqual([placed[0].start, placed[0].end], [100, 103]);
  });

  it('tells a quoted answer from a generated one', () => {
    assert.equal(answerSummary(' 42 ', 0.87, false), 'Answer: "42" (score 87%)');
    assert.match(answerSummary('Probably 42', 0, true), /generated/);
  });

  it('parses comma- or newline-separated labels, dropping blanks and duplicates', () => {
    assert.deepEqual(parseLabels(' bug, Question ,\nbug report,, question '), ['bug', 'Question', 'bug report']);
    assert.deepEqual(parseLabels(' , '), []);
  });
});
