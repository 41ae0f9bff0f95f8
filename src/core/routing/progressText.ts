/** The router's progress lines: what the user reads in the notification while waiting. Pure. */
import type { CallFailure } from './routingTypes';

/** "facebook/bart-large-cnn" -> "bart-large-cnn": the part a user recognises in a one-line progress message. */
export function shortModelName(model: string): string {
  return model.slice(model.lastIndexOf('/') + 1).split(':')[0] || model;
}

/** The progress line while the router waits to try the same model again. */
export function retryProgress(model: string, failure: CallFailure, waitMs: number, nextAttempt: number, maxAttempts: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const count = `(${nextAttempt}/${maxAttempts})`;
  const name = shortModelName(model);
  if (failure.kind === 'loading') return `${name} is loading, retrying in ${seconds} s ${count}`;
  if (failure.kind === 'rate-limited') return `Rate limited, waiting ${seconds} s ${count}`;
  if (failure.kind === 'timeout') return `${name} did not answer in time, retrying in ${seconds} s ${count}`;
  return `${name} could not answer, retrying in ${seconds} s ${count}`;
}
