/**
 * What an action returns, and the steps that lead there: each step either hands the next one a value
 * or ends the action with its result. Pure, so the narrowing of routed results is tested in plain node.
 */
import type { Decision } from '../core/routing/decision';
import type { RouteOutcome } from '../core/routing/router';
import type { TaskKind, TaskResult } from '../core/tasks/taskTypes';

/**
 * What every selection action returns (the command's return value, used by tests and by other commands).
 * 'refused' means rejected before any request (empty or huge selection, no token, quota exhausted,
 * unknown language); 'preview' means the result was shown without touching the document.
 */
export interface ActionResult {
  readonly status: 'applied' | 'preview' | 'cancelled' | 'failed' | 'refused';
  readonly message?: string;
  readonly decision?: Decision;
  /** The routed result, when there is one (lets tests check what arrived without reading the UI). */
  readonly result?: TaskResult;
}

export function cancelled(message = 'Cancelled.'): ActionResult {
  return { status: 'cancelled', message };
}

export type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly result: ActionResult };

export function done<T>(value: T): Step<T> {
  return { ok: true, value };
}

export function stop<T>(result: ActionResult): Step<T> {
  return { ok: false, result };
}

/** The result type of task `K`. */
export type ResultOf<K extends TaskKind> = TaskResult & { readonly task: K };

/** A routed request's outcome, its result narrowed to the task that was asked for. */
export interface Routed<K extends TaskKind> {
  readonly result: ResultOf<K>;
  readonly decision: Decision;
}

/** `outcome` as the result of `task`, or a failure when the router answered another task. */
export function routedAs<K extends TaskKind>(task: K, outcome: RouteOutcome): Step<Routed<K>> {
  const { result, decision } = outcome;
  return isResultOf(task, result) ? done({ result, decision }) : stop({ status: 'failed', message: 'Unexpected result type.', decision });
}

function isResultOf<K extends TaskKind>(task: K, result: TaskResult): result is ResultOf<K> {
  return result.task === task;
}
