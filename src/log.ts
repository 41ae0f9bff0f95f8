/**
 * The extension's log: the "Hugging Face" output channel (a LogOutputChannel, so the user picks the
 * level). Every line goes through redactSecrets first: the token and endpoint keys we know of, and
 * anything shaped like a token or a bearer credential, never reach the channel.
 * Only a type import of `vscode`, so the redaction is tested in plain node with a fake channel.
 */
import type { LogOutputChannel } from 'vscode';
import { redactSecrets } from './core/trust/redact';

export type LogSink = Pick<LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'show'>;

export class Log {
  constructor(
    private readonly sink: LogSink,
    /** Secret values currently known (token, endpoint keys); read on every line so new ones are covered at once. */
    private readonly knownSecrets: () => readonly (string | undefined)[],
  ) {}

  debug(message: string): void {
    this.sink.debug(this.clean(message));
  }

  info(message: string): void {
    this.sink.info(this.clean(message));
  }

  warn(message: string): void {
    this.sink.warn(this.clean(message));
  }

  /** Errors are logged by message only: stacks and `cause` chains may carry request headers. */
  error(message: string, err?: unknown): void {
    const detail = err === undefined ? '' : `: ${describeError(err)}`;
    this.sink.error(this.clean(message + detail));
  }

  show(): void {
    this.sink.show(true);
  }

  private clean(text: string): string {
    return redactSecrets(text, this.knownSecrets());
  }
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
