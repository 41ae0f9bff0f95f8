// The Node.js this project needs (package.json `engines.node`, .nvmrc): `npm test` and `npm start` check it first,
// so an older Node fails in a second with what to do instead of somewhere deep in a build.
// CLI: `node scripts/nodeVersion.mjs` exits 1 with the message when this Node is too old.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REQUIRED_MAJOR = 20;

/** Why `version` (e.g. "v18.19.0") cannot run the project, or undefined when it can. */
export function nodeVersionProblem(version, required = REQUIRED_MAJOR) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (Number.isFinite(major) && major >= required) return undefined;
  return (
    `This project needs Node.js ${required} or newer; this is Node.js ${version}.\n` +
    `Install Node.js ${required} (the version in .nvmrc: \`nvm install\` picks it up), then run the command again.`
  );
}

/** The major version package.json declares in engines.node (">=20"), kept equal to REQUIRED_MAJOR by a test. */
export function declaredMajor(packageJsonPath) {
  const engines = JSON.parse(readFileSync(packageJsonPath, 'utf8')).engines ?? {};
  return Number(/(\d+)/.exec(engines.node ?? '')?.[1]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = nodeVersionProblem(process.version);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
