import { strict as assert } from 'node:assert';
import { quotaStatusView } from '../../../src/ui/quotaStatus';

const usage = (used: number, limit: number) => ({ used, limit, month: '2026-11', fraction: limit > 0 ? used / limit : 0 });

describe('ui/quotaStatus', () => {
  it('shows used and limit compactly, with month and percent in the tooltip', () => {
    const view = quotaStatusView(usage(123, 30000));
    assert.equal(view.text, '$(hubot) HF 123/30k');
    assert.match(view.tooltip, /2026-11/);
    assert.match(view.tooltip, /\b0%/);
    assert.equal(view.level, 'normal');
  });

  it('lists the pinned models under the usage in the tooltip', () => {
    const view = quotaStatusView(usage(1, 100), ['Translate (en→es): Helsinki-NLP/opus-mt-en-es', 'Chat: Qwen/Qwen2.5-7B-Instruct']);
    assert.match(view.tooltip, /1 of 100 requests[^]*\n\nPinned models:\n• Translate \(en→es\): Helsinki-NLP\/opus-mt-en-es\n• Chat: Qwen\/Qwen2\.5-7B-Instruct$/);
    assert.doesNotMatch(quotaStatusView(usage(1, 100)).tooltip, /Pinned/);
  });

  it('turns to warning at 80 % and to error at 100 %', () => {
    assert.equal(quotaStatusView(usage(79, 100)).level, 'normal');
    assert.equal(quotaStatusView(usage(80, 100)).level, 'warning');
    assert.equal(quotaStatusView(usage(99, 100)).level, 'warning');
    assert.equal(quotaStatusView(usage(100, 100)).level, 'error');
    assert.equal(quotaStatusView(usage(150, 100)).level, 'error');
  });

  it('shows only the count when the quota is unlimited', () => {
    const view = quotaStatusView(usage(1500, 0));
    assert.equal(view.text, '$(hubot) HF 1.5k');
    assert.equal(view.level, 'normal');
    assert.match(view.tooltip, /no monthly limit/);
  });
});
