/**
 * One attempt's abort signal: aborts when the user cancels, or when nothing arrived for
 * `idleMs` (reset on every streamed chunk, so a long generation that keeps streaming is not cut).
 * Records which of the two happened, because both surface from fetch as the same AbortError.
 */
export class AttemptSignal {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUserAbort = () => {
    this.cancelled = true;
    this.controller.abort();
  };
  cancelled = false;
  timedOut = false;

  constructor(
    private readonly userSignal: AbortSignal | undefined,
    readonly idleMs: number,
  ) {
    if (userSignal?.aborted) this.onUserAbort();
    else userSignal?.addEventListener('abort', this.onUserAbort, { once: true });
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Something arrived: restart the idle timer. */
  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.controller.signal.aborted || this.idleMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.idleMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }
}
