// The throwaway directories one VS Code session needs (workspace, user data, extensions, browser profile,
// XDG homes) under a single temp root, plus the user settings that point the extension at the fake HF server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {{ root: string, workspace: string, userData: string, extensions: string, browserProfile: string,
 *   browserHome: string, xdg: string, tmp: string, configFile: string }} HostDirs
 */

/** @returns {HostDirs} */
export function createHostDirs(prefix = 'sarvanom-e2e-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    workspace: join(root, 'workspace'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    browserProfile: join(root, 'chromium-profile'),
    browserHome: join(root, 'chromium-home'),
    xdg: join(root, 'xdg'),
    tmp: join(root, 'tmp'),
    configFile: join(root, 'code-server.yaml'),
  };
  for (const dir of [dirs.workspace, join(dirs.userData, 'User'), dirs.extensions, dirs.browserProfile, dirs.browserHome, dirs.xdg, dirs.tmp]) {
    mkdirSync(dir, { recursive: true });
  }
  // An explicit config file stops code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

export function removeHostDirs(dirs) {
  if (dirs?.root) rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

/** Writes the given files (relative path -> content) into the workspace folder. */
export function writeWorkspaceFiles(dirs, files) {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dirs.workspace, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
}

/** Settings that keep the workbench quiet and offline; `extra` is merged last. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  // The chat side bar would otherwise take a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'github.copilot.enable': { '*': false },
};

/**
 * Writes User/settings.json and Machine/settings.json. `fake` (the fake HF server's URLs) becomes huggingFace.hubUrl/routerUrl/datasetsServerUrl;
 * without a fake they point at a closed loopback port so nothing can ever reach a real Hugging Face host.
 */
export function writeUserSettings(dirs, { fake, extra = {} } = {}) {
  const dead = 'http://127.0.0.1:9';
  const settings = {
    ...QUIET_SETTINGS,
    'huggingFace.hubUrl': fake?.hubUrl ?? dead,
    'huggingFace.routerUrl': fake?.routerUrl ?? dead,
    'huggingFace.datasetsServerUrl': fake?.datasetsServerUrl ?? dead,
    ...extra,
  };
  // code-server's workbench is a remote window: settings of `machine` / `machine-overridable` scope are read from
  // the remote (Machine) settings and ignored in User settings, so both files get the same content.
  for (const scope of ['User', 'Machine']) {
    mkdirSync(join(dirs.userData, scope), { recursive: true });
    writeFileSync(join(dirs.userData, scope, 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return settings;
}
