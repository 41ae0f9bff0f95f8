/**
 * The monthly count shared by every VS Code window: one append-only file per month in the extension's
 * global storage, `<dir>/quota-YYYY-MM.log`, one line per entry:
 *
 *   R <n> <limit> <id>       a request for n units under the asking window's limit (0: unlimited)
 *   C <n> <reported> <id>    the count carried over from the old globalState record ('-': nothing reported)
 *
 * No lock: a window appends its line with O_APPEND (one small write, which POSIX and Windows append mode
 * keep whole and never interleave), then reads the file on from where it last stopped and replays the new
 * lines with applyEntry. Every window replays the same lines in the same order, so all agree which
 * requests were granted, and a window learns its own request's verdict when it reads its line back (by
 * id). Checking after appending, not before, is what keeps two windows from both taking the last unit.
 * Refused requests stay in the file and are never counted. Only complete lines are replayed, so a read
 * racing an append waits for the rest; a torn line (a crash mid-write) is skipped by every reader alike.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { appendFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { applyEntry, EMPTY_TALLY, isThreshold, type Applied, type MonthLedger, type QuotaBackend, type QuotaEntry, type RefundEntry, type RequestEntry, type Tally } from './quotaTally';

const LEDGER_FILE = /^quota-(\d{4}-\d{2})\.log$/;
/** Older ledgers are deleted, so the directory stays small (a month at the default quota is about 1 MB). */
const KEEP_MONTHS = 12;

export interface FileQuotaBackendOptions {
  readonly dir: string;
  /** The old globalState record: carried into the ledger of its month if nobody has created that ledger yet. */
  readonly carryOver?: { readonly month: string; readonly tally: Tally };
  readonly onError: (message: string) => void;
}

export class FileQuotaBackend implements QuotaBackend {
  /** Tells this window's lines from other windows' (48 random bits per window). */
  private readonly idPrefix = randomBytes(6).toString('hex');
  private seq = 0;

  /** Creates the directory; throws if it cannot, so the caller can fall back. */
  constructor(private readonly options: FileQuotaBackendOptions) {
    mkdirSync(options.dir, { recursive: true });
  }

  latestMonth(): string | undefined {
    return this.months().sort().at(-1);
  }

  /** Synchronous, like the globalState read it replaces, so usage is known as soon as the router exists. */
  open(month: string): MonthLedger {
    const path = join(this.options.dir, `quota-${month}.log`);
    this.carryOverInto(month, path);
    this.prune(month);
    return new FileMonthLedger(path, month, () => `${this.idPrefix}.${this.seq++}`, this.options.onError);
  }

  /**
   * Creating the file with the carried count ('wx': only if it does not exist) makes the carry-over happen
   * once: every window tries this before its first append, so whoever creates the month's file carries it.
   */
  private carryOverInto(month: string, path: string): void {
    const carry = this.options.carryOver;
    if (carry?.month !== month || carry.tally.used <= 0) return;
    const entry: QuotaEntry = { kind: 'carried', n: carry.tally.used, reported: carry.tally.reported };
    try {
      writeFileSync(path, encode(entry, `${this.idPrefix}.carried`), { flag: 'wx' });
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') this.options.onError(`Could not carry the quota count into ${path}: ${errorText(err)}`);
    }
  }

  private prune(month: string): void {
    const oldest = monthsBefore(month, KEEP_MONTHS);
    for (const old of this.months().filter((m) => m < oldest)) {
      try {
        unlinkSync(join(this.options.dir, `quota-${old}.log`));
      } catch {
        // Best effort: another window may have deleted it first.
      }
    }
  }

  private months(): string[] {
    try {
      return readdirSync(this.options.dir).flatMap((name) => LEDGER_FILE.exec(name)?.[1] ?? []);
    } catch (err) {
      this.options.onError(`Could not list ${this.options.dir}: ${errorText(err)}`);
      return [];
    }
  }
}

