// The Hub browser's columns of the fault matrix: Hub search (HubService.list) and Hub details
// (HubService.details) through the real @huggingface/hub client against the fake, one fault per cell.
// The Hub service does not retry (the view offers Retry): each cell checks the failure kind the view shows,
// its user-safe message, and that exactly one request went out.
import { strict as assert } from 'node:assert';
import { HubService } from '../../../src/hub/hubService';
import { EMPTY_MODEL_FILTERS, type HubQuery } from '../../../src/shared/hubTypes';
import { closedPortUrl } from '../../fake-hf/closedPort';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../fake-hf/server';
import { hubRejection } from '../support/hubRejection';
import { FAULT_ROWS, type FaultId, type FaultRow } from './faultRows';
import { recordCell, type ActionId } from './matrixReport';
import { assertExplained, assertUserSafe } from './safety';
import { approving } from '../support/tokenChecks';

/**
 * Hub cells that fail because of defects in src/hub/ (owned elsewhere, not fixed here). The suite expects
 * exactly these to fail: a fixed defect and a new failure both turn it red.
 * - 410: the Hub service shows "The Hub answered 410" as a generic error; a repo that is gone is "not found".
 * - html: a 200 text/html page (captive portal) reaches the user as the JSON parser's message, which
 *   quotes the page ("Unexpected token '<', "<!DOCTYPE "... is not valid JSON").
 * - malformed: the message is the bare JSON parser error ("Unterminated string in JSON at position 50").
 * - wrong-shape, search: the message is the bare engine error "items is not iterable".
 * - wrong-shape, details: an object without the repo's fields is accepted: details resolve with an empty
 *   id and zero counts instead of failing.
 */
export const KNOWN_HUB_DEFECTS: readonly string[] = [];

const NORMAL_TIMEOUT_MS = 10_000;
const SHORT_TIMEOUT_MS = 100;
const DETAILS_ID = 'openai-community/gpt2';
const MODELS: HubQuery = { scope: 'everyone', tab: 'models', text: '', sort: 'downloads', filters: EMPTY_MODEL_FILTERS };

interface HubAction {
  readonly id: ActionId;
  /** Requests of this action start with this path (and faults are aimed at it). */
  readonly path: string;
  readonly call: (hub: HubService) => Promise<unknown>;
}

const HUB_ACTIONS: readonly HubAction[] = [
  { id: 'hub-search', path: '/api/models', call: (hub) => hub.list(MODELS, 0, 20) },
  { id: 'hub-details', path: `/api/models/${DETAILS_ID}`, call: (hub) => hub.details('model', DETAILS_ID) },
];

interface HubEnv {
  readonly fake: FakeHf;
  readonly refusedUrl: string;
}

function service(env: HubEnv, row: FaultRow, logs: string[]): HubService {
  return new HubService({
    hubUrl: () => (row.id === 'refused' ? env.refusedUrl : env.fake.hubUrl),
    datasetsServerUrl: () => env.fake.datasetsServerUrl,
    getToken: async () => VALID_TOKEN,
    checkTokenDestination: approving(env.fake.hubUrl, env.fake.datasetsServerUrl, env.refusedUrl),
    requestTimeoutMs: row.shortTimeout ? SHORT_TIMEOUT_MS : NORMAL_TIMEOUT_MS,
    log: (line) => logs.push(line),
  });
}

/** One Hub cell: the failure the view shows for the fault, one request, nothing unsafe in message or log. */
async function checkHubCell(env: HubEnv, action: HubAction, row: FaultRow): Promise<void> {
  const { fake } = env;
  const expected = row.hub;
  assert.ok(expected, `row ${row.id} applies to the Hub`);
  fake.reset();
  if (row.fault) fake.setFault({ listener: 'hub', pathPrefix: action.path }, row.fault);
  const logs: string[] = [];
  const failure = await hubRejection(action.call(service(env, row, logs)));
  assert.equal(failure.kind, expected.kind, `failure kind (message: ${failure.message})`);
  if (expected.message) assert.match(failure.message, expected.message);
  if (expected.retryAfterMs) assert.ok(failure.retryAfterMs !== undefined && expected.retryAfterMs(failure.retryAfterMs), `retryAfterMs ${failure.retryAfterMs}`);
  const sent = fake.requests.filter((r) => r.listener === 'hub' && r.path.startsWith(action.path)).length;
  assert.equal(sent, row.id === 'refused' ? 0 : 1, 'one request, no retry behind the view’s back');
  assertUserSafe([failure.message, ...logs], VALID_TOKEN);
  assertExplained([failure.message]);
}

describe('fault matrix: Hub search and details, through the Hub service', () => {
  let env: HubEnv;
  const failing: string[] = [];
  let ran = 0;

  before(async () => {
    env = { fake: await startFakeHf(), refusedUrl: await closedPortUrl() };
  });
  after(() => env.fake.close());

  for (const row of FAULT_ROWS) {
    describe(row.label, () => {
      for (const action of HUB_ACTIONS) {
        if (!row.hub) {
          recordCell(row.id, action.id, { na: 2 });
          continue;
        }
        const key = cellKey(row.id, action.id);
        const known = KNOWN_HUB_DEFECTS.includes(key);
        it(`${action.id}: ${known ? 'KNOWN DEFECT, still failing: ' : ''}${row.hub.kind}`, async () => {
          let error: unknown;
          ran += 1;
          try {
            await checkHubCell(env, action, row);
          } catch (err) {
            error = err;
            failing.push(key);
          }
          recordCell(row.id, action.id, error === undefined ? 'pass' : known ? 'FAIL-known' : 'FAIL');
          if (known) assert.ok(error !== undefined, `${key} passes now: remove it from KNOWN_HUB_DEFECTS`);
          else if (error !== undefined) throw error;
        });
      }
    });
  }

  // Nested suites run after the suite's own tests and in order, so this one runs once every cell did.
  describe('summary', () => {
    it('the failing Hub cells are exactly KNOWN_HUB_DEFECTS', function () {
      if (ran < FAULT_ROWS.filter((r) => r.hub).length * HUB_ACTIONS.length) this.skip(); // a --grep run saw only some cells
      assert.deepEqual([...failing].sort(), [...KNOWN_HUB_DEFECTS].sort());
    });
  });
});

function cellKey(fault: FaultId, action: ActionId): string {
  return `${fault}|${action}`;
}
