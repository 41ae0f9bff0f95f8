import { strict as assert } from 'node:assert';
import ts from 'typescript';
import { translateMasked } from '../../../../src/core/comments/protectedText';
import { commentsIn, withTranslatedComments } from '../../../../src/core/comments/selectionComments';

/**
 * A corpus of selections mixing code and comments in many languages. Every code line carries an identifier
 * `zqCode…` and every doc tag names `zqName…`: none may ever be sent; every comment's prose carries `prose…` and
 * must be sent exactly once; with the identity translation the selection comes back byte for byte; with a real
 * change every line without a comment comes back byte for byte.
 */
interface Sample {
  readonly languageId: string;
  readonly text: string;
  /** The prose pieces the sample's comments hold (each sent once). */
  readonly prose: readonly string[];
}

const L = (...lines: string[]): string => lines.join('\n') + '\n';

function samplesFor(languageId: string, line: string, block: [string, string] | undefined, codeLine: (n: number) => string): Sample[] {
  const out: Sample[] = [
    { languageId, text: L(codeLine(1), `${codeLine(2)} ${line} prose trailing one`, codeLine(3)), prose: ['prose trailing one'] },
    { languageId, text: L(`${line} prose run first line`, `${line} prose run second line`, codeLine(4)), prose: ['prose run first line prose run second line'] },
    { languageId, text: L(`  ${line} prose indented`, `  ${codeLine(5)}`, `  ${line} TODO(zqName1): prose after marker`), prose: ['prose indented', 'prose after marker'] },
  ];
  if (block) {
    out.push({ languageId, text: L(`${block[0]} prose in a block ${block[1]}`, codeLine(6)), prose: ['prose in a block'] });
    out.push({ languageId, text: L(codeLine(7), `${block[0]}`, ` prose block line one`, ` prose block line two`, `${block[1]}`, codeLine(8)), prose: ['prose block line one prose block line two'] });
  }
  return out;
}

const cLike = (lang: string, decl: (n: number) => string): Sample[] => samplesFor(lang, '//', ['/*', '*/'], decl);
const hashLike = (lang: string, decl: (n: number) => string): Sample[] => samplesFor(lang, '#', undefined, decl);

const CORPUS: Sample[] = [
  ...hashLike('python', (n) => `zqCode${n} = compute("a # b", zqCode${n})`),
  ...cLike('typescript', (n) => `const zqCode${n}: string = "http://x.y/z" + zqCode${n};`),
  ...cLike('javascript', (n) => `let zqCode${n} = 'it\\'s // not a comment';`),
  ...cLike('go', (n) => `zqCode${n} := fmt.Sprintf("%d // %s", 1, "x")`),
  ...cLike('rust', (n) => `let zqCode${n} = "a /* b */ c";`),
  ...cLike('java', (n) => `String zqCode${n} = "x"; int zqCodeB${n} = 1;`),
  ...cLike('c', (n) => `int zqCode${n} = 42; char *s${n} = "/* no */";`),
  ...cLike('cpp', (n) => `auto zqCode${n} = std::string("// no");`),
  ...cLike('csharp', (n) => `var zqCode${n} = @"C:\\path\\file";`),
  ...cLike('php', (n) => `$zqCode${n} = "# not a comment";`),
  ...hashLike('ruby', (n) => `zqCode${n} = "#{value} # not"`),
  ...hashLike('shellscript', (n) => `zqCode${n}="value # not"; echo "$zqCode${n}"`),
  ...hashLike('yaml', (n) => `zqCode${n}: "value # not"`),
  ...samplesFor('sql', '--', ['/*', '*/'], (n) => `SELECT 'it''s -- not' AS zqCode${n} FROM t;`),
  ...samplesFor('lua', '--', ['--[[', ']]'], (n) => `local zqCode${n} = "-- not"`),
  ...samplesFor('haskell', '--', ['{-', '-}'], (n) => `zqCode${n} = "-- not" ++ show 1`),
  { languageId: 'css', text: L('.zqCode1 { color: red; } /* prose after a rule */', '.zqCode2 { content: "/* no */"; }'), prose: ['prose after a rule'] },
  { languageId: 'html', text: L('<p class="zqCode1">x</p> <!-- prose in html -->', '<a href="zqCode2">y</a>'), prose: ['prose in html'] },
  {
    languageId: 'typescript',
    text: L('/**', ' * prose summary of the function.', ' * @param {string[]} zqName2 prose for the parameter', ' * @returns {number} prose for the result', ' */', 'function zqCode9(zqName2: string[]): number { return zqName2.length; }'),
    prose: ['prose summary of the function.\nprose for the parameter\nprose for the result'],
  },
  {
    languageId: 'python',
    text: L('def zqCode10(zqName3):', '    """prose docstring summary.', '', '    :param zqName3: prose about the parameter', '    """', '    return zqName3  # prose at the end'),
    prose: ['prose docstring summary.\nprose about the parameter', 'prose at the end'],
  },
  // Code inside the prose (backticks, identifiers, calls, URLs) goes as placeholders and comes back byte for byte.
  {
    languageId: 'typescript',
    text: L('const zqCode12 = 1; // prose calls `zqCode13(a, b)` then zqCode_14 and zqCode15.zq, see https://zq.example/zqCode16.', 'zqCode12++;'),
    prose: ['prose calls {0} then {1} and {2}, see {3}.'],
  },
  {
    languageId: 'python',
    text: L('# prose: pass zqCode17=True to zqCode18() and read `zqCode19`', 'zqCode17 = zqCode18()'),
    prose: ['prose: pass {0} to {1} and read {2}'],
  },
  {
    languageId: 'go',
    text: L('// prose only code here: `zqCode20`', 'zqCode21 := 1', '// `zqCode22` zqCode_23()'),
    prose: ['prose only code here: {0}'],
  },
  {
    languageId: 'csharp',
    text: L('/// <summary>prose csharp summary</summary>', '/// <param name="zqName4">prose csharp param</param>', 'public int zqCode11(int zqName4) => zqName4;'),
    prose: ['prose csharp summary\nprose csharp param'],
  },
];

