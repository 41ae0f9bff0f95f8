import { strict as assert } from 'node:assert';
import {
  CHAT_FIM_HOLE,
  FIM_TEMPLATES,
  KNOWN_FIM_FAMILIES,
  chatFimMessages,
  fimFamilyOf,
  fimPrompt,
  templateForModel,
  type FimTemplate,
} from '../../../../src/core/completion/fimTemplates';

const parts = { prefix: 'def add(a, b):\n    ', suffix: '\n\nprint(add(1, 2))' };

function promptFor(modelId: string): string {
  const template = templateForModel(modelId);
  assert.ok(template, `no template for ${modelId}`);
  return fimPrompt(template, parts);
}

describe('fimTemplates', () => {
  it('StarCoder, StarCoder2, SantaCoder and bigcode models: <fim_prefix>…<fim_suffix>…<fim_middle>', () => {
    for (const id of ['bigcode/starcoder', 'bigcode/starcoder2-15b', 'bigcode/santacoder', 'bigcode/gpt_bigcode-santacoder', 'TechxGenus/StarCoder2-7B-Instruct']) {
      assert.equal(fimFamilyOf(id), 'starcoder', id);
    }
    assert.equal(promptFor('bigcode/starcoder2-3b'), '<fim_prefix>def add(a, b):\n    <fim_suffix>\n\nprint(add(1, 2))<fim_middle>');
    assert.deepEqual(templateForModel('bigcode/starcoder2-3b')?.stop, ['<|endoftext|>', '<file_sep>', '<fim_prefix>', '<fim_suffix>', '<fim_middle>']);
  });

  it('Qwen2.5-Coder and Qwen3-Coder: <|fim_prefix|>…<|fim_suffix|>…<|fim_middle|>, not other Qwen models', () => {
    assert.equal(fimFamilyOf('Qwen/Qwen2.5-Coder-32B-Instruct'), 'qwen-coder');
    assert.equal(fimFamilyOf('Qwen/Qwen3-Coder-480B-A35B-Instruct:fastest'), 'qwen-coder');
    assert.equal(fimFamilyOf('Qwen/Qwen2.5-7B-Instruct'), undefined);
    assert.equal(promptFor('qwen/qwen2.5-coder-7b'), '<|fim_prefix|>def add(a, b):\n    <|fim_suffix|>\n\nprint(add(1, 2))<|fim_middle|>');
    assert.deepEqual(templateForModel('Qwen/Qwen2.5-Coder-7B')?.stop, [
      '<|endoftext|>',
      '<|fim_pad|>',
      '<|repo_name|>',
      '<|file_sep|>',
      '<|im_end|>',
      '<|fim_prefix|>',
    ]);
  });

  it('CodeLlama: "<PRE> prefix <SUF>suffix <MID>" with its spaces', () => {
    assert.equal(promptFor('codellama/CodeLlama-7b-hf'), '<PRE> def add(a, b):\n     <SUF>\n\nprint(add(1, 2)) <MID>');
    assert.deepEqual(templateForModel('meta-llama/CodeLlama-13b-Instruct-hf')?.stop, ['<EOT>', '</s>']);
  });

  it('DeepSeek-Coder: the full-width bar (U+FF5C) and U+2581 tokens', () => {
    assert.equal(fimFamilyOf('deepseek-ai/DeepSeek-Coder-V2-Lite-Base'), 'deepseek-coder');
    assert.equal(
      promptFor('deepseek-ai/deepseek-coder-6.7b-base'),
      '<｜fim▁begin｜>def add(a, b):\n    <｜fim▁hole｜>\n\nprint(add(1, 2))<｜fim▁end｜>',
    );
    const t = templateForModel('deepseek-ai/deepseek-coder-1.3b-base');
    assert.deepEqual(t?.stop, ['<｜end▁of▁sentence｜>', '<|EOT|>']);
    assert.equal(t?.prefixToken.codePointAt(1), 0xff5c);
    assert.equal(t?.prefixToken.codePointAt(5), 0x2581);
    assert.ok(!t?.prefixToken.includes('|'), 'ASCII bar would be another token');
  });

  it('Codestral: suffix first, then prefix, nothing after', () => {
    const t = templateForModel('mistralai/Codestral-22B-v0.1');
    assert.equal(t?.order, 'spm');
    assert.equal(promptFor('mistralai/Codestral-22B-v0.1'), '[SUFFIX]\n\nprint(add(1, 2))[PREFIX]def add(a, b):\n    ');
    assert.deepEqual(t?.stop, ['</s>', '[PREFIX]', '[SUFFIX]']);
  });

  it('CodeGemma: the Qwen-style tokens with its own stops', () => {
    assert.equal(promptFor('google/codegemma-7b'), '<|fim_prefix|>def add(a, b):\n    <|fim_suffix|>\n\nprint(add(1, 2))<|fim_middle|>');
    assert.deepEqual(templateForModel('google/codegemma-2b')?.stop, ['<|file_separator|>', '<|fim_prefix|>', '<|fim_suffix|>', '<|fim_middle|>', '<eos>']);
  });

  it('an unknown family has no template: the caller says the model is not trained for FIM', () => {
    assert.equal(templateForModel('meta-llama/Llama-3.1-8B-Instruct'), undefined);
    assert.equal(templateForModel('gpt2'), undefined);
    // The owner alone does not decide: only the model name is matched.
    assert.equal(templateForModel('starcoder-fans/llama-3-8b'), undefined);
  });

  it('an override is laid over the family template; undefined fields do not erase it', () => {
    const t = templateForModel('bigcode/starcoder2-7b', { stop: ['\n\n'], middleToken: undefined });
    assert.deepEqual(t, { ...FIM_TEMPLATES.starcoder, stop: ['\n\n'] });
  });

  it('an override with all three tokens makes a custom template for an unknown model; a partial one does not', () => {
    const custom: Partial<FimTemplate> = { prefixToken: '<P>', suffixToken: '<S>', middleToken: '<M>' };
    assert.deepEqual(templateForModel('someone/my-coder', custom), {
      family: 'custom',
      prefixToken: '<P>',
      suffixToken: '<S>',
      middleToken: '<M>',
      order: 'psm',
      stop: [],
    });
    assert.equal(templateForModel('someone/my-coder', { prefixToken: '<P>', suffixToken: '<S>' }), undefined);
  });

  it('every known family has a template and a pattern that recognises its own name', () => {
    assert.equal(KNOWN_FIM_FAMILIES.length, Object.keys(FIM_TEMPLATES).length);
    for (const family of KNOWN_FIM_FAMILIES) assert.equal(FIM_TEMPLATES[family].family, family);
  });

  it('chatFimMessages asks for only the middle, with the hole marked once between prefix and suffix', () => {
    const messages = chatFimMessages('const x = ', ';\n', 'typescript');
    assert.equal(messages.length, 2);
    assert.equal(messages[0].role, 'system');
    assert.match(messages[0].content, /TypeScript/);
    assert.match(messages[0].content, /only the text to insert/);
    assert.deepEqual(messages[1], { role: 'user', content: `const x = ${CHAT_FIM_HOLE};\n` });
  });
});
