// Hugging Face models in VS Code's chat (vscode.lm): the picker's list (Auto + the router's chat models with their
// variants), a streamed answer through the routing core, Auto's fallback before the first token, the decision.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { openDocument, undoOnce } from './support/documents';
import { requireFakeHf } from './support/host';
import { fake, inferenceRequests, lastDecision, setSetting } from './support/product';
import { waitFor } from './support/waits';

async function ask(model: vscode.LanguageModelChat, text: string, token = new vscode.CancellationTokenSource().token): Promise<string> {
  const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(text)], {}, token);
  let out = '';
  for await (const chunk of response.text) out += chunk;
  return out;
}

/**
 * One of the router's chat models. The router's list wants the token, and a silent listing never asks about a new
 * host: a request through Auto approves the fake's router host (test/e2e/tokenApprovals.mjs answers the modal), and
 * the approval makes the provider list again.
 */
async function routerModel(id: string): Promise<vscode.LanguageModelChat> {
  const [listed] = await vscode.lm.selectChatModels({ vendor: 'sarvanom', id });
  if (listed) return listed;
  const [auto] = await vscode.lm.selectChatModels({ vendor: 'sarvanom', id: 'auto' });
  assert.ok(auto, 'Auto is offered even before the list was read');
  await ask(auto, 'Hello');
  return waitFor(`${id} in the list`, async () => (await vscode.lm.selectChatModels({ vendor: 'sarvanom', id }))[0]);
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

  it('a tool-call round trip: the offered tool comes back as a LanguageModelToolCallPart, its result goes back, the model answers', async () => {
    const model = 'meta-llama/Llama-3.1-8B-Instruct';
    const [picked] = await vscode.lm.selectChatModels({ vendor: 'sarvanom', id: model });
    assert.ok(picked, `the model ${model}`);
    await fake().setChatToolCall(model, { name: 'get_weather', arguments: { city: 'Zürich' } });
    const tools: vscode.LanguageModelChatTool[] = [{ name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }];
    const question = vscode.LanguageModelChatMessage.User('What is the weather in Zürich?');
    const first = await picked.sendRequest([question], { tools }, new vscode.CancellationTokenSource().token);
    const calls: vscode.LanguageModelToolCallPart[] = [];
    for await (const part of first.stream) if (part instanceof vscode.LanguageModelToolCallPart) calls.push(part);
    assert.equal(calls.length, 1, 'one tool call');
    assert.equal(calls[0].name, 'get_weather');
    assert.deepEqual(calls[0].input, { city: 'Zürich' });
    const sent = (await inferenceRequests()).map((r) => r.body as { tools?: { function?: { name?: string } }[] });
    assert.equal(sent[0]?.tools?.[0]?.function?.name, 'get_weather', 'the tool went out as an OpenAI tool');

    const second = await picked.sendRequest(
      [
        question,
        vscode.LanguageModelChatMessage.Assistant([new vscode.LanguageModelToolCallPart(calls[0].callId, calls[0].name, calls[0].input)]),
        vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart(calls[0].callId, [new vscode.LanguageModelTextPart('sunny, 21 degrees')])]),
      ],
      { tools },
      new vscode.CancellationTokenSource().token,
    );
    let answer = '';
    for await (const chunk of second.text) answer += chunk;
    assert.match(answer, /Tool said: sunny, 21 degrees/);
  });

  it('an image goes to a model that takes images as an image_url part; a text-only model refuses it and sends nothing', async () => {
    // LanguageModelDataPart is stable in VS Code 1.106: this window (1.139) has it; the types we build against (1.104) do not.
    const { LanguageModelDataPart } = vscode as unknown as { LanguageModelDataPart: { image(data: Uint8Array, mimeType: string): vscode.LanguageModelTextPart } };
    // A real 1×1 PNG: the workbench decodes (and may re-encode) images before they reach a provider; a broken one fails there.
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    const message = vscode.LanguageModelChatMessage.User([new vscode.LanguageModelTextPart('What is in this picture?'), LanguageModelDataPart.image(png, 'image/png')]);
    const read = async (model: vscode.LanguageModelChat): Promise<string> => {
      const response = await model.sendRequest([message], {}, new vscode.CancellationTokenSource().token);
      let out = '';
      for await (const chunk of response.text) out += chunk;
      return out;
    };

    const seeing = await routerModel('Qwen/Qwen2.5-VL-7B-Instruct');
    assert.match(await read(seeing), /What is in this picture\?/);
    const sent = (await inferenceRequests()).at(-1)?.body as { messages?: { role: string; content: unknown }[] } | undefined;
    const content = sent?.messages?.at(-1)?.content as { type: string; text?: string; image_url?: { url: string } }[] | undefined;
    assert.ok(Array.isArray(content), `the user turn is a list of parts: ${JSON.stringify(sent?.messages?.at(-1))}`);
    assert.deepEqual(content.map((p) => p.type), ['text', 'image_url']);
    const url = /^data:(image\/[\w.+-]+);base64,([A-Za-z0-9+/=]+)$/.exec(content[1].image_url?.url ?? '');
    assert.ok(url, `a base64 data URL: ${content[1].image_url?.url?.slice(0, 60)}`);
    assert.equal(url[1], 'image/png');
    assert.equal(Buffer.from(url[2], 'base64').subarray(1, 4).toString('latin1'), 'PNG', 'a PNG arrived');

    const textOnly = 'meta-llama/Llama-3.1-8B-Instruct';
    const blind = await routerModel(textOnly);
    const before = (await inferenceRequests()).length;
    await assert.rejects(read(blind), (err: Error) => /image/i.test(err.message) && err.message.includes(textOnly));
    assert.equal((await inferenceRequests()).length, before, 'nothing was sent');
  });

  it('cancelling a chat request aborts its HTTP request at once (the fake sees the connection closed)', async () => {
    const picked = await routerModel('meta-llama/Llama-3.1-8B-Instruct');
    await fake().reset();
    await fake().setFault({ listener: 'router' }, { type: 'slow', delayMs: 60_000 });
    const source = new vscode.CancellationTokenSource();
    const answer = ask(picked, 'Take your time.', source.token).then(
      () => 'answered',
      () => 'rejected',
    );
    await waitFor('the request at the fake', async () => (await inferenceRequests())[0]);
    source.cancel();
    assert.equal(await answer, 'rejected', 'a cancelled request is not an answer');
    await waitFor('the fake to see the request aborted', async () => (await inferenceRequests()).find((r) => r.aborted));
  });

  it('a 401 from the router says how to sign in, with the command', async () => {
    const picked = await routerModel('meta-llama/Llama-3.1-8B-Instruct');
    await fake().setFault({ listener: 'router' }, { type: 'status', status: 401 });
    await assert.rejects(ask(picked, 'Hello'), (err: Error) => /Hugging Face: Sign In \(Set Token\)/.test(err.message));
  });

  it('a 402 (credits used up) is said in chat with where to look, never as a token problem', async () => {
    const model = 'Qwen/Qwen2.5-72B-Instruct';
    const [picked] = await vscode.lm.selectChatModels({ vendor: 'sarvanom', id: model });
    assert.ok(picked, `the model ${model}`);
    await fake().setFault({ listener: 'router' }, { type: 'status', status: 402 });
    await assert.rejects(ask(picked, 'Hello'), (err: Error) => /credits/.test(err.message) && /settings\/billing/.test(err.message) && !/permission/.test(err.message));
  });

  it('the models of the user\'s OpenAI-compatible endpoint are in the picker and answer from there (not Hugging Face)', async () => {
    const restore = await setSetting('endpoints', [{ id: 'local', baseUrl: requireFakeHf().openaiUrl, model: 'llama3.2:3b' }]);
    try {
      const model = await waitFor('the endpoint\'s model in the list', async () => (await vscode.lm.selectChatModels({ vendor: 'sarvanom', id: 'endpoint:local:llama3.2:3b' }))[0]);
      assert.equal(model.name, 'llama3.2:3b (local)');
      assert.match(await ask(model, 'Hello local'), /Hello local$/);
      const posts = (await fake().requests()).filter((r) => r.method === 'POST');
      assert.deepEqual(posts.map((r) => `${r.listener} ${r.path}`), ['openai /v1/chat/completions']);
    } finally {
      await restore();
    }
  });

  it('the button under an @hf answer writes it as one undo step, and never over a selection changed since', async () => {
    const original = 'Hello world.\nSecond line.\n';
    const editor = await openDocument(original, 'plaintext');
    const args = { uri: editor.document.uri.toString(), start: 0, end: 12, original: 'Hello world.', text: 'Hola mundo.', mode: 'replace' };
    const applied = await vscode.commands.executeCommand<{ status: string }>('huggingface.applyChatAnswer', args);
    assert.equal(applied?.status, 'applied');
    assert.equal(editor.document.getText(), 'Hola mundo.\nSecond line.\n');
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), original);
    const below = await vscode.commands.executeCommand<{ status: string }>('huggingface.applyChatAnswer', { ...args, text: 'A greeting.', mode: 'insertBelow' });
    assert.equal(below?.status, 'applied');
    assert.equal(editor.document.getText(), 'Hello world.\nA greeting.\nSecond line.\n');
    await undoOnce(editor, true);
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, 0, 5), 'Howdy'));
    const refused = await vscode.commands.executeCommand<{ status: string; message?: string }>('huggingface.applyChatAnswer', args);
    assert.equal(refused?.status, 'refused');
    assert.match(refused?.message ?? '', /changed since/);
    assert.equal(editor.document.getText(), 'Howdy world.\nSecond line.\n');
  });
});

