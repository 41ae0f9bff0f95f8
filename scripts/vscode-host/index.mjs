// Reusable pieces of the offline VS Code host (code-server + headless Chromium); see test/e2e/run.mjs.
export * from './config.mjs';
export { aptInstallCommand, assertSystemPrerequisites, missingSystemPackages } from './prerequisites.mjs';
export { provisionHost, provisionNode, provisionCodeServer, node24Env } from './provision.mjs';
export { spawnGroup, stopGroup, stopAllGroups, killAllGroupsNow, runLogged } from './process-group.mjs';
export { createHostDirs, removeHostDirs, writeWorkspaceFiles, writeUserSettings, QUIET_SETTINGS } from './host-dirs.mjs';
export { installExtensionFolder, readManifest, registerExtensionFolder, replaceExtensionFolder, PRODUCT_FILES } from './extensions-dir.mjs';
export { startCodeServer, freePort } from './code-server.mjs';
export { launchChromium, CHROMIUM_ARGS } from './chromium.mjs';
export { startFakeHf, FAKE_HF_CLI } from './fake-hf.mjs';
export { buildForVscodeTests } from './build.mjs';
export { startVscodeSession, SAMPLE_FILES } from './session.mjs';