class FileMonthLedger implements MonthLedger {
  private tally: Tally = EMPTY_TALLY;
  /** Bytes of complete lines replayed so far. */
  private cursor = 0;
  /** Reads run one at a time, since each continues from where the previous one stopped. */
  private reading: Promise<void> = Promise.resolve();
  /** This window's appended lines not yet read back, and the verdicts of those that were. */
  private readonly pending = new Set<string>();
  private readonly verdicts = new Map<string, Applied>();
  /** Lines counted here without being read back (I/O failed): skipped if a later read finds them. */
  private readonly countedLocally = new Set<string>();
  /** Failures are reported once per month's ledger, not once per request. */
  private warned = false;

  constructor(
    private readonly path: string,
    readonly month: string,
    private readonly nextId: () => string,
    private readonly onError: (message: string) => void,
  ) {
    try {
      this.consume(readFileSync(path));
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') this.warn(`Could not read the quota ledger ${path}: ${errorText(err)}`);
    }
  }

  current(): Tally {
    return this.tally;
  }

  async append(entry: RequestEntry | RefundEntry): Promise<Applied> {
    const id = this.nextId();
    this.pending.add(id);
    try {
      await appendFile(this.path, encode(entry, id), { flag: 'a' });
      await this.refresh();
    } catch (err) {
      this.warn(`Could not update the quota ledger ${this.path}: ${errorText(err)}. Counting in this window only.`);
    }
    this.pending.delete(id);
    const verdict = this.verdicts.get(id);
    this.verdicts.delete(id);
    if (verdict) return verdict;
    // Not read back: still count it, so this window at least enforces the limit on its own requests.
    this.countedLocally.add(id);
    const applied = applyEntry(this.tally, entry);
    this.tally = applied.tally;
    return applied;
  }

  async refresh(): Promise<Tally> {
    const read = this.reading.then(() => this.readNew());
    this.reading = read.catch(() => undefined);
    await read;
    return this.tally;
  }

  private warn(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.onError(message);
  }

  private async readNew(): Promise<void> {
    const handle = await open(this.path, 'r').catch((err: unknown) => {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw err;
    });
    if (!handle) return;
    try {
      const { size } = await handle.stat();
      if (size < this.cursor) {
        // The file was deleted or replaced: replay the new one from its start.
        this.cursor = 0;
        this.tally = EMPTY_TALLY;
      }
      if (size === this.cursor) return;
      const buffer = Buffer.alloc(size - this.cursor);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.cursor);
      this.consume(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }

  /** Replays the complete lines in `bytes` (which start at the cursor); a trailing partial line waits for the next read. */
  private consume(bytes: Buffer): void {
    let start = 0;
    for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
      this.replay(bytes.toString('latin1', start, end));
      start = end + 1;
    }
    this.cursor += start;
  }

  private replay(line: string): void {
    const decoded = decode(line);
    if (!decoded) return;
    const { id, entry } = decoded;
    if (this.countedLocally.delete(id)) return;
    const applied = applyEntry(this.tally, entry);
    this.tally = applied.tally;
    if (this.pending.has(id)) this.verdicts.set(id, applied);
  }
}

function encode(entry: QuotaEntry, id: string): string {
  if (entry.kind === 'refund') return `F ${entry.n} - ${id}\n`;
  const third = entry.kind === 'request' ? String(entry.limit) : entry.reported.join(',') || '-';
  return `${entry.kind === 'request' ? 'R' : 'C'} ${entry.n} ${third} ${id}\n`;
}

function decode(line: string): { readonly id: string; readonly entry: QuotaEntry } | undefined {
  const match = /^([RCF]) (\d+) (\S+) (\S+)$/.exec(line);
  if (!match) return undefined;
  const [, kind, n, third, id] = match;
  if (kind === 'F') return { id, entry: { kind: 'refund', n: Number(n) } };
  if (kind === 'C') {
    const reported = third === '-' ? [] : third.split(',').map(Number).filter(isThreshold);
    return { id, entry: { kind: 'carried', n: Number(n), reported } };
  }
  const limit = Number(third);
  if (!Number.isFinite(limit) || limit < 0) return undefined;
  return { id, entry: { kind: 'request', n: Number(n), limit } };
}

/** The 'YYYY-MM' `count` months before `month`. */
function monthsBefore(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number);
  return new Date(Date.UTC(year, mon - 1 - count, 1)).toISOString().slice(0, 7);
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
