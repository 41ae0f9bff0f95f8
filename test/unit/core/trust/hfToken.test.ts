import { strict as assert } from 'node:assert';
import { isHfToken } from '../../../../src/core/trust/hfToken';

describe('auth/hfToken', () => {
  it('counts only hf_ tokens as Hugging Face tokens', () => {
    assert.equal(isHfToken('hf_fake_valid_token'), true);
    assert.equal(isHfToken('sk-123456789'), false);
    assert.equal(isHfToken('api_org_123456'), false);
    assert.equal(isHfToken(''), false);
    assert.equal(isHfToken(undefined), false);
  });
});
