import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The README is the user's manual: every command and setting the extension contributes is listed there.
const root = join(__dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, unknown> } };
  activationEvents: string[];
};

describe('README and package.json agree', () => {
  for (const { command, title } of pkg.contributes.commands) {
    it(`lists the command ${command} with its title`, () => {
      assert.ok(readme.includes(`\`${command}\``), `README does not mention ${command}`);
      assert.ok(readme.includes(title), `README does not show the title "${title}"`);
    });
  }
  for (const key of Object.keys(pkg.contributes.configuration.properties)) {
    it(`lists the setting ${key}`, () => assert.ok(readme.includes(`\`${key}\``), `README does not mention ${key}`));
  }
  it('shows the two set-up commands', () => {
    assert.ok(readme.includes('npm ci && npm run package'));
    assert.ok(readme.includes('npm test'));
  });
  it('activates after the window is up (onStartupFinished, for comment hovers) and otherwise on its own contributions (no "*")', () => {
    assert.deepEqual(pkg.activationEvents, ['onStartupFinished']);
  });
});
