/**
 * Follows a Space's build or run log into its own log output channel ("Hugging Face: Space <id>"): lines with the
 * Hub's timestamps, reconnecting when the stream drops (no line twice, see core/spaces/logStream.ts), stopping when
 * the Hub ends the stream, on "Stop Following", on a fatal answer (401/403/404) or when the window closes.
 */
import * as vscode from 'vscode';
import { followLogs, formatLogLine } from '../core/spaces/logStream';
import { CredentialNotSentError } from '../core/trust/credentialHosts';
import { HubError } from '../hub/hubErrors';
import type { HubService } from '../hub/hubService';
import { openSpaceLogs, readSpaceStage, SpaceRouteError } from '../hub/spaceRuntimeApi';
import { systemClock } from '../core/routing/clock';

export type SpaceLogKind = 'build' | 'run';

export interface FollowResult {
  readonly space: string;
  readonly log: SpaceLogKind;
  /** The lines written to the channel, as shown (Hub timestamp prefix). */
  readonly lines: string[];
  /** ended: the Hub ended the stream; stopped: Stop Following (or a newer follow of the Space); failed: see error. */
  readonly outcome: 'ended' | 'stopped' | 'failed';
  readonly reconnects: number;
  readonly error?: unknown;
  /** The Space's stage once the stream ended (read from the runtime route). */
  readonly stage?: string;
}

const isFatal = (err: unknown): boolean =>
  (err instanceof SpaceRouteError && err.status >= 400 && err.status < 500 && err.status !== 429) || err instanceof CredentialNotSentError || err instanceof HubError;

export class SpaceLogFollowers implements vscode.Disposable {
  private readonly channels = new Map<string, vscode.LogOutputChannel>();
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly hub: HubService,
    private readonly reconnectBaseMs = 1_000,
  ) {}

  /** The Spaces whose logs are being followed now. */
  following(): string[] {
    return [...this.running.keys()];
  }

  channel(space: string): vscode.LogOutputChannel {
    let channel = this.channels.get(space);
    if (!channel) {
      channel = vscode.window.createOutputChannel(`Hugging Face: Space ${space}`, { log: true });
      this.channels.set(space, channel);
    }
    return channel;
  }

  /** Follows `log` of `space` until it ends; a follow of the same Space already running is stopped first. */
  async follow(space: string, log: SpaceLogKind, preserveFocus = true): Promise<FollowResult> {
    this.running.get(space)?.abort();
    const abort = new AbortController();
    this.running.set(space, abort);
    const channel = this.channel(space);
    channel.show(preserveFocus);
    channel.info(`Following the ${log} log of ${space}…`);
    const lines: string[] = [];
    let reconnects = 0;
    const hub = this.hub;
    try {
      const outcome = await followLogs({
        open: (signal) =>
          (async function* () {
            yield* openSpaceLogs(await hub.spaceCallContext(), space, log, signal);
          })(),
        onLine: (line) => {
          const shown = formatLogLine(line);
          lines.push(shown);
          channel.appendLine(shown);
        },
        onReconnect: (attempt) => {
          reconnects += 1;
          channel.warn(`The log stream dropped; reconnecting (attempt ${attempt + 1})…`);
        },
        isFatal,
        wait: (ms, signal) => systemClock.sleep(ms, signal),
        signal: abort.signal,
        baseDelayMs: this.reconnectBaseMs,
      });
      if (outcome === 'aborted') {
        channel.info('Stopped following.');
        return { space, log, lines, outcome: 'stopped', reconnects };
      }
      const stage = await readSpaceStage(await hub.spaceCallContext(), space).catch(() => undefined);
      channel.info(`The ${log} log ended${stage ? `; the Space is ${stage}` : ''}.`);
      return { space, log, lines, outcome: 'ended', reconnects, ...(stage ? { stage } : {}) };
    } catch (error) {
      return { space, log, lines, outcome: 'failed', reconnects, error };
    } finally {
      if (this.running.get(space) === abort) this.running.delete(space);
    }
  }

  /** Stops following `space` (every Space when undefined); the stopped ones. */
  stop(space?: string): string[] {
    const stopped = space === undefined ? [...this.running.keys()] : this.running.has(space) ? [space] : [];
    for (const s of stopped) this.running.get(s)?.abort();
    return stopped;
  }

  dispose(): void {
    this.stop();
    for (const c of this.channels.values()) c.dispose();
    this.channels.clear();
  }
}
