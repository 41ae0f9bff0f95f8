import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { requireWithVscode } from '../support/requireWithVscode';

// The extension host is a shell (dist/extension.js, what activation loads) plus lazy chunks required on first
// use. A chunk must take every module the shell has from the shell, never bundle a second copy: two copies of a
// module mean two CallFailure classes (instanceof fails across them), two caches, two sets of module state.
interface Metafile {
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, { readonly inputs: Readonly<Record<string, unknown>> }>>;
}
interface HostBuild {
  buildExtensionHost(opts: { esbuild: typeof esbuild; root: string; outdir: string; production: boolean }): Promise<Record<string, Metafile>>;
  sourcesOf(metafile: Metafile, root: string): Set<string>;
  LAZY_CHUNKS: readonly { source: string; outfile: string }[];
  WORKER_BUNDLES: readonly { source: string; outfile: string }[];
  SHARED_MODULES_EXPORT: string;
}

const root = resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require(join(root, 'scripts/esbuild-plugins.cjs')) as HostBuild;

/** Requires `file` with `vscode` answered by an inert stand-in (only module top levels run, no activate()). */
function requireWithoutVscode(file: string): Record<string, unknown> {
  const inert: ProxyHandler<object> = { get: (_t, p) => (p === '__esModule' ? false : new Proxy(() => undefined, inert)) };
  return requireWithVscode<Record<string, unknown>>(file, new Proxy({}, inert));
}

describe('the extension host bundles (shell + lazy chunks)', function () {
  this.timeout(60_000);
  let dir: string;
  let metafiles: Record<string, Metafile>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sarvanom-host-build-'));
    metafiles = await host.buildExtensionHost({ esbuild, root, outdir: dir, production: true });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('bundles every source module exactly once', () => {
    const owners = new Map<string, string[]>();
    const workers = new Set(host.WORKER_BUNDLES.map((b) => b.outfile.replace(/^dist\//, '')));
    for (const [file, metafile] of Object.entries(metafiles)) {
      // A worker runs on its own thread: it cannot share the host's modules, so it is left out of this count.
      if (workers.has(file)) continue;
      for (const source of host.sourcesOf(metafile, root)) {
        if (!source.startsWith('src/')) continue;
        owners.set(source, [...(owners.get(source) ?? []), file]);
      }
    }
    const twice = [...owners].filter(([, files]) => files.length > 1).map(([source, files]) => `${source} in ${files.join(' and ')}`);
    assert.deepEqual(twice, []);
    assert.ok(owners.get('src/core/routing/router.ts'), 'the router is bundled somewhere');
  });

  it('keeps the commands, the routing core and the HF clients out of the shell', () => {
    const shell = host.sourcesOf(metafiles['extension.js'], root);
    for (const lazy of ['src/commands/translate.ts', 'src/core/routing/transport/hfTransport.ts', 'src/core/language/languageDetection.ts', 'src/hub/cardSanitizer.ts']) {
      assert.ok(!shell.has(lazy), `${lazy} must not be loaded at activation`);
    }
    const packages = Object.keys(Object.values(metafiles['extension.js'].outputs)[0].inputs).filter((i) => i.includes('node_modules/@huggingface/'));
    assert.deepEqual(packages, []);
  });

  it('loads each chunk against the shell, which exports every module the chunk takes from it', () => {
    const shell = requireWithoutVscode(join(dir, 'extension.js'));
    assert.equal(typeof shell.activate, 'function');
    const shared = shell[host.SHARED_MODULES_EXPORT] as Record<string, unknown>;
    for (const chunk of host.LAZY_CHUNKS) {
      const name = chunk.outfile.replace(/^dist\//, '');
      const taken = Object.keys(metafiles[name].inputs).filter((i) => i.startsWith('shell-module:')).map((i) => i.slice('shell-module:'.length));
      for (const source of taken) assert.ok(shared[source], `${name} takes ${source} from the shell, which does not export it`);
      const loaded = requireWithoutVscode(join(dir, name));
      assert.ok(Object.keys(loaded).length > 0, `${name} exports something`);
    }
    const actions = requireWithoutVscode(join(dir, 'actions.js')) as { commands: Record<string, unknown> };
    assert.equal(typeof actions.commands.translateSelection, 'function');
  });

  it('builds the card renderer as a standalone worker bundle: no vscode, nothing taken from the shell, and it renders', async () => {
    const file = join(dir, 'cardWorker.js');
    const code = readFileSync(file, 'utf8');
    assert.ok(!/require\(["']vscode["']\)/.test(code), 'the worker requires no vscode');
    assert.ok(!code.includes('extension.js'), 'the worker takes nothing from the shell');
    const { CardThread } = await import(join(root, 'out/src/hub/cardThread.js'));
    const thread = new CardThread(file);
    try {
      const card = await thread.render('# Title\n\n<script>alert(1)</script>', { baseUrl: 'http://127.0.0.1:1/x/blob/main/' });
      assert.match(card.html, /<h1[^>]*>Title<\/h1>/);
      assert.ok(!card.html.includes('<script'));
    } finally {
      thread.dispose();
    }
  });
});

