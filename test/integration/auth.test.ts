// Sign in / sign out: the token is checked with the Hub (whoami) before it is kept in SecretStorage, requests
// carry it, Sign Out forgets it; tokens the Hub or Inference Providers reject end in a message that offers Sign In.
import { strict as assert } from 'node:assert';
import { productCases } from './support/cases';
import { openDocument, select } from './support/documents';
import {
  FAKE_USER, READONLY_TOKEN, VALID_TOKEN, fake, inferenceRequests, runAction, signIn, signOut,
} from './support/product';

const SIGN_IN_OFFER = /Sign in/i;

async function classifySomething(): Promise<Awaited<ReturnType<typeof runAction>>> {
  const editor = await openDocument('What a great and happy day.\n');
  select(editor, 'What a great and happy day.');
  return runAction('classifySentiment');
}

describe('signing in and out', () => {
  productCases({ signedIn: false });

  it('Sign In with a valid token names the account (whoami) and requests then carry the token', async () => {
    const outcome = await signIn(VALID_TOKEN);
    assert.equal(outcome.account, FAKE_USER);
    assert.equal(outcome.message, undefined);
    const whoami = (await fake().requests()).filter((r) => r.path === '/api/whoami-v2');
    assert.equal(whoami.length, 1, 'the token was checked with the Hub once');
    assert.equal(whoami[0].headers.authorization, `Bearer ${VALID_TOKEN}`);

    const result = await classifySomething();
    assert.equal(result.status, 'applied', result.message);
    const sent = await inferenceRequests();
    assert.ok(sent.length > 0);
    assert.ok(sent.every((r) => r.headers.authorization === `Bearer ${VALID_TOKEN}`), 'every inference request uses the stored token');
  });

  it('Sign Out deletes the token: the next action is refused before any request and offers Sign In', async () => {
    assert.equal((await signIn(VALID_TOKEN)).account, FAKE_USER);
    await signOut();
    await fake().reset();
    const result = await classifySomething();
    assert.equal(result.status, 'refused');
    assert.match(result.message ?? '', /No Hugging Face token/);
    assert.match(result.message ?? '', SIGN_IN_OFFER);
    assert.deepEqual(await inferenceRequests(), [], 'nothing may be sent without a token');
  });

  it('a token the Hub rejects is not saved, and says so', async () => {
    const outcome = await signIn('hf_this_token_is_wrong');
    assert.equal(outcome.account, undefined);
    assert.match(outcome.message ?? '', /rejected this token \(401 Unauthorized\); nothing was saved/);
    const result = await classifySomething();
    assert.equal(result.status, 'refused', 'the rejected token must not have been stored');
    assert.match(result.message ?? '', SIGN_IN_OFFER);
  });

  it('a token Inference Providers reject (401) fails the action with a message that offers Sign In', async () => {
    assert.equal((await signIn(VALID_TOKEN)).account, FAKE_USER);
    // The token was revoked after sign-in: every inference call now answers 401.
    await fake().setFault({ listener: 'router' }, { type: 'status', status: 401, body: { error: 'Invalid credentials in Authorization header' } });
    const result = await classifySomething();
    assert.equal(result.status, 'failed');
    assert.match(result.message ?? '', /401/);
    assert.match(result.message ?? '', /Sign in again with a valid token/);
    assert.ok(!(result.message ?? '').includes(VALID_TOKEN), 'the token never appears in a message');
  });

  it('a token without inference permission (403) fails the action with a message that offers Sign In', async () => {
    assert.equal((await signIn(READONLY_TOKEN)).account, FAKE_USER, 'the read-only token is valid on the Hub');
    const result = await classifySomething();
    assert.equal(result.status, 'failed');
    assert.match(result.message ?? '', /403|permission/i);
    assert.match(result.message ?? '', /Use a token with permission to call Inference Providers/);
    assert.ok(!(result.message ?? '').includes(READONLY_TOKEN), 'the token never appears in a message');
  });
});
