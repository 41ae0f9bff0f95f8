import { strict as assert } from 'node:assert';
import { providerLookup } from '../../../src/hub/modelProviders';
import { startFakeHf, type FakeHf } from '../../fake-hf/server';

/** The real @huggingface/hub client against the fake Hub: what the routing core learns about who serves a model. */
describe('hub/modelProviders', () => {
  let fake: FakeHf;
  before(async () => {
    fake = await startFakeHf();
  });
  after(async () => {
    await fake.close();
  });

  it('a retired seed default is served by nobody; a served model lists its live providers; no token is sent', async () => {
    const lookup = providerLookup({ hubUrl: () => fake.hubUrl });
    assert.deepEqual(await lookup('Salesforce/codegen-350M-mono'), []);
    const opus = await lookup('Helsinki-NLP/opus-mt-en-es');
    assert.ok(opus !== 'unknown' && opus.some((m) => m.provider === 'hf-inference' && m.task === 'translation' && m.status === 'live'), JSON.stringify(opus));
    const requests = fake.requests.filter((r) => r.listener === 'hub');
    assert.ok(requests.length >= 2);
    assert.ok(requests.every((r) => r.headers.authorization === undefined), 'anonymous');
    assert.ok(requests.every((r) => /inferenceProviderMapping/.test(r.url)), requests.map((r) => r.url).join('\n'));
  });

  it('an unknown model, or a Hub that fails, is "unknown" or an error: never "served by nobody"', async () => {
    const lookup = providerLookup({ hubUrl: () => fake.hubUrl });
    assert.equal(await lookup('nobody/no-such-model'), 'unknown');
    const down = providerLookup({ hubUrl: () => 'http://127.0.0.1:9' });
    await assert.rejects(down('Salesforce/codegen-350M-mono'));
  });
});
