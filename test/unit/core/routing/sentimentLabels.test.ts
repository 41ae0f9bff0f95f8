import { strict as assert } from 'node:assert';
import { commonSentiments, sentimentOf } from '../../../../src/core/routing/sentimentLabels';

describe('core/routing/sentimentLabels', () => {
  it('maps every model vocabulary to positive / neutral / negative', () => {
    assert.equal(sentimentOf('POSITIVE', 2), 'positive');
    assert.equal(sentimentOf('LABEL_0', 2), 'negative');
    assert.equal(sentimentOf('LABEL_1', 3), 'neutral');
    assert.equal(sentimentOf('5 stars', 5), 'positive');
    assert.equal(sentimentOf('3 stars', 5), 'neutral');
    assert.equal(sentimentOf('joy', 6), undefined);
  });

  it('shows the same three labels whether a two-label or a three-label model answered', () => {
    const sst2 = commonSentiments([{ label: 'POSITIVE', score: 0.9 }, { label: 'NEGATIVE', score: 0.1 }]);
    const twitter = commonSentiments([{ label: 'positive', score: 0.7 }, { label: 'neutral', score: 0.2 }, { label: 'negative', score: 0.1 }]);
    assert.deepEqual(sst2.map((l) => l.label).sort(), ['negative', 'neutral', 'positive']);
    assert.deepEqual(twitter.map((l) => l.label).sort(), ['negative', 'neutral', 'positive']);
    assert.deepEqual(sst2[0], { label: 'positive', score: 0.9 });
  });

  it('adds up labels that mean the same, and keeps a non-sentiment model\'s own labels', () => {
    const stars = commonSentiments([{ label: '5 stars', score: 0.5 }, { label: '4 stars', score: 0.3 }, { label: '1 star', score: 0.2 }]);
    assert.ok(Math.abs((stars.find((l) => l.label === 'positive')?.score ?? 0) - 0.8) < 1e-9);
    assert.deepEqual(commonSentiments([{ label: 'joy', score: 0.6 }, { label: 'anger', score: 0.4 }]).map((l) => l.label), ['joy', 'anger']);
  });
});
