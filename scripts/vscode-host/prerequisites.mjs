// Checks the Debian packages code-server's native build and the headless browser need, before any
// slow step, so a missing package fails in a second with the exact apt-get line instead of deep in node-gyp.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { APT_PACKAGES, CHROMIUM_PATH } from './config.mjs';

/** pkg-config module per -dev package; a header check would miss broken installs that pkg-config catches. */
const PKG_CONFIG_MODULES = { 'libkrb5-dev': 'krb5-gssapi', 'libsecret-1-dev': 'libsecret-1', 'libxkbfile-dev': 'xkbfile', 'libx11-dev': 'x11' };

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function pkgConfigHas(module) {
  try {
    execFileSync('pkg-config', ['--exists', module], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Returns the Debian packages that are missing (empty when everything is there). */
export function missingSystemPackages({ needBrowser = true, needBuild = true } = {}) {
  const missing = [];
  if (needBuild) {
    const havePkgConfig = hasCommand('pkg-config');
    if (!havePkgConfig) missing.push('pkg-config');
    for (const [pkg, module] of Object.entries(PKG_CONFIG_MODULES)) {
      if (!havePkgConfig || !pkgConfigHas(module)) missing.push(pkg);
    }
    for (const tool of ['make', 'g++', 'python3']) {
      if (!hasCommand(tool)) missing.push(tool === 'g++' ? 'g++' : tool);
    }
  }
  if (needBrowser && !existsSync(CHROMIUM_PATH)) missing.push('chromium');
  return missing;
}

/** The Debian/Ubuntu command that installs `packages` (`sudo` only when not already root). */
export function aptInstallCommand(packages) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
}

/** Throws with the exact command to run when a system package is missing. */
export function assertSystemPrerequisites(options) {
  const missing = missingSystemPackages(options);
  if (missing.length === 0) return;
  throw new Error(
    `Missing system packages for the offline VS Code host: ${missing.join(', ')}.\n` +
      `Install them with:\n  apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}` +
      (missing.some((m) => !APT_PACKAGES.includes(m)) ? ` ${missing.filter((m) => !APT_PACKAGES.includes(m)).join(' ')}` : ''),
  );
}
