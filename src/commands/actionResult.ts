import type { Decision } from '../core/routing/decision';
import type { TaskResult } from '../core/tasks/taskTypes';

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

export function refused(message: string): ActionResult {
  return { status: 'refused', message };
}

export function cancelled(message = 'Cancelled.'): ActionResult {
  return { status: 'cancelled', message };
}
