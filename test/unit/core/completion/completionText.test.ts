import { strict as assert } from 'node:assert';
import { cleanCompletion, cutAtStop, limitLines, trimOverlap, wantsMultiline } from '../../../../src/core/completion/completionText';

describe('completionText', () => {
  describe('cutAtStop', () => {
    it('cuts at the earliest stop, whichever of the list it is', () => {
      assert.equal(cutAtStop('a + b<|endoftext|>junk<fim_prefix>more', ['<fim_prefix>', '<|endoftext|>']), 'a + b');
      assert.equal(cutAtStop('x<b>y<a>', ['<a>', '<b>']), 'x');
    });

    it('leaves text without a stop alone and ignores empty stops', () => {
      assert.equal(cutAtStop('return 1;', ['</s>', '']), 'return 1;');
      assert.equal(cutAtStop('</s>', ['</s>']), '');
    });
  });

  describe('limitLines', () => {
    it('keeps the first n lines, at least one', () => {
      assert.equal(limitLines('a\nb\nc\nd', 2), 'a\nb');
      assert.equal(limitLines('a\nb', 5), 'a\nb');
      assert.equal(limitLines('a\nb', 0), 'a');
      assert.equal(limitLines('a\r\nb\r\nc', 2), 'a\r\nb');
    });
  });

  describe('wantsMultiline', () => {
    it('an empty line inside a function body: multi-line', () => {
      assert.equal(wantsMultiline('    ', ''), true);
      assert.equal(wantsMultiline('', ''), true);
    });

    it('after a block opener with nothing (or only closers) after the cursor: multi-line', () => {
      assert.equal(wantsMultiline('def f():', ''), true);
      assert.equal(wantsMultiline('function f() {', '}'), true);
      assert.equal(wantsMultiline('const xs = [', '];'), true);
      assert.equal(wantsMultiline('items.map((x) =>', ')'), true);
      assert.equal(wantsMultiline('if ok then', ''), true);
      assert.equal(wantsMultiline('list.each do', ''), true);
    });

    it('in the middle of a line with code after the cursor: single line', () => {
      assert.equal(wantsMultiline('  foo(', 'a, b)'), false);
      assert.equal(wantsMultiline('    ', 'return x;'), false);
    });

    it('at the end of a line that does not open a block: single line', () => {
      assert.equal(wantsMultiline('  const total = a +', ''), false);
      assert.equal(wantsMultiline('  console.log(x', ');'), false);
      assert.equal(wantsMultiline('  redo', ''), false);
    });
  });

  describe('trimOverlap', () => {
    it('drops the auto-closed ) the model wrote again', () => {
      assert.equal(trimOverlap('foo(a, b))', ')'), 'foo(a, b)');
      assert.equal(trimOverlap('foo(a, b));', ');'), 'foo(a, b)');
    });

    it('keeps a ) that closes the completion\'s own (', () => {
      assert.equal(trimOverlap('foo(a, b)', ')'), 'foo(a, b)');
    });

    it('drops a duplicated })', () => {
      assert.equal(trimOverlap('\n  return x;\n})', '})\n\nnext();'), '\n  return x;\n');
    });

    it('drops a } that is already on the next line, with the whitespace before it', () => {
      assert.equal(trimOverlap('return x;\n}', '\n}\n'), 'return x;');
      assert.equal(trimOverlap('return x;\n}\n', '\n}'), 'return x;');
      assert.equal(trimOverlap('  return x;\n  }', '\n  }\n'), '  return x;');
    });

    it('leaves a completion without overlap as it is', () => {
      assert.equal(trimOverlap('foo(a)', '\nbar()'), 'foo(a)');
      assert.equal(trimOverlap('x + 1', ''), 'x + 1');
    });

    it('a completion that is exactly what follows gives nothing', () => {
      assert.equal(trimOverlap(')', ')'), '');
      assert.equal(trimOverlap('foo(a)', 'foo(a)\nbar()'), '');
      assert.equal(trimOverlap('  return x;\n}', '  return x;\n}\n'), '');
    });

    it('drops a duplicated whole line, but not a word that only starts the next text', () => {
      assert.equal(trimOverlap('const y = 2;\nreturn x;', '\n  return x;\n}'), 'const y = 2;');
      assert.equal(trimOverlap('return a', 'a + b'), 'return a');
      assert.equal(trimOverlap('returnx', 'return x'), 'returnx');
    });

    it('only trims at the end: a duplicate inside the completion stays', () => {
      assert.equal(trimOverlap('a); b', ');'), 'a); b');
    });
  });

  describe('cleanCompletion', () => {
    const base = { stops: ['<|endoftext|>'], maxLines: 10 };

    it('single line: cut at the stop, first line only, auto-closed bracket removed', () => {
      const text = cleanCompletion({ ...base, raw: 'foo(a, b))\nmore()<|endoftext|>', multiline: false, lineSuffix: ')' });
      assert.equal(text, 'foo(a, b)');
    });

    it('multi-line: keeps maxLines and trims the } on the next line', () => {
      const text = cleanCompletion({
        ...base,
        raw: '  const y = x * 2;\n  return y;\n}\n<|endoftext|>',
        multiline: true,
        lineSuffix: '',
        textAfterCursor: '\n}\n',
      });
      assert.equal(text, '  const y = x * 2;\n  return y;');
      const limited = cleanCompletion({ ...base, maxLines: 1, raw: 'a\nb\nc', multiline: true, lineSuffix: '', textAfterCursor: '\n' });
      assert.equal(limited, 'a');
    });

    it('multi-line whose first line closes the current line keeps only that line', () => {
      const text = cleanCompletion({ ...base, raw: 'a, b);\nconsole.log(1);', multiline: true, lineSuffix: ');', textAfterCursor: ');\n' });
      assert.equal(text, 'a, b');
    });

    it('whitespace only, or nothing but duplicates: empty', () => {
      assert.equal(cleanCompletion({ ...base, raw: '  \n\t<|endoftext|>', multiline: true, lineSuffix: '' }), '');
      assert.equal(cleanCompletion({ ...base, raw: '<|endoftext|>x', multiline: false, lineSuffix: '' }), '');
      assert.equal(cleanCompletion({ ...base, raw: ');', multiline: false, lineSuffix: ');' }), '');
    });

    it('single line mode: a completion that starts with a line break shows nothing', () => {
      assert.equal(cleanCompletion({ ...base, raw: '\nfoo()', multiline: false, lineSuffix: '' }), '');
    });
  });
});
