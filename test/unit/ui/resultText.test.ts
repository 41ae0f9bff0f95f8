import { strict as assert } from 'node:assert';
import { Marked } from 'marked';
import { answeredByFallback, answerSummary, entityHover, entityOffsets, entitySummary, labelSummary, parseLabels, percent, plainMarkdown } from '../../../src/ui/resultText';

describe('ui/resultText', () => {
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

describe('ui/resultText: model output in hovers is text', () => {
  const HOSTILE_GROUPS = [
    '[click](https://evil.example/x)',
    '![pixel](https://evil.example/p.png)',
    '<img src=x onerror=alert(1)>',
    'https://evil.example/autolink',
    'www.evil.example',
    '# heading\n- list',
    '[cmd](command:workbench.action.quit)',
    '&#x3C;script&#x3E;',
  ];

  it('renders every hostile entity group as plain text: no link, image, HTML or block', () => {
    for (const group of HOSTILE_GROUPS) {
      const html = new Marked({ gfm: true }).parse(entityHover({ group, word: 'w', score: 0.9, start: 0, end: 1 })) as string;
      assert.ok(!/<(a|img|script|h\d|ul|li)\b/i.test(html), `${JSON.stringify(group)} -> ${html}`);
      assert.ok(!/&lt;script/i.test(html) || group.startsWith('&'), html);
    }
  });

  it('keeps the words of an ordinary group readable', () => {
    const html = new Marked().parse(entityHover({ group: 'PER', word: 'Ada', score: 0.987, start: 0, end: 3 })) as string;
    assert.match(html, /<strong>PER<\/strong>/);
  });

  it('escapes every markdown-significant character and folds line breaks', () => {
    assert.equal(plainMarkdown('a*b_c\n[d]'), 'a\\*b\\_c \\[d\\]');
  });
});

describe('ui/resultText: naming the model that answered when it was not the first choice', () => {
  const outcome = (model: string, status: 'failed' | 'succeeded' | 'skipped', failure?: 'loading' | 'gone') => ({
    model,
    provider: { kind: 'hf' as const, provider: 'hf-inference' },
    why: 'test',
    status,
    attempts: 1,
    ...(failure ? { failure } : {}),
  });
  const decision = (outcomes: ReturnType<typeof outcome>[]) => ({
    id: 1,
    task: 'translate' as const,
    startedAt: 0,
    totalMs: 5,
    fromCache: false,
    outcomes,
    chosen: outcomes.find((o) => o.status === 'succeeded'),
  });

  it('names both models and why the first did not answer', () => {
    const d = decision([outcome('Helsinki-NLP/opus-mt-en-es', 'failed', 'loading'), outcome('facebook/nllb-200-distilled-600M', 'succeeded')]);
    assert.equal(answeredByFallback(d), 'Answered by nllb-200-distilled-600M (opus-mt-en-es was loading)');
  });

  it('says nothing when the first model tried answered (skipped ones do not count)', () => {
    assert.equal(answeredByFallback(decision([outcome('a/x', 'skipped'), outcome('b/y', 'succeeded')])), undefined);
  });
});
