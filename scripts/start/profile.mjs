// `npm start`'s isolated VS Code profile: one folder (default .cache/start-profile/) holding code-server's user
// data, extensions, config file and XDG homes, so nothing reaches the user's own VS Code profile or ~/.config.
// It persists between starts (your settings, sign-in and UI state stay); the product is reinstalled every time.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceExtensionFolder } from '../vscode-host/extensions-dir.mjs';
import { QUIET_SETTINGS } from '../vscode-host/host-dirs.mjs';
import { StartError } from './options.mjs';

/** First-start User settings: the harness's quiet defaults, but git stays on (it is the user's own folder). */
const START_USER_DEFAULTS = Object.fromEntries(Object.entries(QUIET_SETTINGS).filter(([key]) => key !== 'git.enabled'));

const MACHINE_SETTINGS_HEADER =
  '// Rewritten by `npm start` on every start from HF_ROUTER_URL / HF_DATASETS_SERVER_URL.\n' +
  '// Put your own settings in User settings; these (remote) ones take precedence over them.\n';

function pidAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The pid in a lock dir; waits briefly for a lock another process has just made but not yet filled. */
function lockOwner(lock) {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      if (pid > 0) return pid;
    } catch {
      // Not written yet (or the lock was just released).
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  return 0;
}

/**
 * Claims the profile for this process (a lock dir holding our pid); a lock left by a dead process is taken over.
 * @returns {() => void} release
 */
export function lockProfile(profileDir) {
  mkdirSync(profileDir, { recursive: true });
  const lock = join(profileDir, '.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const owner = lockOwner(lock);
      if (owner !== process.pid && pidAlive(owner)) {
        throw new StartError(
          `Another npm start (pid ${owner}) is using the profile ${profileDir}.\n` +
            'Stop it (Ctrl+C in its terminal) or give this one its own profile: SARVANOM_START_PROFILE=<folder> npm start',
        );
      }
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** User settings are the user's: written once with quiet defaults. Machine (remote) settings belong to npm start. */
function writeSettings(userData, machineSettings) {
  const userFile = join(userData, 'User', 'settings.json');
  mkdirSync(join(userData, 'User'), { recursive: true });
  if (!existsSync(userFile)) writeFileSync(userFile, `${JSON.stringify(START_USER_DEFAULTS, null, 2)}\n`);
  mkdirSync(join(userData, 'Machine'), { recursive: true });
  writeFileSync(join(userData, 'Machine', 'settings.json'), `${MACHINE_SETTINGS_HEADER}${JSON.stringify(machineSettings, null, 2)}\n`);
}

/**
 * Lays out the profile, reinstalls the freshly built product into it and returns the HostDirs shape
 * startCodeServer() takes (`workspace` = the folder to open). `tmp` is a fresh dir under the system temp dir
 * (short socket paths); remove it with removeRunDirs().
 * @param {{ profileDir: string, productDir: string, folder: string, machineSettings: Record<string, string> }} options
 */
export function prepareProfile({ profileDir, productDir, folder, machineSettings }) {
  const dirs = {
    root: profileDir,
    workspace: folder,
    userData: join(profileDir, 'user-data'),
    extensions: join(profileDir, 'extensions'),
    xdg: join(profileDir, 'xdg'),
    logs: join(profileDir, 'logs'),
    configFile: join(profileDir, 'code-server.yaml'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdg, dirs.logs]) mkdirSync(dir, { recursive: true });
  // An explicit config file stops code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  writeSettings(dirs.userData, machineSettings);
  const product = replaceExtensionFolder(productDir, dirs.extensions);
  // Last, so nothing above can fail after it and leak it.
  dirs.tmp = mkdtempSync(join(tmpdir(), 'sarvanom-start-'));
  return { dirs, product };
}

export function removeRunDirs(dirs) {
  if (dirs?.tmp) rmSync(dirs.tmp, { recursive: true, force: true, maxRetries: 3 });
}
