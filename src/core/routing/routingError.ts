import type { Decision } from './decision';
import type { CallFailure } from './routingTypes';

/** The routed call failed; `message` is safe to show and `decision` says what was tried. */
export class RoutingError extends Error {
  constructor(
    readonly failure: CallFailure,
    readonly decision: Decision,
  ) {
    super(failure.message);
    this.name = 'RoutingError';
  }
}
