import { strict as assert } from 'node:assert';
import { planUpload } from '../../../../src/core/hubfs/planUpload';

describe('core/hubfs planUpload', () => {
  const limits = { maxFileBytes: 1000 };
  const f = (path: string, size = 10) => ({ path, size });

  it('sends the files, leaves out what .gitignore and .git ignore, refuses escapes and big files with size and limit', () => {
    const plan = planUpload(
      [f('app.py'), f('node_modules/x/index.js'), f('build/out.bin'), f('src/build.py'), f('.git/HEAD'), f('../secret'), f('/etc/passwd'), f('model.bin', 5000), f('logs/a.log'), f('keep.log')],
      '# deps\nnode_modules/\n/build/\n*.log\n!keep.log\n',
      limits,
    );
    assert.deepEqual(plan.send.map((x) => x.path), ['app.py', 'src/build.py', 'keep.log']);
    assert.deepEqual(plan.ignored, ['node_modules/x/index.js', 'build/out.bin', '.git/HEAD', 'logs/a.log']);
    assert.deepEqual(plan.refused, [
      { path: '../secret', reason: '../secret is outside the folder' },
      { path: '/etc/passwd', reason: '/etc/passwd is outside the folder' },
      { path: 'model.bin', reason: 'model.bin is 5000 bytes, over the 1000-byte limit' },
    ]);
  });

  it('supports ** and ?', () => {
    const plan = planUpload([f('a/b/c/x.tmp'), f('x.tm'), f('data/v1.csv'), f('data/v10.csv')], '**/*.tmp\ndata/v?.csv\n', limits);
    assert.deepEqual(plan.ignored, ['a/b/c/x.tmp', 'data/v1.csv']);
    assert.deepEqual(plan.send.map((x) => x.path), ['x.tm', 'data/v10.csv']);
  });
});
