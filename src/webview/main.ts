/**
 * Entry of the Hub webview bundle (dist/webview.js). Every host message is validated with
 * parseHostMessage before anything reads it; replies and stream events go to the RequestClient,
 * everything else to the app.
 */
import './elements';
import { parseHostMessage, type HostEvent, type HostMessage } from '../shared/protocol';
import { App } from './app';
import { RequestClient } from './requestClient';
import { vscodeApi } from './vscodeApi';

const api = vscodeApi();
const client = new RequestClient((message) => api.postMessage(message), { timeoutMs: 30_000 });
const root = document.getElementById('app') ?? document.body;
const app = new App(root, client, api);

window.addEventListener('message', (event: MessageEvent) => {
  let message: HostMessage;
  try {
    message = parseHostMessage(event.data);
  } catch (err) {
    console.warn('Hugging Face Hub view: ignored a malformed message:', err instanceof Error ? err.message : err);
    return;
  }
  if (!client.handle(message)) app.onEvent(message as HostEvent);
});
window.addEventListener('unload', () => client.dispose());

void app.start();
