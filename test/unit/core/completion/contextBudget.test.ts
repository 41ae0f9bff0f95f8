import { strict as assert } from 'node:assert';
import { estimateTokens, fitContext } from '../../../../src/core/completion/contextBudget';

/** `n` numbered lines of about 40 characters each. */
function lines(from: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `    const value${from + i} = compute(${from + i}, other); // x`);
}

/** estimateTokens, counting its calls. */
function countingCounter(): { count: (s: string) => number; calls: () => number } {
  let calls = 0;
  return {
    count: (s) => {
      calls++;
      return estimateTokens(s);
    },
    calls: () => calls,
  };
}

describe('contextBudget', () => {
  it('estimateTokens is characters / 4, rounded up', () => {
    assert.equal(estimateTokens(''), 0);
    assert.equal(estimateTokens('abcd'), 1);
    assert.equal(estimateTokens('abcde'), 2);
  });

  it('returns both sides untouched when they fit', () => {
    const r = fitContext({ prefix: 'a\nb', suffix: 'c\nd', maxTokens: 100, countTokens: estimateTokens });
    assert.deepEqual(r, { prefix: 'a\nb', suffix: 'c\nd', prefixTokens: 1, suffixTokens: 1, truncatedPrefix: false, truncatedSuffix: false });
  });

  it('keeps the lines nearest the cursor, whole, and the partial lines at the cursor', () => {
    const before = lines(0, 200);
    const after = lines(1000, 200);
    const prefix = `${before.join('\n')}\n    return val`;
    const suffix = `ue + 1;\n${after.join('\n')}`;
    const r = fitContext({ prefix, suffix, maxTokens: 400, countTokens: estimateTokens });
    assert.ok(r.truncatedPrefix && r.truncatedSuffix);
    assert.ok(r.prefix.endsWith(`${before[199]}\n    return val`), 'the prefix ends at the cursor');
    assert.ok(r.suffix.startsWith(`ue + 1;\n${after[0]}\n`), 'the suffix starts at the cursor');
    // Cut at line boundaries: every kept line is a whole line of the source.
    const keptBefore = r.prefix.split('\n').slice(0, -1);
    assert.deepEqual(keptBefore, before.slice(before.length - keptBefore.length));
    const keptAfter = r.suffix.split('\n').slice(1);
    assert.deepEqual(keptAfter, after.slice(0, keptAfter.length));
    // Within the budget, and the split is about 3:1.
    assert.equal(r.prefixTokens, estimateTokens(r.prefix));
    assert.equal(r.suffixTokens, estimateTokens(r.suffix));
    assert.ok(r.prefixTokens + r.suffixTokens <= 400, `${r.prefixTokens} + ${r.suffixTokens}`);
    assert.ok(r.suffixTokens <= 100 && r.suffixTokens > 80, `suffix ${r.suffixTokens}`);
    assert.ok(r.prefixTokens > 280, `prefix ${r.prefixTokens}`);
    // One more line on either side would not have fitted in its share.
    const oneMore = `${before[before.length - keptBefore.length - 1]}\n${r.prefix}`;
    assert.ok(estimateTokens(oneMore) > 400 - r.suffixTokens);
  });

  it('gives what the suffix leaves unused to the prefix', () => {
    const prefix = lines(0, 500).join('\n') + '\n';
    const suffix = '\n}';
    const r = fitContext({ prefix, suffix, maxTokens: 1000, countTokens: estimateTokens });
    assert.equal(r.suffix, suffix);
    assert.equal(r.truncatedSuffix, false);
    assert.ok(r.prefixTokens > 950 && r.prefixTokens + r.suffixTokens <= 1000, `prefix ${r.prefixTokens}`);
  });

  it('gives what the prefix leaves unused to the suffix', () => {
    const suffix = '\n' + lines(0, 500).join('\n');
    const r = fitContext({ prefix: 'function f() {\n  ', suffix, maxTokens: 1000, countTokens: estimateTokens });
    assert.equal(r.prefix, 'function f() {\n  ');
    assert.ok(r.suffixTokens > 950 && r.prefixTokens + r.suffixTokens <= 1000, `suffix ${r.suffixTokens}`);
  });

  it('honours prefixShare', () => {
    const prefix = lines(0, 300).join('\n') + '\n';
    const suffix = '\n' + lines(0, 300).join('\n');
    const r = fitContext({ prefix, suffix, maxTokens: 1000, countTokens: estimateTokens, prefixShare: 0.5 });
    // The suffix fits its half in whole lines; what the last line left over goes to the prefix.
    assert.ok(r.suffixTokens <= 500 && r.suffixTokens > 480, `suffix ${r.suffixTokens}`);
    assert.ok(r.prefixTokens > 480 && r.prefixTokens + r.suffixTokens <= 1000, `prefix ${r.prefixTokens}`);
  });

  it('keeps the partial lines at the cursor even when they alone are over budget', () => {
    const long = 'x'.repeat(400);
    const r = fitContext({ prefix: `a\nb\n${long}`, suffix: `${long}\nc`, maxTokens: 10, countTokens: estimateTokens });
    assert.equal(r.prefix, long);
    assert.equal(r.suffix, long);
  });

  it('counts tokens O(log n) times on a 5,000-line file', () => {
    const file = lines(0, 5000);
    const prefix = `${file.slice(0, 2500).join('\n')}\n    foo(`;
    const suffix = `);\n${file.slice(2500).join('\n')}`;
    const counter = countingCounter();
    const r = fitContext({ prefix, suffix, maxTokens: 2048, countTokens: counter.count });
    assert.ok(counter.calls() <= 40, `${counter.calls()} calls`);
    assert.ok(r.prefixTokens + r.suffixTokens <= 2048);
    assert.ok(r.prefixTokens + r.suffixTokens > 2000, 'the budget is used');
  });
});
