import { strict as assert } from 'node:assert';
import { hostOf, withoutTrailingSlash } from '../../../../src/core/web/urls';

describe('core/web/urls', () => {
  it('names the host of a URL (with its port) and leaves anything else as is', () => {
    assert.equal(hostOf('https://router.huggingface.co/v1'), 'router.huggingface.co');
    assert.equal(hostOf('http://127.0.0.1:8080/x'), '127.0.0.1:8080');
    assert.equal(hostOf('not a url'), 'not a url');
  });

  it('drops every trailing slash, and only those', () => {
    assert.equal(withoutTrailingSlash('https://hf.example//'), 'https://hf.example');
    assert.equal(withoutTrailingSlash('https://hf.example/api'), 'https://hf.example/api');
    assert.equal(withoutTrailingSlash(''), '');
  });
});
