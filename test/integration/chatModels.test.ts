// Hugging Face models in VS Code's chat (vscode.lm): the picker's list (Auto + the router's chat models with their
// variants), a streamed answer through the routing core, Auto's fallback before the first token, the decision.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { fake, inferenceRequests, lastDecision, setSetting } from './support/product';
import { waitFor } from './support/waits';

async function ask(model: vscode.LanguageModelChat, text: string): Promise<string> {
  const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(text)], {}, new vscode.CancellationTokenSource().token);
  let out = '';
  for await (const chunk of response.text) out += chunk;
  return out;
}

describe('Hugging Face models in VS Code chat', () => {
  productCases();

  it('the picker lists Hugging Face · Auto and the served chat models with :fastest, :cheapest and per-provider variants', async () => {
    // The router's list wants the token, and a silent listing never asks about a new host: one request through Auto
    // approves the fake's router host (test/e2e/tokenApprovals.mjs answers the modal), and a settings change makes
    // the provider list again.
    const [auto] = await vscode.lm.selectChatModels({ vendor: 'sarvanom', id: 'auto' });
    assert.ok(auto, 'Auto is offered even before the list was read');
    await ask(auto, 'Hello');
    const restore = await setSetting('translate.recentLimit', 6);
    const models = await waitFor('the router\'s models in the list', async () => {
      const all = await vscode.lm.selectChatModels({ vendor: 'sarvanom' });
      return all.length > 1 ? all : undefined;
    }).finally(restore);
    const ids = models.map((m) => m.id);
    assert.equal(ids[0], 'auto');
    assert.equal(models[0].name, 'Hugging Face · Auto');
    const llama = 'meta-llama/Llama-3.1-8B-Instruct';
    assert.ok(ids.includes(llama) && ids.includes(`${llama}:fastest`) && ids.includes(`${llama}:cheapest`), ids.slice(0, 20).join(', '));
    assert.ok(ids.some((id) => id.startsWith(`${llama}:`) && !/:(fastest|cheapest)$/.test(id)), 'one variant per live provider');
  });

  it('Auto streams the answer through the routing core and falls back before the first token; the decision records it', async () => {
    const [auto] = await vscode.lm.selectChatModels({ vendor: 'sarvanom', id: 'auto' });
    assert.ok(auto, 'the Auto model');
    const first = 'meta-llama/Llama-3.1-8B-Instruct';
    await fake().setFault({ listener: 'router', model: first }, { type: 'loading', estimatedTime: 120 });
    const answer = await ask(auto, 'What is a tokenizer?');
    assert.match(answer, /^Echo from .+: What is a tokenizer\?$/);
    assert.ok(!answer.includes(first), 'the loading model did not answer');
    const decision = await lastDecision();
    assert.equal(decision?.task, 'chat');
    assert.equal(decision?.outcomes.find((o) => o.model === first)?.failure, 'loading');
    assert.ok((await inferenceRequests()).length >= 2);
  });

  it('a picked model answers itself (no fallback), and its failure is a plain error in chat', async () => {
    const model = 'Qwen/Qwen2.5-72B-Instruct';
    const [picked] = await vscode.lm.selectChatModels({ vendor: 'sarvanom', id: model });
    assert.ok(picked, `the model ${model}`);
    assert.match(await ask(picked, 'Hello there'), /Hello there$/);
    await fake().setFault({ listener: 'router', model }, { type: 'status', status: 500 });
    await assert.rejects(ask(picked, 'Hello again'), (err: Error) => !/hf_[A-Za-z0-9]{6,}/.test(err.message) && err.message.length > 0);
  });
});
