import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The walkthrough (Welcome → Walkthroughs): every page it shows exists and ships, and every button runs a command
// that exists (ours, contributed; or one of VS Code's).
const root = join(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[] }[];
  };
};
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
const VSCODE_COMMANDS = ['workbench.action.openSettings', 'workbench.action.chat.open'];

describe('the walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  it('walks through sign-in, translation, the Hub, completion and chat', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['signIn', 'translate', 'hub', 'completion', 'chat']);
  });
  for (const step of walkthrough.steps) {
    it(`step ${step.id}: its page exists and ships, its button runs a real command`, () => {
      const page = step.media.markdown ?? '';
      assert.ok(existsSync(join(root, page)), `${page} exists`);
      assert.ok(ignore.includes('!media/walkthrough/*.md') && page.startsWith('media/walkthrough/'), `${page} ships`);
      const commands = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.equal(commands.length, 1, 'one button');
      const ours = manifest.contributes.commands.map((c) => c.command);
      for (const c of commands) assert.ok(ours.includes(c) || VSCODE_COMMANDS.includes(c), `${c} exists`);
    });
  }
});
