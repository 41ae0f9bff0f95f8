import { strict as assert } from 'node:assert';
import {
  authorizationOf,
  credentialDestination,
  credentialGuardedFetch,
  CredentialNotSentError,
  hfTokenCheck,
  isLoopbackHost,
  isOfficialHfHost,
  type TokenApprovals,
} from '../../../../src/core/trust/credentialHosts';

const approvals = (approved: string[], answer = false): TokenApprovals & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    isApproved: (origin) => approved.includes(origin),
    requestApproval: async (origin) => {
      asked.push(origin);
      if (answer) approved.push(origin);
      return answer;
    },
  };
};

describe('core/trust/credentialHosts', () => {
  it('knows the official Hugging Face hosts, and only those', () => {
    for (const h of ['huggingface.co', 'router.huggingface.co', 'datasets-server.huggingface.co', 'hf.co', 'cdn-lfs.hf.co', 'HuggingFace.co.']) {
      assert.ok(isOfficialHfHost(h), h);
    }
    for (const h of ['huggingface.co.evil.example', 'evilhuggingface.co', 'hf.com', 'x.example']) assert.ok(!isOfficialHfHost(h), h);
  });

  it('knows this machine', () => {
    for (const h of ['localhost', '127.0.0.1', '127.8.9.10', '[::1]', 'api.localhost']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['127.0.0.1.evil.example', '10.0.0.1', '192.168.1.5', 'example.com']) assert.ok(!isLoopbackHost(h), h);
  });

  it('classifies destinations: https official, approval for other https and loopback http, never plain http elsewhere', () => {
    assert.equal(credentialDestination(new URL('https://router.huggingface.co/v1')), 'official');
    assert.equal(credentialDestination(new URL('https://mirror.example.org')), 'needs-approval');
    assert.equal(credentialDestination(new URL('http://127.0.0.1:8080')), 'needs-approval');
    assert.equal(credentialDestination(new URL('http://huggingface.co')), 'insecure');
    assert.equal(credentialDestination(new URL('http://192.168.1.5:11434')), 'insecure');
    assert.equal(credentialDestination(new URL('ftp://huggingface.co')), 'insecure');
  });

  it('reads the Authorization header however fetch was given it', () => {
    assert.equal(authorizationOf('https://x', { headers: { Authorization: 'Bearer a' } }), 'Bearer a');
    assert.equal(authorizationOf('https://x', { headers: new Headers({ authorization: 'Bearer b' }) }), 'Bearer b');
    assert.equal(authorizationOf('https://x', { headers: [['AUTHORIZATION', 'Bearer c']] }), 'Bearer c');
    assert.equal(authorizationOf(new Request('https://x', { headers: { Authorization: 'Bearer d' } })), 'Bearer d');
    assert.equal(authorizationOf('https://x', { headers: { Accept: 'x' } }), undefined);
  });

  describe('the Hugging Face token check', () => {
    it('sends to official hosts without asking', async () => {
      const a = approvals([]);
      await hfTokenCheck(a)(new URL('https://huggingface.co/api/whoami-v2'));
      assert.deepEqual(a.asked, []);
    });

    it('asks once for another origin and remembers the answer', async () => {
      const a = approvals([], true);
      const check = hfTokenCheck(a);
      await check(new URL('https://mirror.example.org/api/models'));
      await check(new URL('https://mirror.example.org/api/models?p=2'));
      assert.deepEqual(a.asked, ['https://mirror.example.org']);
    });

    it('refuses an origin the user did not approve, with a message naming the host', async () => {
      await assert.rejects(hfTokenCheck(approvals([]))(new URL('https://x.example/v1')), (err: unknown) => {
        assert.ok(err instanceof CredentialNotSentError);
        assert.equal(err.reason, 'not-approved');
        assert.match(err.message, /x\.example/);
        return true;
      });
    });

    it('never sends over plain http to another machine, even when asked to', async () => {
      const a = approvals(['http://mirror.example.org'], true);
      await assert.rejects(hfTokenCheck(a)(new URL('http://mirror.example.org/api')), /never sent over plain http/);
      assert.deepEqual(a.asked, []);
    });
  });

  it('guards only requests that carry a credential', async () => {
    const sent: string[] = [];
    const base = (async (input: string | URL | Request) => {
      sent.push(String(input));
      return new Response('{}');
    }) as typeof fetch;
    const guarded = credentialGuardedFetch(base, hfTokenCheck(approvals([])));
    await guarded('https://x.example/anonymous');
    await assert.rejects(guarded('https://x.example/with-token', { headers: { Authorization: 'Bearer hf_x' } }), CredentialNotSentError);
    assert.deepEqual(sent, ['https://x.example/anonymous']);
  });
});
