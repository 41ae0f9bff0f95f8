import { strict as assert } from 'node:assert';
import { escapeHtml, renderCard, usesOnlyAllowedMarkup } from '../../../src/hub/cardSanitizer';
import { safeLinkUrl } from '../../../src/hub/safeUrl';
import { HOSTILE_MARKDOWN } from '../../fake-hf/hostileMarkdown';

// The Hub base URL card links resolve against: the fake server's form (tests reach only 127.0.0.1).
const BASE = 'http://127.0.0.1:5555/evil-org/hostile-card/blob/main/';
const render = (md: string, allowedImageHosts: string[] = []) => renderCard(md, { baseUrl: BASE, allowedImageHosts }).html;

interface Tag {
  readonly name: string;
  readonly attrs: Record<string, string>;
}

/** The test's own scanner (independent of the module's guard): every tag with its attributes. */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) attrs[a[1].toLowerCase()] = a[2] ?? '';
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

function assertInert(html: string): void {
  // Every "<" in the output starts a well-formed tag the scanner saw: nothing half-open can swallow text.
  assert.equal((html.match(/</g) ?? []).length, tags(html).length, 'stray "<" in output');
  for (const tag of tags(html)) {
    assert.ok(!['script', 'iframe', 'object', 'embed', 'form', 'style', 'meta', 'svg', 'details', 'div', 'link', 'base'].includes(tag.name), `tag <${tag.name}>`);
    for (const [name, value] of Object.entries(tag.attrs)) {
      assert.ok(!name.startsWith('on'), `event attribute ${name} on <${tag.name}>`);
      assert.notEqual(name, 'style', `style attribute on <${tag.name}>`);
      if (name === 'href' || name === 'src') assert.match(value, /^(https?:|mailto:)/, `${name}="${value}"`);
    }
  }
}

const HOSTILE = `---
license: mit
tags:
- "<script>alert('yaml')</script>"
---
# Hostile card <script>alert('title')</script>

${HOSTILE_MARKDOWN}

[mixed](JaVaScRiPt:alert('mixed-case')) [tab](java\\tscript:alert(1)) [vb](vbscript:msgbox(1)) [file](file:///etc/passwd)

inline <pre>x<img src=x onerror=alert('raw-block')//</pre> and <span onmouseover="alert(1)">span</span> <!-- comment -->

[title attack](https://ok.example "x\\" onmouseover=\\"alert(1)") <javascript:alert('autolink')>

\`\`\`js" onload="alert('fence')
code <b>bold</b>
\`\`\`

Plain text after the attacks: this line must still render.
`;

describe('hub/cardSanitizer: hostile cards', () => {
  const html = render(HOSTILE);

  it('leaves no script, iframe, object, embed, form, style, svg or meta element', () => {
    assertInert(html);
  });

  it('shows raw HTML as visible text instead of markup', () => {
    assert.ok(html.includes('&lt;script&gt;alert(document.cookie)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;iframe src=&quot;https://evil.example/steal&quot;'));
    assert.ok(html.includes('&lt;span onmouseover=&quot;alert(1)&quot;&gt;'));
  });

  it('escapes text inside inline <pre> (which marked leaves raw)', () => {
    assert.ok(html.includes('x&lt;img src=x onerror=alert(&#39;raw-block&#39;)//'));
  });

  it('drops javascript:, vbscript:, data: and file: links but keeps their text', () => {
    assert.ok(!/href="(javascript|vbscript|data|file):/i.test(html));
    for (const text of ['click me', 'mixed', 'tab', 'vb', 'file', 'data link']) assert.ok(html.includes(text), text);
    assert.ok(!html.includes('href="javascript'));
  });

  it('keeps http(s) links with escaped titles', () => {
    const link = tags(html).find((t) => t.name === 'a' && t.attrs.href === 'https://ok.example/');
    assert.ok(link, 'the https link survives');
    assert.equal(Object.keys(link.attrs).sort().join(','), 'class,href,rel,title');
  });

  it('turns images from hosts the CSP does not allow into links showing the alt text', () => {
    assert.ok(!tags(html).some((t) => t.name === 'img'));
    assert.ok(html.includes('[image: huge image]'));
  });

  it('does not let a code fence info string break out of the class attribute', () => {
    const code = tags(html).find((t) => t.name === 'code' && t.attrs.class);
    assert.ok(code);
    assert.deepEqual(Object.keys(code.attrs), ['class']);
    assert.ok(html.includes('code &lt;b&gt;bold&lt;/b&gt;'));
  });

  it('strips the YAML front matter and still renders the text after the attacks', () => {
    assert.ok(!html.includes("alert('yaml')"));
    assert.ok(html.includes('Plain text after the attacks: this line must still render.'));
  });

  it('passes its own allow-list check', () => {
    assert.equal(usesOnlyAllowedMarkup(html), true);
  });
});

describe('hub/cardSanitizer: images, links and size', () => {
  it('renders an image only from an allowed https host, with no size attributes', () => {
    const html = render('![logo](https://cdn.example.com/logo.png "t") ![x](http://cdn.example.com/a.png)', ['cdn.example.com']);
    const images = tags(html).filter((t) => t.name === 'img');
    assert.equal(images.length, 1);
    assert.deepEqual(images[0].attrs, { src: 'https://cdn.example.com/logo.png', alt: 'logo', loading: 'lazy', class: 'card-image' });
    assertInert(html);
  });

  it('resolves relative links against the repo and allows mailto', () => {
    assert.equal(safeLinkUrl('config.json', BASE), `${BASE}config.json`);
    assert.equal(safeLinkUrl('mailto:a@b.c', BASE), 'mailto:a@b.c');
    assert.equal(safeLinkUrl('#usage', BASE), undefined);
    assert.equal(safeLinkUrl(' javascript:alert(1)', BASE), undefined);
  });

  it('cuts a 1 MB card to the first 200 KB and says so', () => {
    const huge = `# Huge\n\n${'A paragraph of filler text that goes on. '.repeat(25_000)}`;
    assert.ok(huge.length > 1_000_000);
    const card = renderCard(huge, { baseUrl: BASE });
    assert.equal(card.truncated, true);
    assert.ok(card.html.length < 300_000);
    assert.match(card.html, /Card truncated: showing the first 200 KB/);
  });

  it('does not mark a small card as truncated', () => {
    assert.deepEqual(renderCard('# ok', { baseUrl: BASE }), { html: '<h1>ok</h1>\n', truncated: false });
  });
});

describe('hub/cardSanitizer: allow-list guard', () => {
  for (const bad of [
    '<img src=x onerror=alert(1)>',
    '<p onclick="x">a</p>',
    '<script>alert(1)</script>',
    '<a href="https://x" style="color:red">a</a>',
    '<p>text <img src=x onerror=alert(1)// </p>',
    '<div>x</div>',
  ]) {
    it(`rejects ${bad}`, () => {
      assert.equal(usesOnlyAllowedMarkup(bad), false);
    });
  }

  it('accepts what the renderers produce', () => {
    assert.equal(usesOnlyAllowedMarkup('<h1>a</h1><p><a href="https://x" title="t" class="card-link" rel="noopener noreferrer">x</a> &lt;b&gt;</p>'), true);
  });

  it('escapes text but keeps existing character references', () => {
    assert.equal(escapeHtml(`<b a="1">'&amp;&`), '&lt;b a=&quot;1&quot;&gt;&#39;&amp;&amp;');
  });
});
