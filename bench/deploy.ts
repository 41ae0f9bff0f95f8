/**
 * Deploy (issue 16): a folder of 200 files / 20 MB uploaded as one commit to a Space on the fake Hub, through the
 * product's path (the folder read, the upload plan with its .gitignore rules, commitIter with progress: the code
 * "Deploy Folder to a Space…" runs) vs a direct `uploadFiles` of @huggingface/hub with the same files. Interleaved
 * runs; requests sent per upload are counted on the wire for both.
 */
import { openAsBlob } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitIter, listFiles, uploadFiles } from '@huggingface/hub';
import { planUpload } from '../src/core/deploy/uploadPlan';
import { readFolder, uploadPlanned } from '../src/deploy/folderUpload';
import { HubRepoFs } from '../src/hubfs/hubRepoFs';
import { VALID_TOKEN } from '../test/fake-hf/server';
import { fmt, infoRow, targetRow } from './report';
import type { BenchContext, Section, SectionResult } from './section';
import { sideBySide } from './sideBySide';

const FILES = 200;
const FILE_BYTES = 100_000;
const RUNS = 6;
const SPACE = { type: 'space' as const, name: 'fake-org/static-page' };

export const deploySection: Section = {
  name: 'deploy',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    const dir = await mkdtemp(join(tmpdir(), 'bench-deploy-'));
    const paths: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const path = `src/part${i % 10}/file${i}.bin`;
      await mkdir(join(dir, 'src', `part${i % 10}`), { recursive: true });
      await writeFile(join(dir, ...path.split('/')), Buffer.alloc(FILE_BYTES, i % 251));
      paths.push(path);
    }
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const call = { hubUrl: fake.hubUrl, accessToken: VALID_TOKEN, fetch: counting };
    const sent = { ours: [] as number[], direct: [] as number[] };
    const ours = async (): Promise<void> => {
      fake.reset();
      const before = requests;
      const { entries, gitignores } = await readFolder(dir);
      const plan = planUpload(entries, gitignores);
      if (plan.send.length !== FILES) throw new Error(`planned ${plan.send.length} files`);
      await uploadPlanned({ commitIter }, call, SPACE, dir, plan, 'bench: deploy', new AbortController().signal);
      sent.ours.push(requests - before);
    };
    const direct = async (): Promise<void> => {
      fake.reset();
      const before = requests;
      const files = await Promise.all(paths.map(async (path) => ({ path, content: await openAsBlob(join(dir, ...path.split('/'))) })));
      await uploadFiles({ ...call, repo: SPACE, files, commitTitle: 'bench: direct', useXet: false });
      sent.direct.push(requests - before);
    };
    try {
      ctx.log(`deploy: ${RUNS} interleaved uploads of ${FILES} files (${(FILES * FILE_BYTES) / 1e6} MB) per variant`);
      const timed = await sideBySide(ours, direct, { runs: RUNS, warmup: 1 });
      const reqOurs = Math.max(...sent.ours);
      const reqDirect = Math.max(...sent.direct);
      return {
        rows: [
          targetRow(
            'deploy',
            `Deploy: ${FILES} files / ${(FILES * FILE_BYTES) / 1e6} MB as one commit, the product's path vs a direct uploadFiles (median ratio)`,
            timed.ratioOfMedians,
            `${fmt.ratio(timed.ratioOfMedians)} (${fmt.ms(timed.a.median)} vs ${fmt.ms(timed.b.median)})`,
            { op: '<=', value: 1.05, unit: '×' },
          ),
          infoRow('deploy', 'Deploy: requests sent per upload (product vs direct)', `${reqOurs} vs ${reqDirect}`, reqOurs),
        ],
        details: { files: FILES, fileBytes: FILE_BYTES, runs: RUNS, timed: { ours: timed.a, direct: timed.b, ratio: timed.ratioOfMedians }, requests: sent },
      };
    } finally {
      fake.reset();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

const TREE_FILES = 1000;
const TREE_RUNS = 20;

/** Opening a folder of 1,000 files over hf:// (HubRepoFs.readDirectory, what the Explorer calls) vs a direct listFiles. */
export const hubTreeSection: Section = {
  name: 'hubTree',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    fake.reset();
    const repo = { type: 'model' as const, name: 'fake-user/private-model' };
    const call = { hubUrl: fake.hubUrl, accessToken: VALID_TOKEN, fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, init) };
    try {
      const files = Array.from({ length: TREE_FILES }, (_, i) => ({ path: `data/row${String(i).padStart(4, '0')}.txt`, content: new Blob([`row ${i}`]) }));
      await uploadFiles({ ...call, repo, files, commitTitle: 'bench: a 1,000-file folder', useXet: false });
      const fs = new HubRepoFs({ context: async () => call, maxFileBytes: () => 50_000_000 });
      const ours = async (): Promise<void> => {
        const entries = await fs.readDirectory({ type: 'model', repo: repo.name, path: 'data' });
        if (entries.length !== TREE_FILES) throw new Error(`listed ${entries.length}`);
      };
      const direct = async (): Promise<void> => {
        let n = 0;
        for await (const entry of listFiles({ ...call, repo, path: 'data' })) if (entry.type === 'file') n += 1;
        if (n !== TREE_FILES) throw new Error(`listed ${n}`);
      };
      ctx.log(`hubTree: ${TREE_RUNS} interleaved listings of a ${TREE_FILES}-file folder per variant`);
      const timed = await sideBySide(ours, direct, { runs: TREE_RUNS, warmup: 2 });
      return {
        rows: [
          infoRow(
            'hubTree',
            `hf:// files: opening a ${TREE_FILES}-file folder (readDirectory, as the Explorer does) vs a direct listFiles (median)`,
            `${fmt.ms(timed.a.median)} vs ${fmt.ms(timed.b.median)} (${fmt.ratio(timed.ratioOfMedians)})`,
            timed.ratioOfMedians,
          ),
        ],
        details: { files: TREE_FILES, runs: TREE_RUNS, ours: timed.a, direct: timed.b },
      };
    } finally {
      fake.reset();
    }
  },
};
