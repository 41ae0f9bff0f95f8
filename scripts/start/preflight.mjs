// Checks `npm start` makes before it builds or writes anything, so a missing prerequisite fails in a second with
// exactly what to do, and leaves no half-built cache or profile behind.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { aptInstallCommand, missingSystemPackages } from '../vscode-host/prerequisites.mjs';
import { StartError } from './options.mjs';

export function checkPlatform() {
  if (process.platform === 'linux' && process.arch === 'x64') return;
  throw new StartError(
    `npm start runs VS Code for the Web (code-server) built for linux x64; this machine is ${process.platform} ${process.arch}.\n` +
      'With VS Code desktop instead: npm run package, then code --install-extension sarvanom-hf.vsix',
  );
}

export function checkDependencies(repoRoot) {
  if (existsSync(join(repoRoot, 'node_modules', 'esbuild', 'package.json'))) return;
  throw new StartError('The repository\'s dependencies are not installed. Run `npm install` first, then `npm start`.');
}

/** The Debian packages code-server's native modules build against (the browser is the user's own). */
export function checkSystemPackages() {
  const missing = missingSystemPackages({ needBrowser: false });
  if (missing.length === 0) return;
  throw new StartError(
    `Missing system packages: ${missing.join(', ')}.\n` +
      'code-server (VS Code for the Web) builds native modules against them when it is first installed.\n' +
      'Install them, then run npm start again:\n\n' +
      `  ${aptInstallCommand(missing)}\n\n` +
      'Nothing was built or installed.',
  );
}

/** Fails early (before a slow build) when the requested PORT is taken. */
export function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err) => {
      const why = err.code === 'EADDRINUSE' ? 'is already in use' : err.code === 'EACCES' ? 'needs privileges' : `cannot be used (${err.code})`;
      reject(new StartError(`Port ${port} (from PORT) ${why} on 127.0.0.1. Choose another PORT, or unset it to use a free port.`));
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
