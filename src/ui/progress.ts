/** A cancellable progress notification whose Cancel button aborts the work through an AbortSignal. */
import * as vscode from 'vscode';

/** Requests in flight, so they can also be cancelled by command (huggingface.cancelRunningRequests). */
const running = new Set<AbortController>();

export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      running.add(controller);
      setRunningContext();
      try {
        return await work(controller.signal, (message) => progress.report({ message }));
      } finally {
        running.delete(controller);
        setRunningContext();
        subscription.dispose();
      }
    }),
  );
}

/** Context key `huggingface.requestRunning`: shows "Cancel Running Requests" in the palette only when useful. */
function setRunningContext(): void {
  void vscode.commands.executeCommand('setContext', 'huggingface.requestRunning', running.size > 0);
}

/** Cancels every request in flight, as their Cancel buttons would; returns how many there were. */
export function cancelRunning(): number {
  const count = running.size;
  for (const controller of running) controller.abort();
  return count;
}
