// The Hugging Face tools for agent mode, called as agent mode calls them (vscode.lm.invokeTool): Hub searches,
// a translation through the router (one request), and invalid input refused before anything is sent.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { inferenceRequests } from './support/product';

async function invoke(name: string, input: object): Promise<string> {
  const out = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  return out.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

describe('Hugging Face tools for agent mode', () => {
  productCases();

  it('are registered with their # reference names', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('hf_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), ['hf_classify', 'hf_datasetRows', 'hf_extractEntities', 'hf_modelInfo', 'hf_searchDatasets', 'hf_searchModels', 'hf_searchSpaces', 'hf_summarize', 'hf_translate']);
    assert.ok(ours.find((t) => t.name === 'hf_translate')?.inputSchema, 'with their input schemas');
  });

  it('hf_searchModels lists the Hub\'s models; hf_modelInfo says who serves one', async () => {
    const found = await invoke('hf_searchModels', { query: 'qwen', limit: 5 });
    assert.match(found, /^Models matching "qwen"/);
    assert.match(found, /Qwen\//);
    const info = await invoke('hf_modelInfo', { id: 'Qwen/Qwen2.5-Coder-32B-Instruct' });
    assert.match(info, /Served by: .*together/);
    assert.match(info, /Card summary: /);
    assert.deepEqual(await inferenceRequests(), [], 'Hub reads are not inference');
  });

  it('hf_translate translates through the router with one request; invalid input sends nothing', async () => {
    const out = await invoke('hf_translate', { text: 'The weather is lovely today and the garden is full of flowers.', targetLanguage: 'es' });
    assert.match(out, /\[es\] The weather is lovely today/);
    assert.equal((await inferenceRequests()).length, 1);
    const bad = await invoke('hf_translate', { text: 'hello' });
    assert.match(bad, /"targetLanguage" is required.*Nothing was sent/);
    assert.equal((await inferenceRequests()).length, 1);
  });
});
