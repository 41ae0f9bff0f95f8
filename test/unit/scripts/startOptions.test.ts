import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '../../../..');
interface StartOptions {
  readStartOptions(args: string[], env: Record<string, string | undefined>, where: { repoRoot: string; cwd: string }): { help: boolean; folder?: string };
  exampleWorkspace(repoRoot: string): string;
}
const load = async () => (await import(pathToFileURL(join(root, 'scripts/start/options.mjs')).href)) as StartOptions;

describe('npm start: the folder it opens', () => {
  it('opens the example workspace, not the repository, when no folder is given (even from the repository root)', async () => {
    const { readStartOptions, exampleWorkspace } = await load();
    const options = readStartOptions([], { INIT_CWD: root }, { repoRoot: root, cwd: root });
    assert.equal(options.folder, exampleWorkspace(root));
    assert.notEqual(options.folder, root);
  });

  it('opens the folder the user gives', async () => {
    const { readStartOptions } = await load();
    assert.equal(readStartOptions(['--', 'src'], { INIT_CWD: root }, { repoRoot: root, cwd: root }).folder, join(root, 'src'));
  });

  it('has a README saying what to try, code in a few languages and prose in a few languages', async () => {
    const dir = (await load()).exampleWorkspace(root);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const action of ['Summarize Selection', 'Translate Selection', 'Classify', 'Extract Named Entities', 'Ask About Selection', 'Generate Code', 'Run a Prompt']) {
      assert.ok(readme.includes(action), action);
    }
    const code = readdirSync(join(dir, 'code'));
    assert.ok(code.length >= 2 && new Set(code.map((f) => f.split('.').pop())).size >= 2, code.join());
    for (const file of readme.match(/`(?:prose|code)\/[^`]+`/g) ?? []) assert.ok(existsSync(join(dir, file.slice(1, -1))), `${file} is in the workspace`);
  });
});
