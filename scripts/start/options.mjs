// What `npm start` was asked to do, from its arguments and environment. Validated up front so a typo fails in
// a second with a message instead of after a build. The HF token is only ever passed on, never echoed.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** An error whose message is for the user as is (no stack trace). */
export class StartError extends Error {}

export const USAGE = `Usage: npm start [-- <folder>]

Builds the extension, installs it into an isolated VS Code profile and serves VS Code for the Web
(code-server) on 127.0.0.1 with <folder> open (default: examples/try-it, a small workspace with a file to
try each action on). Ctrl+C stops everything.

Environment:
  PORT                    port to serve on (default: a free one)
  HF_TOKEN                Hugging Face token used until you sign in from the command palette (never printed)
  HF_ENDPOINT             Hub URL, for a mirror or a compatible server (default https://huggingface.co)
  HF_ROUTER_URL           Inference Providers URL (default https://router.huggingface.co)
  HF_DATASETS_SERVER_URL  dataset viewer URL (default https://datasets-server.huggingface.co)
  SARVANOM_START_PROFILE  profile folder (default .cache/start-profile in the repository)`;

/** Env vars naming a Hugging Face service the start profile points the extension at (product setting keys). */
export const URL_SETTINGS_FROM_ENV = {
  HF_ROUTER_URL: 'huggingFace.routerUrl',
  HF_DATASETS_SERVER_URL: 'huggingFace.datasetsServerUrl',
};

function httpUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new StartError(`${name} is not a URL: ${JSON.stringify(value)}. Expected e.g. http://127.0.0.1:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StartError(`${name} must be an http:// or https:// URL (got ${url.protocol}).`);
  }
  return value.trim().replace(/\/+$/, '');
}

function readPort(value) {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65535) {
    throw new StartError(`PORT must be a port number from 1 to 65535 (got ${JSON.stringify(value)}); unset it to use a free port.`);
  }
  return port;
}

/** The small workspace `npm start` opens when no folder is given: files to try each action on, and a README. */
export function exampleWorkspace(repoRoot) {
  return join(repoRoot, 'examples', 'try-it');
}

function readFolder(args, baseDir, repoRoot) {
  const positional = args.filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--');
  if (unknown.length > 0) throw new StartError(`Unknown option ${unknown[0]}.\n\n${USAGE}`);
  if (positional.length > 1) throw new StartError(`Give at most one folder to open (got ${positional.length}).\n\n${USAGE}`);
  const folder = positional[0] === undefined ? exampleWorkspace(repoRoot) : isAbsolute(positional[0]) ? positional[0] : resolve(baseDir, positional[0]);
  if (!existsSync(folder)) throw new StartError(`The folder to open does not exist: ${folder}`);
  if (!statSync(folder).isDirectory()) throw new StartError(`Not a folder: ${folder}. Give the folder that contains it.`);
  return folder;
}

/**
 * @param {string[]} args command-line arguments after the script
 * @param {Record<string, string | undefined>} env
 * @param {{ repoRoot: string, cwd: string }} where
 * @returns {{ help: true } | { help: false, folder: string, port: number | undefined, profileDir: string,
 *   extensionEnv: Record<string, string>, machineSettings: Record<string, string>, services: string[] }}
 */
export function readStartOptions(args, env, { repoRoot, cwd }) {
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  // npm runs scripts in the package root; INIT_CWD is where the user typed `npm start`.
  const baseDir = env.INIT_CWD && existsSync(env.INIT_CWD) ? env.INIT_CWD : cwd;
  const folder = readFolder(args, baseDir, repoRoot);
  const port = readPort(env.PORT);
  const profileDir = env.SARVANOM_START_PROFILE ? resolve(baseDir, env.SARVANOM_START_PROFILE) : join(repoRoot, '.cache', 'start-profile');

  // The product itself reads HF_TOKEN (when no token is stored) and HF_ENDPOINT (when huggingFace.hubUrl is empty).
  const extensionEnv = {};
  const token = env.HF_TOKEN?.trim();
  if (token) extensionEnv.HF_TOKEN = token;
  const hub = env.HF_ENDPOINT?.trim() ? httpUrl('HF_ENDPOINT', env.HF_ENDPOINT) : undefined;
  if (hub) extensionEnv.HF_ENDPOINT = hub;

  // The router and dataset viewer have settings only; the profile's remote settings carry them.
  const machineSettings = {};
  for (const [name, key] of Object.entries(URL_SETTINGS_FROM_ENV)) {
    if (env[name]?.trim()) machineSettings[key] = httpUrl(name, env[name]);
  }
  const services = [
    `Hub ${hub ?? 'https://huggingface.co'}`,
    `router ${machineSettings['huggingFace.routerUrl'] ?? 'https://router.huggingface.co'}`,
    `token ${token ? 'from HF_TOKEN' : 'none yet (run "Hugging Face: Sign In (Set Token)")'}`,
  ];
  return { help: false, folder, port, profileDir, extensionEnv, machineSettings, services };
}
