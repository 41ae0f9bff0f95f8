// One complete VS Code session, composed from the pieces beside this file: the fake HF server, a fresh temp
// workspace + user data + extensions dir with the product (and any extra extensions) installed, and code-server.
// The e2e launcher adds a headless browser and the test runner; `npm start` can open workbenchUrl in a real browser.
import { join } from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { installExtensionFolder } from './extensions-dir.mjs';
import { startFakeHf } from './fake-hf.mjs';
import { createHostDirs, removeHostDirs, writeUserSettings, writeWorkspaceFiles } from './host-dirs.mjs';

export const SAMPLE_FILES = {
  'sample.md': '# Sample\n\nHugging Face hosts models, datasets and Spaces.\nThe quick brown fox jumps over the lazy dog.\n',
  'sample.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  // German comments, to hover (comment translation on hover; the browser case and `npm start` use it).
  'hover_sample.py': [
    'def mittelwert(werte):',
    '    """Berechnet den Mittelwert der Liste; eine leere Liste ergibt null."""',
    '    if not werte:',
    '        return 0  # leere Eingabe: nichts zu mitteln',
    '    return sum(werte) / len(werte)',
    '',
  ].join('\n'),
};

/**
 * @param {{ productDir: string, logsDir: string, extraExtensions?: { dir: string, files: string[] }[],
 *   workspaceFiles?: Record<string, string>, env?: Record<string, string>, settings?: Record<string, unknown>,
 *   useFake?: boolean, keepDirs?: boolean, log?: (line: string) => void }} options
 */
export async function startVscodeSession(options) {
  const { productDir, logsDir, extraExtensions = [], workspaceFiles = SAMPLE_FILES, env = {}, settings = {} } = options;
  const log = options.log ?? ((line) => console.error(line));
  const stops = [];
  let dirs;
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
    stops.length = 0;
    if (options.keepDirs) log(`kept ${dirs?.root}`);
    else removeHostDirs(dirs);
  };
  try {
    const fake = options.useFake === false ? undefined : await startFakeHf({ logFile: join(logsDir, 'fake-hf.log') });
    if (fake) stops.push(fake.stop);
    else if (options.useFake !== false) {
      log('WARNING: out/test/fake-hf/cli.js is not built; no fake HF server (HF URLs point at a closed port)');
    }
    dirs = createHostDirs();
    writeWorkspaceFiles(dirs, workspaceFiles);
    writeUserSettings(dirs, { fake: fake?.urls, extra: settings });
    const product = installExtensionFolder(productDir, dirs.extensions);
    for (const ext of extraExtensions) installExtensionFolder(ext.dir, dirs.extensions, ext.files);
    log(`installed ${product.id}@${product.manifest.version} from ${productDir}`);
    const codeServer = await startCodeServer({
      dirs,
      logFile: join(logsDir, 'code-server.log'),
      env: { ...env, ...(fake ? { SARVANOM_FAKE_HF: JSON.stringify(fake.urls) } : {}) },
    });
    stops.push(codeServer.stop);
    return { dirs, fake: fake?.urls, codeServer, workbenchUrl: codeServer.workbenchUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
