import { strict as assert } from 'node:assert';
import { indentBlock, placeBlock } from '../../../src/editor/blockPlacement';

/** The line after inserting `block` at `column` the way the callers do. */
function insert(line: string, column: number, block: string, blankLines = false): string {
  const p = placeBlock(line, column, '\n', blankLines);
  return line.slice(0, column) + p.prefix + indentBlock(block, p.indent) + p.suffix + line.slice(column);
}

describe('editor/blockPlacement', () => {
  it('never glues the block to the end of a line of code (the snippet after `return …` bug)', () => {
    assert.equal(insert('    return sum(values) / len(values)', 36, 'import os\nprint(os.name)'), '    return sum(values) / len(values)\n    import os\n    print(os.name)');
  });

  it('puts the block above the text when the cursor is at the start of a non-empty line', () => {
    assert.equal(insert('    return x', 4, 'y = 1\nz = 2'), '    y = 1\n    z = 2\n    return x');
    assert.equal(insert('    return x', 0, 'y = 1'), '    y = 1\n    return x');
  });

  it('indents every line like the cursor line on an empty indented line', () => {
    assert.equal(insert('        ', 8, 'a = 1\nif a:\n    b = 2\n'), '        a = 1\n        if a:\n            b = 2');
  });

  it('keeps an empty line around a snippet when asked', () => {
    assert.equal(insert('x = 1', 5, 'import os', true), 'x = 1\n\nimport os\n');
  });

  it('keeps empty lines of the block empty (no trailing spaces)', () => {
    assert.equal(indentBlock('a\n\nb', '  '), 'a\n\n  b');
  });
});
