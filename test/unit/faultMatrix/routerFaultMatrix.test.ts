// "Every action × every fault, tested" at router level: each editor action and the Hub browser's "Try it",
// through the real Router, hfTransport and @huggingface/inference, against the fake Hugging Face server
// with one fault armed per cell. The matrix is printed at the end of the run (matrixReport.ts).
import { strict as assert } from 'node:assert';
import { closedPortUrl } from '../../fake-hf/closedPort';
import { startFakeHf, type FakeHf } from '../../fake-hf/server';
import { FAULT_ROWS, type FaultRow } from './faultRows';
import { recordCell } from './matrixReport';
import { CHAT_REPLIES, ROUTER_ACTIONS, type RouterAction } from './routerActions';
import { answerKey, checkCell, runAction, type Answer, type RouterEnv } from './routerCell';

describe('fault matrix: editor actions and Try it, through the router', function () {
  let env: RouterEnv;
  let fake: FakeHf;
  /** Each model's healthy answer to each action, by `action|model`. */
  const answers = new Map<string, Answer>();

  const prepare = (): void => {
    fake.reset();
    for (const [model, text] of Object.entries(CHAT_REPLIES)) fake.setChatReply(model, text);
  };

  before(async () => {
    fake = await startFakeHf();
    env = { fake, refusedUrl: await closedPortUrl() };
    // The healthy answer of every model, with no fault: what a cell's final answer must equal. This also
    // warms the client's provider-mapping cache, so cells count inference requests only.
    for (const action of ROUTER_ACTIONS) {
      for (const candidate of [action.primary, action.fallback]) {
        if (!candidate) continue;
        prepare();
        const run = await runAction(env, { ...action, fallback: undefined }, undefined, [candidate]);
        assert.ok(run.outcome, `${candidate.model} answers ${action.id} without a fault: ${run.error?.message}`);
        answers.set(answerKey(action.id, candidate.model), { result: run.outcome.result, streamed: run.streamed });
      }
    }
  });
  after(() => fake.close());

  /** Arms the row's fault on the action's primary model: once for "Try it", for good on a chain. */
  function arm(action: RouterAction, row: FaultRow): void {
    if (!row.fault) return;
    const times = action.fallback ? {} : { times: 1 };
    fake.setFault({ listener: 'router', model: action.primary.model }, { ...row.fault, ...times });
  }

  for (const row of FAULT_ROWS) {
    describe(row.label, () => {
      for (const action of ROUTER_ACTIONS) {
        if (row.streamOnly && !action.streams) {
          recordCell(row.id, action.id, { na: 1 });
          continue;
        }
        it(`${action.id}: ${expectation(action, row)}`, async () => {
          prepare();
          arm(action, row);
          try {
            const run = await runAction(env, action, row, action.fallback ? [action.primary, action.fallback] : [action.primary]);
            checkCell(env, run, action, row, answers);
          } catch (err) {
            recordCell(row.id, action.id, 'FAIL');
            throw err;
          }
          recordCell(row.id, action.id, 'pass');
        });
      }
    });
  }
});

function expectation(action: RouterAction, row: FaultRow): string {
  const { kind, verdict } = row.router;
  if (row.id === 'refused') return `${kind}, host unreachable: no retry, the other models on that host are skipped, the run stops`;
  if (verdict === 'stop') return `stops at once with ${kind}`;
  if (!action.fallback) return verdict === 'retry' ? `${kind}: retries the same model, which then answers` : `stops with ${kind} (nothing to fall back to)`;
  return verdict === 'retry' ? `${kind}: retries, then falls back to the next model` : `${kind}: falls back to the next model at once`;
}