/** As the product translates a selection: each comment's prose, its code masked (translateMasked), then rebuilt. */
async function run(sample: Sample, translate: (prose: string) => string): Promise<{ out: string; sent: string[] }> {
  const pieces = commentsIn(sample.text, sample.languageId);
  const sent: string[] = [];
  const translated = new Map<string, string>();
  for (const prose of new Set(pieces.map((p) => p.split.prose))) {
    translated.set(
      prose,
      await translateMasked(prose, async (masked) => {
        sent.push(masked);
        return translate(masked);
      }),
    );
  }
  return { out: withTranslatedComments(sample.text, pieces, (prose) => translated.get(prose) ?? prose), sent };
}

/** TypeScript's own scanner: the tokens of `text` that are not comments or whitespace. */
function codeTokens(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) tokens.push(scanner.getTokenText());
  return tokens;
}

describe('core/comments: a corpus of code-and-comment selections', () => {
  it('is large and varied enough to mean something', () => {
    assert.ok(CORPUS.length >= 60, `${CORPUS.length} samples`);
    assert.ok(new Set(CORPUS.map((s) => s.languageId)).size >= 15);
  });

  for (const [i, sample] of CORPUS.entries()) {
    it(`${i + 1}. ${sample.languageId}: ${JSON.stringify(sample.text.split('\n')[0]).slice(0, 60)}`, async () => {
      const same = await run(sample, (p) => p);
      assert.equal(same.out, sample.text, 'the identity translation gives back every byte');
      assert.deepEqual(same.sent, sample.prose, 'each comment\'s prose is sent exactly once, and nothing else');
      assert.ok(same.sent.every((p) => !/zqCode|zqName|zq\.example|@param|@returns|:param|<param|<summary|TODO/.test(p)), `no code, name, URL or tag was sent: ${same.sent.join(' | ')}`);

      const changed = await run(sample, (p) => p.toUpperCase());
      const before = sample.text.split('\n');
      const after = changed.out.split('\n');
      for (const line of before.filter((l) => !/prose/.test(l))) assert.ok(after.includes(line), `line without a comment kept: ${line}\n${changed.out}`);
      assert.ok(/PROSE/.test(changed.out));
      // Every code token inside a comment comes back exactly (the translation upper-cased all the prose around it).
      for (const token of sample.text.match(/`?zqCode[\w.]*(?:\([^)]*\))?`?|https:\/\/zq\.example\/\w+/g) ?? []) assert.ok(changed.out.includes(token), `${token} kept in: ${changed.out}`);
      if (sample.languageId === 'typescript' || sample.languageId === 'javascript') {
        assert.deepEqual(codeTokens(changed.out), codeTokens(sample.text), 'the same code, token for token');
      }
    });
  }
});
