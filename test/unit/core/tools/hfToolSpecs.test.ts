import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_TITLES } from '../../../../src/core/tools/hfToolNames';
import { cardSummary, QUOTA_TOOLS, sizedText, TOOL_SPECS, validateToolInput } from '../../../../src/core/tools/hfToolSpecs';

const root = join(__dirname, '../../../../..');

describe('core/tools/hfToolSpecs', () => {
  it('package.json contributes exactly these tools (one source for names, references and schemas)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { languageModelTools: unknown[] } };
    assert.deepEqual(pkg.contributes.languageModelTools, JSON.parse(JSON.stringify(TOOL_SPECS)));
    assert.deepEqual(TOOL_SPECS.map((t) => t.name), ['hf_searchModels', 'hf_modelInfo', 'hf_searchDatasets', 'hf_datasetRows', 'hf_searchSpaces', 'hf_translate', 'hf_summarize', 'hf_classify', 'hf_extractEntities']);
    assert.ok(QUOTA_TOOLS.every((q) => TOOL_SPECS.some((t) => t.name === q)));
    // The shell registers them by these titles: the same names, the same display names.
    assert.deepEqual(Object.entries(TOOL_TITLES), TOOL_SPECS.map((t) => [t.name, t.displayName]));
  });

  it('validates inputs against the schema, naming the field', () => {
    assert.deepEqual(validateToolInput('hf_searchModels', { query: '  qwen ', limit: 5 }), { ok: true, value: { query: 'qwen', limit: 5 } });
    const missing = validateToolInput('hf_translate', { text: 'hello' });
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.message : '', /"targetLanguage" is required/);
    assert.match(String((validateToolInput('hf_searchModels', { query: 'x', limit: 50 }) as { message: string }).message), /"limit" must be between 1 and 20/);
    assert.match(String((validateToolInput('hf_searchModels', { query: 7 }) as { message: string }).message), /"query" must be a string/);
    assert.match(String((validateToolInput('hf_summarize', { text: 'x'.repeat(20001) }) as { message: string }).message), /longer than 20000/);
    assert.match(String((validateToolInput('hf_classify', { text: 'x', labels: ['one'] }) as { message: string }).message), /2-10 items/);
    assert.match(String((validateToolInput('hf_classify', { text: 'x', labels: ['a', 3] }) as { message: string }).message), /list of strings/);
    assert.match(String((validateToolInput('hf_summarize', { text: 'x', extra: 1 }) as { message: string }).message), /unknown field "extra"/);
    assert.match(String((validateToolInput('hf_summarize', 'text') as { message: string }).message), /takes an object/);
    assert.match(String((validateToolInput('nope', {}) as { message: string }).message), /Unknown tool/);
  });

  it('sizes results in whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const text = sizedText(lines, 500);
    assert.ok(text.length <= 540);
    assert.match(text, /…and \d+ more lines\.$/);
    assert.equal(sizedText(['a', 'b'], 500), 'a\nb');
  });

  it('cardSummary: a card as plain prose, without front matter, markup, code or link targets, cut on a word', () => {
    const card = '---\nlicense: mit\n---\n# Qwen2.5 Coder\n\n**Qwen2.5-Coder** is a [code model](https://x.y/z).\n\n```python\nprint(1)\n```\n<img src=a.png>\n| a | b |\n|---|---|\n';
    assert.equal(cardSummary(card), 'Qwen2.5 Coder Qwen2.5-Coder is a code model. a b');
    assert.match(cardSummary(`word `.repeat(300), 50), /^(word ){7,}word…$|^(word ){8,9}word…$/);
    assert.ok(cardSummary('x '.repeat(1000), 100).length <= 101);
  });
});

