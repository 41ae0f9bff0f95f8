import { strict as assert } from 'node:assert';
import { hasProse, maskCode, protectedRanges, restorePlaceholders } from '../../../../src/core/comments/protectedText';

const protectedIn = (text: string): string[] => protectedRanges(text).map((r) => text.slice(r.start, r.end));

describe('core/comments/protectedText', () => {
  it('protects identifiers, calls, paths and URLs, without their sentence punctuation', () => {
    assert.deepEqual(protectedIn('Call fetchUser() then user_id, see https://example.com/a_b). Also os.path.join and std::vec.'), [
      'fetchUser()',
      'user_id',
      'https://example.com/a_b',
      'os.path.join',
      'std::vec',
    ]);
    assert.deepEqual(protectedIn('In src/app.ts and /etc/hosts: $var, --force, 0xFF, a=1, List<String>.'), ['src/app.ts', '/etc/hosts', '$var', '--force', '0xFF', 'a=1', 'List<String>']);
  });

  it('protects code in backticks, inline doc tags and XML doc tags whole, spaces and all', () => {
    assert.deepEqual(protectedIn('Use `x + y` or {@link Foo bar} with <see cref="X"/>.'), ['`x + y`', '{@link Foo bar}', '<see cref="X"/>']);
  });

  it('leaves words alone: abbreviations, plural acronyms, and/or, capitalised words', () => {
    assert.deepEqual(protectedIn('The IDs and URLs, e.g. these, i.e. those, and/or km/h. Returns (optional) Data.'), []);
  });

  it('marks doc tags and TODO markers as structural (they frame prose), and protects literal placeholders', () => {
    const text = 'TODO(bob): fix <b>this</b> and {0}';
    assert.deepEqual(
      protectedRanges(text).map((r) => [text.slice(r.start, r.end), r.structural]),
      [
        ['TODO(bob):', true],
        ['<b>', true],
        ['</b>', true],
        ['{0}', false],
      ],
    );
  });

  it('says whether a letter is left outside the protected ranges', () => {
    const only = '`code()` https://x.org';
    assert.equal(hasProse(only, protectedRanges(only)), false);
    const some = 'see `code()`';
    assert.equal(hasProse(some, protectedRanges(some)), true);
  });

  describe('restorePlaceholders', () => {
    it('puts each protected token back where the translation put its placeholder', () => {
      const parts = restorePlaceholders('Llama a {1} antes de {0}.', ['init()', 'load()'], 0);
      assert.equal(parts.map((p) => p.text).join(''), 'Llama a load() antes de init().');
      assert.deepEqual(parts.filter((p) => p.verbatim).map((p) => p.text), ['load()', 'init()']);
    });

    it('writes a repeated placeholder once, appends a dropped one, leaves out a made-up one', () => {
      const parts = restorePlaceholders('A {3} B {3} C {9}', ['x', 'y'], 2);
      assert.equal(parts.map((p) => p.text).join(''), 'A y B  C  x');
    });
  });

  it('maskCode: sends placeholders for code, writes every token back after translation', () => {
    const masked = maskCode('Calls `loadUser(id)` via user_service.fetch, see https://example.com/docs.');
    assert.equal(masked.text, 'Calls {0} via {1}, see {2}.');
    assert.deepEqual(masked.tokens, ['`loadUser(id)`', 'user_service.fetch', 'https://example.com/docs']);
    assert.equal(masked.hasProse, true);
    assert.equal(masked.restore('Llama {0} mediante {1}, ver {2}.'), 'Llama `loadUser(id)` mediante user_service.fetch, ver https://example.com/docs.');
    // A translator that reorders, repeats or drops placeholders loses nothing and invents nothing.
    assert.equal(masked.restore('Ver {2}; llama {0} {0} mediante.'), 'Ver https://example.com/docs; llama `loadUser(id)` mediante. user_service.fetch');
    assert.equal(maskCode('plain words only').restore('nur Wörter'), 'nur Wörter');
    const spaced = maskCode('Use `a  b` here');
    assert.equal(spaced.restore('Nutze {0} hier'), 'Nutze `a  b` hier', 'spaces inside a protected token stay');
    assert.equal(maskCode('`a` user_id').hasProse, false);
  });
});
