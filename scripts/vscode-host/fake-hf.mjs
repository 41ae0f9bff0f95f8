// Starts the project's fake Hugging Face server (out/test/fake-hf/cli.js, built by test/build-tests.mjs) in its
// own process group and reads the one JSON line it prints: { hubUrl, routerUrl, datasetsServerUrl, openaiUrl }.
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './config.mjs';
import { spawnGroup, stopGroup } from './process-group.mjs';

export const FAKE_HF_CLI = join(REPO_ROOT, 'out', 'test', 'fake-hf', 'cli.js');

/**
 * @typedef {{ hubUrl: string, routerUrl: string, datasetsServerUrl: string, openaiUrl?: string }} FakeHfUrls
 * @returns {Promise<{ urls: FakeHfUrls, stop: () => Promise<void> } | undefined>} undefined when the fake is not built
 */
export async function startFakeHf({ logFile, args = [], timeoutMs = 20_000 }) {
  if (!existsSync(FAKE_HF_CLI)) return undefined;
  const child = spawnGroup(process.execPath, [FAKE_HF_CLI, ...args], { cwd: REPO_ROOT });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr.pipe(log);
  const lines = createInterface({ input: child.stdout });
  try {
    const urls = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake HF server printed no URLs within ${timeoutMs} ms`)), timeoutMs);
      child.once('exit', (code) => reject(new Error(`fake HF server exited (${code}) before printing its URLs; see ${logFile}`)));
      lines.once('line', (line) => {
        clearTimeout(timer);
        try {
          resolve(JSON.parse(line));
        } catch {
          reject(new Error(`fake HF server's first line is not JSON: ${line.slice(0, 200)}`));
        }
      });
    });
    for (const key of ['hubUrl', 'routerUrl', 'datasetsServerUrl']) {
      if (typeof urls[key] !== 'string' || !urls[key].startsWith('http://127.0.0.1')) {
        throw new Error(`fake HF server's ${key} is not a loopback URL: ${urls[key]}`);
      }
    }
    lines.on('line', (line) => log.write(`${line}\n`));
    return { urls, stop: () => stopGroup(child) };
  } catch (err) {
    await stopGroup(child);
    throw err;
  }
}
