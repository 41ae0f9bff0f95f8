// Space log streams (`GET /api/spaces/{id}/logs/build` and `/logs/run`, server-sent events): each event is
// `data: {"data": "<line>", "timestamp": "<ISO time>"}`. The parser takes raw text chunks (any split) and yields
// log lines; the dedupe keeps a reconnected stream (which replays from the start) from repeating lines.

export interface LogLine {
  readonly timestamp: string;
  readonly text: string;
}

/** Parses SSE text chunk by chunk. Lines that are not `data:` JSON events (comments, keep-alives) are skipped. */
export class SpaceLogParser {
  private buffer = '';
  private eventData: string[] = [];

  push(chunk: string): LogLine[] {
    this.buffer += chunk;
    const out: LogLine[] = [];
    let newline = this.buffer.search(/\r?\n/);
    while (newline >= 0) {
      const raw = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(this.buffer[newline] === '\r' ? newline + 2 : newline + 1);
      this.line(raw, out);
      newline = this.buffer.search(/\r?\n/);
    }
    return out;
  }

  /** Flushes an event the stream ended without a blank line after. */
  end(): LogLine[] {
    const out: LogLine[] = [];
    if (this.buffer) this.line(this.buffer, out);
    this.buffer = '';
    this.line('', out);
    return out;
  }

  private line(raw: string, out: LogLine[]): void {
    if (raw === '') {
      if (this.eventData.length) {
        const parsed = parseLogEvent(this.eventData.join('\n'));
        if (parsed) out.push(parsed);
      }
      this.eventData = [];
      return;
    }
    if (raw.startsWith('data:')) this.eventData.push(raw.slice(raw.startsWith('data: ') ? 6 : 5));
  }
}

export function parseLogEvent(data: string): LogLine | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return undefined;
    const { data: text, timestamp } = value as { data?: unknown; timestamp?: unknown };
    if (typeof text !== 'string') return undefined;
    return { text: text.replace(/\r?\n$/, ''), timestamp: typeof timestamp === 'string' ? timestamp : '' };
  } catch {
    return undefined;
  }
}

/**
 * Drops lines already shown: after a reconnect the Hub replays the stream, so a line at or before the last seen
 * timestamp that was already emitted is skipped. Lines sharing a timestamp are told apart by their text and order.
 */
export class LogDeduper {
  private lastTimestamp = '';
  private atLast = new Map<string, number>();
  private replay = new Map<string, number>();

  /** Call when a new connection starts: its lines are compared with what was seen. */
  reconnected(): void {
    this.replay = new Map();
  }

  accept(line: LogLine): boolean {
    if (!line.timestamp) return true;
    if (line.timestamp < this.lastTimestamp) return false;
    if (line.timestamp > this.lastTimestamp) {
      this.lastTimestamp = line.timestamp;
      this.atLast = new Map([[line.text, 1]]);
      this.replay = new Map([[line.text, 1]]);
      return true;
    }
    const replayed = (this.replay.get(line.text) ?? 0) + 1;
    this.replay.set(line.text, replayed);
    const seen = this.atLast.get(line.text) ?? 0;
    if (replayed <= seen) return false;
    this.atLast.set(line.text, seen + 1);
    return true;
  }
}

/** Delay before reconnect attempt `attempt` (0-based): doubling from `baseMs`, capped at `maxMs`. */
export function reconnectDelay(attempt: number, baseMs = 1_000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

/** `2026-12-05T14:15:03.123Z` → `14:15:03`, the prefix shown in the log channel; other text is kept as is. */
export function formatLogLine(line: LogLine): string {
  const time = /T(\d{2}:\d{2}:\d{2})/.exec(line.timestamp)?.[1];
  return time ? `[${time}] ${line.text}` : line.text;
}

export interface FollowOptions {
  /** Opens the stream once; yields raw SSE text; returns when the server ended it, throws when it dropped. */
  open(signal: AbortSignal): AsyncIterable<string>;
  onLine(line: LogLine): void;
  /** Told before each reconnect (attempt counts from 0). */
  onReconnect?(attempt: number, error: unknown): void;
  /** True when a failure is final (403, 404): no reconnect. */
  isFatal?(error: unknown): boolean;
  wait(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  maxAttempts?: number;
  baseDelayMs?: number;
}

/**
 * Follows a log stream: parses it, reconnects with backoff when it drops (the Hub replays from the start, the
 * deduper drops what was shown), stops when the server ends it, on abort, on a fatal error or after maxAttempts
 * reconnects in a row that brought no new line.
 * Resolves to 'ended' | 'aborted'; rethrows a fatal error or the last one.
 */
export async function followLogs(o: FollowOptions): Promise<'ended' | 'aborted'> {
  const deduper = new LogDeduper();
  const max = o.maxAttempts ?? 8;
  let attempt = 0;
  for (;;) {
    if (o.signal.aborted) return 'aborted';
    const parser = new SpaceLogParser();
    const emit = (lines: LogLine[]): void => {
      for (const l of lines) {
        if (!deduper.accept(l)) continue;
        o.onLine(l);
        attempt = 0; // new lines arrived: the connection works, the next drop starts the backoff again
      }
    };
    try {
      for await (const chunk of o.open(o.signal)) {
        emit(parser.push(chunk));
      }
      emit(parser.end());
      return o.signal.aborted ? 'aborted' : 'ended';
    } catch (err) {
      if (o.signal.aborted) return 'aborted';
      if (o.isFatal?.(err) || attempt >= max) throw err;
      o.onReconnect?.(attempt, err);
      try {
        await o.wait(reconnectDelay(attempt, o.baseDelayMs), o.signal);
      } catch {
        return 'aborted';
      }
      attempt += 1;
      deduper.reconnected();
    }
  }
}
