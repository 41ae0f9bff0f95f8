import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '../../../..');
interface NodeVersionModule {
  REQUIRED_MAJOR: number;
  nodeVersionProblem(version: string, required?: number): string | undefined;
  declaredMajor(packageJsonPath: string): number;
}
const load = async () => (await import(pathToFileURL(join(root, 'scripts/nodeVersion.mjs')).href)) as NodeVersionModule;

describe('the Node.js version npm test and npm start need', () => {
  it('says clearly what to install when Node is too old, and nothing otherwise', async () => {
    const { nodeVersionProblem } = await load();
    assert.match(nodeVersionProblem('v18.19.0') ?? '', /needs Node\.js 20 or newer; this is Node\.js v18\.19\.0/);
    assert.match(nodeVersionProblem('v18.19.0') ?? '', /\.nvmrc/);
    assert.equal(nodeVersionProblem('v20.0.0'), undefined);
    assert.equal(nodeVersionProblem('v24.11.1'), undefined);
    assert.ok(nodeVersionProblem('not a version'));
  });

  it('is the same in package.json engines, .nvmrc and the check', async () => {
    const { REQUIRED_MAJOR, declaredMajor } = await load();
    assert.equal(declaredMajor(join(root, 'package.json')), REQUIRED_MAJOR);
    assert.equal(readFileSync(join(root, '.nvmrc'), 'utf8').trim(), String(REQUIRED_MAJOR));
  });

  it('runs first in npm test and npm start', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['test', 'start']) assert.match(scripts[name], /^node scripts\/nodeVersion\.mjs && /, name);
  });

  it('lets every dependency install on that Node without an engine warning', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    const tooNew = Object.entries(lock.packages)
      .filter(([, p]) => /^>=\s*(2[1-9]|[3-9]\d)/.test(p.engines?.node ?? ''))
      .map(([name, p]) => `${name} (${p.engines?.node})`);
    assert.deepEqual(tooNew, []);
  });
});
