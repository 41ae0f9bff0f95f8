/**
 * The on-device models on disk (issue 17): what a model's download costs before the user agrees, the download
 * itself (progress, cancel, resume, a disk cap), the manifest of downloaded models and their removal.
 *
 * Layout under `dir`: `manifest.json` and `models/<owner>--<name>/<repo path>`. A file is written to
 * `<path>.part` and renamed when complete, so a cancelled download never leaves a half file under its real name;
 * the next download resumes the `.part` (a range request) or restarts it when the source cannot resume.
 * Plain node (fs), no `vscode`; the Hub calls are behind ModelFileSource (hubModelSource.ts).
 */
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isNeededFile } from './localCatalog';
import { formatBytes } from '../units/bytes';

export interface RepoFileInfo {
  readonly path: string;
  readonly size: number;
}

/** Where the bytes come from: the Hub (hubModelSource.ts) or a test's fake. */
export interface ModelFileSource {
  /** Every file of the repo with its size. */
  listFiles(model: string, signal?: AbortSignal): Promise<readonly RepoFileInfo[]>;
  /**
   * The file's bytes from offset `start`. `start` in the answer says where the bytes really begin: 0 when the source
   * could not resume (the caller restarts the file).
   */
  read(model: string, path: string, start: number, signal?: AbortSignal): Promise<{ readonly start: number; readonly chunks: AsyncIterable<Uint8Array> }>;
}

export interface ManifestEntry {
  readonly model: string;
  readonly bytes: number;
  readonly files: readonly RepoFileInfo[];
  readonly downloadedAt: number;
}

/** What downloading a model would take, known before asking the user. */
export interface DownloadPlan {
  readonly model: string;
  readonly files: readonly RepoFileInfo[];
  /** The model's size on disk once downloaded. */
  readonly totalBytes: number;
  /** Already on disk from an earlier, interrupted download (complete files and `.part` files). */
  readonly presentBytes: number;
  /** The other downloaded models' bytes. */
  readonly usedBytes: number;
  readonly capBytes: number;
}

export interface DownloadProgress {
  readonly model: string;
  readonly receivedBytes: number;
  readonly totalBytes: number;
  readonly file: string;
}

/** The download would take the on-device models over the disk cap: nothing was downloaded. */
export class DiskCapError extends Error {
  constructor(readonly plan: DownloadPlan) {
    super(
      `${plan.model} needs ${formatBytes(plan.totalBytes)}; with the ${formatBytes(plan.usedBytes)} already used that is over the ` +
        `${formatBytes(plan.capBytes)} cap for on-device models (setting huggingFace.local.maxDiskMB). Nothing was downloaded.`,
    );
    this.name = 'DiskCapError';
  }
}

/** The download was cancelled: complete files and the `.part` stay for a later resume; nothing half-written is visible. */
export class DownloadCancelled extends Error {
  constructor(model: string) {
    super(`Download of ${model} cancelled.`);
    this.name = 'DownloadCancelled';
  }
}

/** `Xenova/bert-base-NER` → `Xenova--bert-base-NER` (repo ids have one slash and no `..`). */
function folderName(model: string): string {
  if (!/^[\w.-]+\/[\w.-]+$/.test(model) || model.includes('..')) throw new Error(`Not a model id: ${JSON.stringify(model)}`);
  return model.replace('/', '--');
}

