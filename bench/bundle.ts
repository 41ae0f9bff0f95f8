/**
 * Bundle sizes from the production build (`node esbuild.mjs --production` writes dist/*.js minified and
 * dist/*.meta.json), with the largest contributors to each bundle from esbuild's metafile.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { topContributors, type Contributor, type MetafileLike } from './metafile';
import { fmt, infoRow, targetRow, unavailableRow, type Row, type Target } from './report';
import type { BenchContext, Section, SectionResult } from './section';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_CHUNKS } = require('../../scripts/esbuild-plugins.cjs') as { LAZY_CHUNKS: readonly { outfile: string }[] };

export const TOP_CONTRIBUTORS = 8;
const EXTENSION_METRIC = 'Bundle: dist/extension.js (minified; what activation loads)';
const EXTENSION_TARGET: Target = { op: '<', value: 300, unit: 'KB' };

interface BundleInfo {
  readonly outfile: string;
  readonly bytes: number;
  readonly top: readonly Contributor[];
}

/** esbuild.mjs writes a source map only without --production; a map older than the bundle is a leftover. */
function isDevelopmentBuild(js: string): boolean {
  const map = `${js}.map`;
  if (existsSync(map) && statSync(map).mtimeMs >= statSync(js).mtimeMs - 1000) return true;
  return /\/\/# sourceMappingURL=/.test(readFileSync(js, 'utf8').slice(-300));
}

function readBundle(distDir: string, outfile: string): BundleInfo | string {
  const js = join(distDir, basename(outfile));
  const meta = js.replace(/\.js$/, '.meta.json');
  if (!existsSync(js) || !existsSync(meta)) return `${outfile} or its metafile missing: run node esbuild.mjs --production`;
  if (isDevelopmentBuild(js)) return `${outfile} is a development build: run node esbuild.mjs --production`;
  const metafile = JSON.parse(readFileSync(meta, 'utf8')) as MetafileLike;
  return { outfile, bytes: statSync(js).size, top: topContributors(metafile, basename(outfile), TOP_CONTRIBUTORS) };
}

function topText(top: readonly Contributor[]): string {
  return top.map((c) => `${c.name} ${fmt.kb(c.bytes)}`).join(', ');
}

export const bundleSection: Section = {
  name: 'bundle',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    const ext = readBundle(ctx.distDir, 'dist/extension.js');
    if (typeof ext === 'string') {
      rows.push(unavailableRow('bundle', EXTENSION_METRIC, ext, EXTENSION_TARGET));
    } else {
      const kb = ext.bytes / 1024;
      rows.push(targetRow('bundle', EXTENSION_METRIC, Math.round(kb * 10) / 10, fmt.kb(ext.bytes), EXTENSION_TARGET));
      rows.push(infoRow('bundle', `Bundle: top ${TOP_CONTRIBUTORS} in extension.js`, topText(ext.top)));
      details.extension = ext;
      // The lazy chunks (scripts/esbuild-plugins.cjs, LAZY_CHUNKS): loaded on first use, never at activation.
      const chunks = LAZY_CHUNKS.map((c) => readBundle(ctx.distDir, c.outfile)).filter((c): c is BundleInfo => typeof c !== 'string');
      if (chunks.length === LAZY_CHUNKS.length) {
        const total = ext.bytes + chunks.reduce((sum, c) => sum + c.bytes, 0);
        rows.push(
          infoRow(
            'bundle',
            'Bundle: lazy chunks, loaded on first use (and all extension-host code)',
            `${chunks.map((c) => `${basename(c.outfile)} ${fmt.kb(c.bytes)}`).join(', ')} (all: ${fmt.kb(total)})`,
            Math.round((total / 1024) * 10) / 10,
          ),
        );
        details.chunks = chunks;
      }
    }
    const web = readBundle(ctx.distDir, 'dist/webview.js');
    if (typeof web === 'string') {
      rows.push(unavailableRow('bundle', 'Bundle: dist/webview.js (minified)', web));
    } else {
      rows.push(infoRow('bundle', 'Bundle: dist/webview.js (minified)', fmt.kb(web.bytes), Math.round((web.bytes / 1024) * 10) / 10));
      rows.push(infoRow('bundle', `Bundle: top ${TOP_CONTRIBUTORS} in webview.js`, topText(web.top)));
      details.webview = web;
    }
    return { rows, details };
  },
};
