// After the run: no token may appear in anything the product wrote. Scans every log of the session
// (the extension host's output channels, code-server's and the browser's logs) for token-shaped
// strings. The product's log redacts tokens itself, so a hit means something bypassed it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_SHAPE = /\bhf_[A-Za-z0-9]{6,}\b/g;
/**
 * Names that have a token's shape and are not secrets: the agent-mode tools (`hf_searchModels`…), which VS Code logs
 * when it lists tools. Read from the manifest, so a new tool needs no change here, and nothing else is let through.
 */
const NOT_SECRETS = new Set(
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).contributes.languageModelTools.map((t) => t.name),
);
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function* filesUnder(path) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path)) yield* filesUnder(join(path, name));
}

/**
 * @param {string[]} roots files or folders to scan
 * @returns {{ scanned: string[], productLog: string | undefined, leaks: { file: string, line: number, text: string }[] }}
 */
export function scanForTokens(roots) {
  const scanned = [];
  const leaks = [];
  let productLog;
  for (const root of roots) {
    for (const file of filesUnder(root)) {
      if (statSync(file).size > MAX_FILE_BYTES) continue;
      scanned.push(file);
      const text = readFileSync(file, 'utf8');
      if (/Hugging Face\.log$/.test(file) && text.trim() !== '') productLog = file;
      text.split('\n').forEach((line, i) => {
        for (const m of line.matchAll(TOKEN_SHAPE)) if (!NOT_SECRETS.has(m[0])) leaks.push({ file, line: i + 1, text: m[0].slice(0, 6) + '…' });
      });
    }
  }
  return { scanned, productLog, leaks };
}
