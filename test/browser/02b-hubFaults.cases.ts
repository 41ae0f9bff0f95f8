// The Hub view's three network actions against a fault, in the real workbench: Hub search, a repo's details and
// "Try it". Each shows a plain message in place (never a parser error or a server page), offers the way out
// (Retry), and recovers once the server does. The whole matrix runs in plain node: test/unit/faultMatrix/.
import { strict as assert } from 'node:assert';
import type { FrameLocator } from 'playwright-core';
import { FakeHfControl } from '../fake-hf/control';
import { HUB, openDetails, resetHub, search } from './support/hubView';
import type { BrowserCase, BrowserCaseContext } from './support/types';
import { waitUntil } from './support/wait';

const TECHNICAL = /Unexpected token|Unterminated string|is not iterable|<!DOCTYPE|UND_ERR|ECONN/i;

function fakeControl(ctx: BrowserCaseContext): FakeHfControl {
  if (!ctx.fake) throw new Error('the fake HF server is not running');
  return new FakeHfControl(ctx.fake.hubUrl);
}

/** The failure state shown in `scope` (role alert), once it is visible: its text. */
async function failureText(hub: FrameLocator, scope: string): Promise<string> {
  const state = hub.locator(`${scope} .state[role="alert"]`).first();
  await state.waitFor({ state: 'visible', timeout: 30_000 });
  return state.innerText();
}

export const cases: BrowserCase[] = [
  {
    name: 'Hub search: a server error says so in plain words with Retry, and Retry brings the results',
    async run(ctx) {
      const fake = fakeControl(ctx);
      const hub = await resetHub(ctx.page);
      await fake.setFault({ listener: 'hub', pathPrefix: '/api/models' }, { type: 'status', status: 500 });
      try {
        await hub.locator(HUB.search).fill('distilbert');
        const text = await failureText(hub, '.hub');
        assert.match(text, /could not answer just now \(error 500\)/i, text);
        assert.doesNotMatch(text, TECHNICAL);
      } finally {
        await fake.clearFaults();
      }
      await hub.locator('.state[role="alert"] vscode-button', { hasText: 'Retry' }).first().click();
      const ids = await search(hub, 'distilbert');
      assert.ok(ids.length > 0);
    },
  },
  {
    name: 'details: an answer that is not the Hub format is explained, and Retry shows the repo',
    async run(ctx) {
      const fake = fakeControl(ctx);
      const hub = await resetHub(ctx.page);
      const [id] = await search(hub, 'roberta-base-squad2');
      await fake.setFault({ listener: 'hub', pathPrefix: `/api/models/${id}` }, { type: 'html-body' });
      try {
        await hub.locator(`${HUB.row}[title="${id}"]`).click();
        const text = await failureText(hub, HUB.details);
        assert.match(text, /not in the Hub's format/, text);
        assert.doesNotMatch(text, TECHNICAL);
      } finally {
        await fake.clearFaults();
      }
      await hub.locator(`${HUB.details} .state[role="alert"] vscode-button`, { hasText: 'Retry' }).first().click();
      await waitUntil(`the details of ${id}`, async () => (await hub.locator(HUB.detailsTitle).textContent()) === id);
    },
  },
  {
    name: 'Try it: a token without permission (403) is explained in the playground, and the next run answers',
    async run(ctx) {
      const fake = fakeControl(ctx);
      const hub = await resetHub(ctx.page);
      const id = 'Qwen/Qwen2.5-72B-Instruct';
      await search(hub, 'Qwen2.5-72B');
      const details = await openDetails(hub, id);
      await details.locator('vscode-button[title="Try this model"]').click();
      const playground = details.locator('.playground');
      await playground.waitFor({ state: 'visible' });
      await playground.locator('vscode-textarea').first().locator('textarea').fill('Say hello.');
      await fake.setFault({ listener: 'router' }, { type: 'status', status: 403 });
      try {
        await playground.locator('vscode-button', { hasText: 'Run' }).click();
        const text = await failureText(hub, '.playground');
        assert.match(text, /403|permission|access/i, text);
        assert.doesNotMatch(text, TECHNICAL);
      } finally {
        await fake.clearFaults();
      }
      await playground.locator('vscode-button', { hasText: 'Run' }).click();
      await waitUntil('an answer in the playground', async () => ((await playground.locator('.playground-output').innerText()).trim().length > 0 && !(await playground.locator('.state').isVisible()) ? true : undefined));
    },
  },
];
