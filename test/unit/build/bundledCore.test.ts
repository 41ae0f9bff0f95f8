import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { startFakeHf, VALID_TOKEN, type FakeHf } from '../../fake-hf/server';
import { approving } from '../support/tokenChecks';

// The product bundle tells esbuild that the Hugging Face packages are free of side effects, which
// drops ~280 KB. This checks that what remains still works: the core is bundled exactly as the
// extension is, then translates and streams against the fake server through the bundled clients.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { hfPackagesArePure } = require('../../../../scripts/esbuild-plugins.cjs') as { hfPackagesArePure: esbuild.Plugin };

interface BundledCore {
  Router: typeof import('../../../src/core/routing/router').Router;
  createHfTransport: typeof import('../../../src/core/routing/transport/hfTransport').createHfTransport;
  DEFAULT_SETTINGS: typeof import('../../../src/core/routing/settings').DEFAULT_SETTINGS;
}

describe('the production bundle of the routing core', function () {
  this.timeout(60_000);
  let fake: FakeHf;
  let dir: string;
  let core: BundledCore;

  before(async () => {
    fake = await startFakeHf();
    dir = mkdtempSync(join(tmpdir(), 'sarvanom-bundle-'));
    const root = resolve(__dirname, '../../../..');
    const entry = join(dir, 'entry.ts');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      entry,
      [
        `export { Router } from ${JSON.stringify(join(root, 'src/core/routing/router'))};`,
        `export { createHfTransport } from ${JSON.stringify(join(root, 'src/core/routing/transport/hfTransport'))};`,
        `export { DEFAULT_SETTINGS } from ${JSON.stringify(join(root, 'src/core/routing/settings'))};`,
      ].join('\n'),
    );
    const outfile = join(dir, 'core.js');
    await esbuild.build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      nodePaths: [join(root, 'node_modules')],
      // The transport loads @huggingface/inference through src/lazyChunks.ts, whose other loaders reach the
      // VS Code glue: bundled here but never loaded, so `vscode` only needs to resolve.
      external: ['vscode'],
      plugins: [hfPackagesArePure],
      logLevel: 'error',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    core = require(outfile) as BundledCore;
  });

  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('translates and streams a chat through the bundled @huggingface/inference', async () => {
    const settings = { ...core.DEFAULT_SETTINGS, hubUrl: fake.hubUrl, routerUrl: fake.routerUrl, cacheTtlMs: 0 };
    const router = new core.Router({
      settings,
      transport: core.createHfTransport({
        settings: () => settings,
        getToken: async () => VALID_TOKEN,
        getEndpointKey: async () => undefined,
        checkTokenDestination: approving(fake.hubUrl, fake.routerUrl),
      }),
      store: { get: () => undefined, update: async () => undefined },
    });
    const translated = await router.run({ task: 'translate', text: 'Hello', sourceLang: 'en', targetLang: 'es' });
    assert.deepEqual(translated.result, { task: 'translate', text: '[es] Hello' });
    const tokens: string[] = [];
    const chat = await router.run({ task: 'chat', prompt: 'hi there' }, { onToken: (t) => tokens.push(t) });
    assert.ok(tokens.length > 1);
    assert.equal(chat.result.task === 'chat' && chat.result.text, tokens.join(''));
  });
});
