// The "Yours" scope: the signed-in user's and their organisations' repos, one Hub listing per owner merged, through
// the real @huggingface/hub client against the fake HF server (whoami: fake-user, member of fake-org).
import { strict as assert } from 'node:assert';
import { HubService } from '../../../src/hub/hubService';
import { EMPTY_DATASET_FILTERS, EMPTY_MODEL_FILTERS, type HubQuery } from '../../../src/shared/hubTypes';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../fake-hf/server';
import { hubRejection } from '../support/hubRejection';
import { approving } from '../support/tokenChecks';

const YOUR_MODELS: HubQuery = { scope: 'yours', tab: 'models', text: '', sort: 'downloads', filters: EMPTY_MODEL_FILTERS };
const OWNERS = new Set(['fake-user', 'fake-org']);

describe('hub/hubService: the "Yours" scope against the fake HF server', () => {
  let fake: FakeHf;
  let token: string | undefined;
  const service = (): HubService =>
    new HubService({
      hubUrl: () => fake.hubUrl,
      datasetsServerUrl: () => fake.datasetsServerUrl,
      getToken: async () => token,
      checkTokenDestination: approving(fake.hubUrl, fake.datasetsServerUrl),
    });
  const hubRequests = (prefix: string) => fake.requests.filter((r) => r.listener === 'hub' && r.path.startsWith(prefix));

  before(async () => {
    fake = await startFakeHf();
  });
  beforeEach(() => {
    token = VALID_TOKEN;
  });
  afterEach(() => fake.reset());
  after(() => fake.close());

  it("lists the user's and their organisation's models, private ones included and marked, sorted like the public list", async () => {
    const page = await service().list(YOUR_MODELS, 0, 1000);
    assert.ok(page.done);
    assert.ok(page.items.length > 1);
    assert.ok(page.items.every((i) => OWNERS.has(i.author)), 'only the owners’ repos');
    assert.ok(page.items.some((i) => i.author === 'fake-org'), 'the organisation’s repos too');
    const own = page.items.find((i) => i.id === 'fake-user/private-model');
    assert.equal(own?.private, true);
    const downloads = page.items.map((i) => i.downloads ?? 0);
    assert.ok(downloads.every((d, i) => i === 0 || d <= downloads[i - 1]), 'sorted by downloads across owners');
    // One whoami, then one listing per owner, each with the Hub's author filter and the user's token.
    assert.equal(hubRequests('/api/whoami-v2').length, 1);
    const listings = hubRequests('/api/models');
    assert.deepEqual(listings.map((r) => r.query.get('author')).sort(), ['fake-org', 'fake-user']);
    assert.ok(listings.every((r) => r.headers['authorization'] === `Bearer ${VALID_TOKEN}`));
  });

  it('applies the search text and filters to every owner', async () => {
    const page = await service().list({ ...YOUR_MODELS, text: 'private', filters: { ...EMPTY_MODEL_FILTERS, task: 'text-classification' } }, 0, 50);
    assert.deepEqual(page.items.map((i) => [i.id, i.private]), [['fake-user/private-model', true]]);
    assert.ok(hubRequests('/api/models').every((r) => r.query.get('search') === 'private' && r.query.get('pipeline_tag') === 'text-classification'));
  });

  it("lists the user's private datasets", async () => {
    const page = await service().list({ scope: 'yours', tab: 'datasets', text: '', sort: 'updated', filters: EMPTY_DATASET_FILTERS }, 0, 1000);
    assert.ok(page.items.some((i) => i.id === 'fake-user/private-dataset' && i.private));
    assert.ok(page.items.every((i) => OWNERS.has(i.author)));
    const updated = page.items.map((i) => i.updatedAt ?? 0);
    assert.ok(updated.every((u, i) => i === 0 || u <= updated[i - 1]), 'most recently updated first across owners');
  });

  it('the public list of the same query keeps showing everyone', async () => {
    const page = await service().list({ ...YOUR_MODELS, scope: 'everyone' }, 0, 50);
    assert.ok(page.items.some((i) => !OWNERS.has(i.author)));
    assert.ok(hubRequests('/api/models').every((r) => !r.query.has('author')));
  });

  it('signed out, answers "signed-out" without asking the Hub', async () => {
    token = undefined;
    const failure = await hubRejection(service().list(YOUR_MODELS, 0, 50));
    assert.equal(failure.kind, 'signed-out');
    assert.match(failure.message, /Sign in/);
    assert.equal(hubRequests('/api/').length, 0);
  });

  it("the fake hides an owner's private repos from anonymous listings with the author filter, like the Hub", async () => {
    const anonymous = await fetch(`${fake.hubUrl}/api/models?author=fake-user`);
    const ids = ((await anonymous.json()) as { id: string }[]).map((m) => m.id);
    assert.ok(!ids.includes('fake-user/private-model'));
    const signedIn = await fetch(`${fake.hubUrl}/api/models?author=fake-user`, { headers: { authorization: `Bearer ${VALID_TOKEN}` } });
    assert.ok(((await signedIn.json()) as { id: string }[]).some((m) => m.id === 'fake-user/private-model'));
  });
});
