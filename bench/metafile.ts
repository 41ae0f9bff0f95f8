/**
 * What makes a bundle big, from esbuild's metafile: bytes each input contributes to one output, grouped by
 * npm package (every file of `node_modules/@scope/pkg/...` counts as `@scope/pkg`) so the list names things
 * a developer can act on, with the project's own files listed one by one.
 */

/** The part of esbuild's Metafile this reads (structurally compatible with esbuild's own type). */
export interface MetafileLike {
  readonly outputs: Readonly<Record<string, { readonly bytes: number; readonly inputs: Readonly<Record<string, { readonly bytesInOutput: number }>> }>>;
}

export interface Contributor {
  /** A package name (`@huggingface/inference`) or a project file path (`src/core/router.ts`). */
  readonly name: string;
  readonly bytes: number;
  /** Fraction of the output's bytes, 0..1. */
  readonly share: number;
}

/** `node_modules/a/node_modules/@s/b/x.js` -> `@s/b` (the innermost package); other paths unchanged. */
export function contributorName(inputPath: string): string {
  const parts = inputPath.replace(/\\/g, '/').split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return inputPath;
  const first = parts[at + 1];
  return first.startsWith('@') && at + 2 < parts.length ? `${first}/${parts[at + 2]}` : first;
}

/** The output entry for `outfile` (metafile keys are relative to the working directory, e.g. `dist/extension.js`). */
export function findOutput(meta: MetafileLike, outfile: string): { readonly key: string; readonly bytes: number } {
  const wanted = outfile.replace(/\\/g, '/').replace(/^\.\//, '');
  const key = Object.keys(meta.outputs).find((k) => k === wanted || k.endsWith(`/${wanted}`));
  if (key === undefined) throw new Error(`${outfile} is not an output of this metafile (outputs: ${Object.keys(meta.outputs).join(', ')})`);
  return { key, bytes: meta.outputs[key].bytes };
}

/** The `n` largest contributors to `outfile`, largest first (ties by name, so the order is stable). */
export function topContributors(meta: MetafileLike, outfile: string, n: number): Contributor[] {
  const { key, bytes } = findOutput(meta, outfile);
  const totals = new Map<string, number>();
  for (const [path, input] of Object.entries(meta.outputs[key].inputs)) {
    const name = contributorName(path);
    totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...totals.entries()]
    .filter(([, b]) => b > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, Math.max(0, n))
    .map(([name, b]) => ({ name, bytes: b, share: bytes > 0 ? b / bytes : 0 }));
}