function safeRelativePath(path: string): string {
  if (path.startsWith('/') || path.split('/').some((p) => p === '..' || p === '' || p === '.')) throw new Error(`Unsafe file path in repo: ${JSON.stringify(path)}`);
  return path;
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

export interface ModelStoreOptions {
  /** The extension's global storage folder for models (a tmp dir in tests). */
  readonly dir: string;
  readonly source: ModelFileSource;
  /** huggingFace.local.maxDiskMB, in bytes, read on each download. */
  readonly capBytes: () => number;
  readonly now?: () => number;
}

export class ModelStore {
  private entries: ManifestEntry[] = [];
  private loaded = false;

  constructor(private readonly options: ModelStoreOptions) {}

  private get manifestPath(): string {
    return join(this.options.dir, 'manifest.json');
  }

  /** The folder a model is (or will be) downloaded to: the runner's `modelDir`. */
  modelDir(model: string): string {
    return join(this.options.dir, 'models', folderName(model));
  }

  /** Reads the manifest (once; a missing or unreadable one is empty). */
  async load(): Promise<readonly ManifestEntry[]> {
    if (!this.loaded) {
      try {
        const parsed: unknown = JSON.parse(await readFile(this.manifestPath, 'utf8'));
        this.entries = Array.isArray(parsed) ? (parsed as ManifestEntry[]).filter((e) => typeof e?.model === 'string' && typeof e.bytes === 'number') : [];
      } catch {
        this.entries = [];
      }
      this.loaded = true;
    }
    return this.list();
  }

  /** The downloaded models, as last loaded. */
  list(): readonly ManifestEntry[] {
    return [...this.entries];
  }

  isDownloaded(model: string): boolean {
    return this.entries.some((e) => e.model === model);
  }

  usedBytes(): number {
    return this.entries.reduce((n, e) => n + e.bytes, 0);
  }

  /** What downloading `model` takes (one listing call to the source). */
  async plan(model: string, signal?: AbortSignal): Promise<DownloadPlan> {
    await this.load();
    const files = (await this.options.source.listFiles(model, signal)).filter((f) => isNeededFile(f.path));
    if (!files.some((f) => f.path.endsWith('.onnx'))) throw new Error(`${model} has no quantized ONNX weights to run on this machine.`);
    const dir = this.modelDir(model);
    let presentBytes = 0;
    for (const f of files) {
      const full = join(dir, safeRelativePath(f.path));
      const done = await sizeOf(full);
      presentBytes += done === f.size ? f.size : Math.min(f.size, (await sizeOf(`${full}.part`)) ?? 0);
    }
    return {
      model,
      files,
      totalBytes: files.reduce((n, f) => n + f.size, 0),
      presentBytes,
      usedBytes: this.entries.filter((e) => e.model !== model).reduce((n, e) => n + e.bytes, 0),
      capBytes: this.options.capBytes(),
    };
  }

  /**
   * Downloads the plan's files (skipping complete ones, resuming `.part` ones) and records the model in the manifest.
   * Throws DiskCapError before any byte when the cap would be passed, DownloadCancelled when `signal` aborts.
   */
  async download(plan: DownloadPlan, options: { signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void } = {}): Promise<string> {
    if (plan.usedBytes + plan.totalBytes > plan.capBytes) throw new DiskCapError(plan);
    const dir = this.modelDir(plan.model);
    let received = 0;
    const report = (file: string) => options.onProgress?.({ model: plan.model, receivedBytes: received, totalBytes: plan.totalBytes, file });
    for (const f of plan.files) {
      if (options.signal?.aborted) throw new DownloadCancelled(plan.model);
      const full = join(dir, safeRelativePath(f.path));
      if ((await sizeOf(full)) === f.size) {
        received += f.size;
        report(f.path);
        continue;
      }
      await mkdir(dirname(full), { recursive: true });
      await this.downloadFile(plan.model, f, full, options.signal, (n) => {
        received += n;
        report(f.path);
      });
      await rename(`${full}.part`, full);
      report(f.path);
    }
    const entry: ManifestEntry = { model: plan.model, bytes: plan.totalBytes, files: plan.files, downloadedAt: (this.options.now ?? Date.now)() };
    this.entries = [...this.entries.filter((e) => e.model !== plan.model), entry];
    await this.save();
    return dir;
  }

  /** Writes one file to `<full>.part`, counting the bytes it has (resumed ones first) through `onBytes`. */
  private async downloadFile(model: string, file: RepoFileInfo, full: string, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<void> {
    const part = `${full}.part`;
    let have = (await sizeOf(part)) ?? 0;
    if (have > file.size) have = 0;
    const { start, chunks } = await this.options.source.read(model, file.path, have, signal).catch((err: unknown) => {
      throw signal?.aborted ? new DownloadCancelled(model) : err;
    });
    // A source that cannot resume starts at 0: the `.part` is rewritten from the beginning.
    const resume = start > 0 && start === have;
    const handle = await open(part, resume ? 'a' : 'w');
    if (resume) onBytes(have);
    try {
      for await (const chunk of chunks) {
        if (signal?.aborted) throw new DownloadCancelled(model);
        await handle.write(chunk);
        onBytes(chunk.byteLength);
      }
    } catch (err) {
      throw signal?.aborted ? new DownloadCancelled(model) : err;
    } finally {
      await handle.close();
    }
    if (signal?.aborted) throw new DownloadCancelled(model);
    const size = await sizeOf(part);
    if (size !== file.size) throw new Error(`${file.path} of ${model}: received ${size ?? 0} bytes, expected ${file.size}. Try again to resume.`);
  }

  /** Deletes a model's folder (and any partial download) and its manifest entry; returns the bytes freed. */
  async remove(model: string): Promise<number> {
    await this.load();
    const entry = this.entries.find((e) => e.model === model);
    await rm(this.modelDir(model), { recursive: true, force: true });
    this.entries = this.entries.filter((e) => e.model !== model);
    await this.save();
    return entry?.bytes ?? 0;
  }

  async removeAll(): Promise<number> {
    await this.load();
    const freed = this.usedBytes();
    await rm(join(this.options.dir, 'models'), { recursive: true, force: true });
    this.entries = [];
    await this.save();
    return freed;
  }

  private async save(): Promise<void> {
    await mkdir(this.options.dir, { recursive: true });
    const tmp = `${this.manifestPath}.tmp`;
    await writeFile(tmp, JSON.stringify(this.entries, null, 2));
    await rename(tmp, this.manifestPath);
  }
}
