// `npm run test:vscode`: the same integration suite under @vscode/test-electron (downloads a VS Code desktop build,
// so it needs internet: use `npm run test:e2e` offline and in CI). The product and the runner extension are both
// loaded as development extensions (the runner only lends its ExtensionContext here; test-electron runs the suite).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import {
  REPO_ROOT, SAMPLE_FILES, buildForVscodeTests, createHostDirs, removeHostDirs, startFakeHf, stopAllGroups,
  writeUserSettings, writeWorkspaceFiles,
} from '../../scripts/vscode-host/index.mjs';

const LOGS = join(REPO_ROOT, 'test-results', 'vscode');

async function main() {
  buildForVscodeTests();
  mkdirSync(LOGS, { recursive: true });
  for (const key of ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HF_ENDPOINT', 'SARVANOM_TEST_ENTRY', 'SARVANOM_TEST_RESULTS']) {
    delete process.env[key];
  }
  let dirs;
  try {
    const fake = await startFakeHf({ logFile: join(LOGS, 'fake-hf.log') });
    if (!fake) console.error('WARNING: out/test/fake-hf/cli.js is not built; HF URLs point at a closed port');
    dirs = createHostDirs('sarvanom-electron-');
    writeWorkspaceFiles(dirs, SAMPLE_FILES);
    writeUserSettings(dirs, { fake: fake?.urls });
    await runTests({
      extensionDevelopmentPath: [REPO_ROOT, join(REPO_ROOT, 'test', 'e2e', 'runner-extension')],
      extensionTestsPath: join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        dirs.workspace,
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
      extensionTestsEnv: fake ? { SARVANOM_FAKE_HF: JSON.stringify(fake.urls) } : {},
    });
    return 0;
  } catch (err) {
    console.error(`test:vscode failed: ${err instanceof Error ? err.message : err}`);
    return 1;
  } finally {
    await stopAllGroups();
    removeHostDirs(dirs);
  }
}

process.exitCode = await main();
