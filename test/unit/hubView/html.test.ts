import { strict as assert } from 'node:assert';
import { buildHubHtml, contentSecurityPolicy, makeNonce } from '../../../src/hubView/html';

const PARAMS = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/hub.css',
  codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/codicons/codicon.css',
};

describe('hubView/html', () => {
  it('allows only our nonce-tagged script, our styles and fonts, and nothing else', () => {
    assert.equal(
      contentSecurityPolicy(PARAMS),
      `default-src 'none'; script-src 'nonce-abc123'; style-src ${PARAMS.cspSource}; font-src ${PARAMS.cspSource}; img-src ${PARAMS.cspSource}; ` +
        "base-uri 'none'; form-action 'none'",
    );
  });

  it('never allows inline code, eval or network connections', () => {
    const csp = contentSecurityPolicy(PARAMS);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
    assert.ok(!csp.includes('connect-src'));
  });

  it('adds configured image hosts as https origins and ignores malformed ones', () => {
    assert.match(contentSecurityPolicy({ ...PARAMS, imageHosts: ['cdn.example.com', "x' 'unsafe-inline"] }), /img-src \S+ https:\/\/cdn\.example\.com;/);
  });

  it('puts the CSP first, loads the codicons with the id the icon element looks for, and tags the script with the nonce', () => {
    const html = buildHubHtml(PARAMS);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
    assert.match(html, /<link id="vscode-codicon-stylesheet" rel="stylesheet" href="[^"]+codicon\.css"/);
    assert.match(html, /<script nonce="abc123" src="[^"]+webview\.js"><\/script>/);
    // The nonce is for the one script: style-src allows stylesheets by origin, so a nonce there would only leak it.
    assert.equal((html.match(/nonce=/g) ?? []).length, 1);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/ on[a-z]+=/.test(html));
  });

  it('makes a fresh nonce each time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{16,}$/);
    assert.notEqual(a, makeNonce());
  });
});
