import { strict as assert } from 'node:assert';
import { defaultCommitMessage, formatHfUri, parseHfUri } from '../../../../src/core/hubfs/hfUri';

describe('core/hubfs hfUri', () => {
  it('parses the repo type, owner/name and the path inside the repo', () => {
    assert.deepEqual(parseHfUri('models', '/fake-user/my-model/src/app.py'), { type: 'model', repo: 'fake-user/my-model', path: 'src/app.py' });
    assert.deepEqual(parseHfUri('datasets', '/org/data'), { type: 'dataset', repo: 'org/data', path: '' });
    assert.deepEqual(parseHfUri('spaces', '/org/demo/'), { type: 'space', repo: 'org/demo', path: '' });
  });

  it('explains what is wrong with a bad URI', () => {
    assert.match((parseHfUri('repos', '/a/b') as { error: string }).error, /models\/, datasets\/ or spaces\//);
    assert.match((parseHfUri('models', '/only-owner') as { error: string }).error, /owner\/name/);
    assert.match((parseHfUri('models', '/a/b/../c') as { error: string }).error, /\.\./);
    assert.match((parseHfUri('models', '/-a/b') as { error: string }).error, /Not a repo name/);
  });

  it('formats the inverse of parse', () => {
    for (const [authority, path] of [['models', '/a/b/c/d.txt'], ['spaces', '/a/b']] as const) {
      const loc = parseHfUri(authority, path);
      assert.ok(!('error' in loc));
      assert.deepEqual(formatHfUri(loc), { authority, path });
    }
  });

  it('default commit messages name the path', () => {
    assert.equal(defaultCommitMessage('Update', 'app.py'), 'Update app.py from VS Code');
    assert.equal(defaultCommitMessage('Rename', 'a.py', 'b.py'), 'Rename a.py to b.py from VS Code');
  });
});
