import { strict as assert } from 'node:assert';
import { argsObject, oneOfArg, stringArg, stringArrayArg } from '../../../src/commands/args';

class FakeUri {
  readonly scheme = 'file';
  readonly path = '/a.ts';
}

describe('commands/args', () => {
  it('accepts a plain object and ignores anything else VS Code may pass', () => {
    assert.deepEqual(argsObject({ targetLang: 'es' }), { targetLang: 'es' });
    assert.deepEqual(argsObject(new FakeUri()), {});
    assert.deepEqual(argsObject(undefined), {});
    assert.deepEqual(argsObject(['es']), {});
    assert.deepEqual(argsObject('es'), {});
  });

  it('reads fields only when they have the expected type', () => {
    const args = { a: 'x', b: 3, labels: ['p', 'q'], mixed: ['p', 1], style: 'paragraph' };
    assert.equal(stringArg(args, 'a'), 'x');
    assert.equal(stringArg(args, 'b'), undefined);
    assert.deepEqual(stringArrayArg(args, 'labels'), ['p', 'q']);
    assert.equal(stringArrayArg(args, 'mixed'), undefined);
    assert.equal(oneOfArg(args, 'style', ['bullets', 'paragraph']), 'paragraph');
    assert.equal(oneOfArg(args, 'a', ['bullets', 'paragraph']), undefined);
  });
});
